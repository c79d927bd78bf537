import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SeedListing } from '#packages/sandbox/index.js';
import * as feira from '#upstreams/br-feira/catalog.js';
import * as jadeMarket from '#upstreams/cn-jademarket/catalog.js';
import * as marktplatz from '#upstreams/de-marktplatz/catalog.js';
import * as ichiba from '#upstreams/jp-ichiba/catalog.js';
import * as pasarMall from '#upstreams/my-pasarmall/catalog.js';
import * as mainStreet from '#upstreams/us-mainstreet/catalog.js';
import { serviceSecretHeaders } from '#test/support/serviceSecret.js';
import { startCatalog, type GraphQLResult, type TestCatalog } from './startCatalog.js';

const RESERVE = `mutation ($input: ReserveStockInput!) {
  reserveStock(input: $input) { id quantity status expiresAt offer { id availableQuantity } }
}`;
const RELEASE = `mutation ($input: ReleaseStockInput!) { releaseStock(input: $input) { id quantity status } }`;
const PLACE = `mutation ($input: PlaceMarketplaceOrderInput!) {
  placeMarketplaceOrder(input: $input) { id status total { amount currency } marketplace { id } }
}`;
const CANCEL = `mutation ($input: CancelMarketplaceOrderInput!) { cancelMarketplaceOrder(input: $input) { id status } }`;
const OFFER = `query ($id: ID!) { offer(id: $id) { availableQuantity } }`;

interface Reservation {
  id: string;
  quantity: number;
  status: string;
  expiresAt: string;
  offer: { id: string; availableQuantity: number };
}
interface Order {
  id: string;
  status: string;
  total: { amount: string; currency: string };
  marketplace: { id: string };
}

const SERVICE = serviceSecretHeaders();
let catalog: TestCatalog;
let keys = 0;
const key = (name: string) => `${name}-${++keys}-${Date.now()}`;
const offerId = (marketplace: string, nativeId: string | number) => Buffer.from(`Offer:${marketplace}:${nativeId}`).toString('base64url');
const decode = (id: string) => Buffer.from(id, 'base64url').toString('utf8');
const stocked = (listings: readonly SeedListing[], index: number) => listings.filter((listing) => listing.stock >= 10)[index]!;

async function availableAt(marketplace: string, nativeId: string | number): Promise<number> {
  const response = await fetch(`${catalog.sandboxes.get(marketplace)!.url}/__sandbox/stock/${nativeId}`);
  return ((await response.json()) as { available: number }).available;
}
async function service<T>(query: string, input: Record<string, unknown>): Promise<GraphQLResult<T>> {
  return catalog.query<T>(query, { input }, SERVICE);
}
const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  catalog = await startCatalog();
});
afterAll(() => catalog.stop());
afterEach(async () => {
  await Promise.all([...catalog.sandboxes.values()].map((sandbox) => sandbox.setFault(null)));
});

describe('booking mutations (internal)', () => {
  it('are refused without the service secret, or with a wrong one, and hold nothing', async () => {
    const listing = stocked(jadeMarket.listings, 0);
    const numIid = jadeMarket.numIidOf(listing);
    const before = await availableAt('cn-jademarket', numIid);
    const input = { offerId: offerId('cn-jademarket', numIid), quantity: 1, idempotencyKey: key('reserve') };
    for (const headers of [{}, { 'x-service-secret': 'guess' }] as Array<Record<string, string>>) {
      const result = await catalog.query(RESERVE, { input }, headers);
      expect(result.data).toBeNull();
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
    }
    expect(await availableAt('cn-jademarket', numIid)).toBe(before);
  });

  it('reserve → place: stock drops once even when each is called twice with the same key', async () => {
    const listing = stocked(jadeMarket.listings, 0);
    const numIid = jadeMarket.numIidOf(listing);
    const before = await availableAt('cn-jademarket', numIid);
    const reserveInput = { offerId: offerId('cn-jademarket', numIid), quantity: 2, idempotencyKey: key('reserve') };
    const first = await service<{ reserveStock: Reservation }>(RESERVE, reserveInput);
    const again = await service<{ reserveStock: Reservation }>(RESERVE, reserveInput);
    expect(first.errors).toBeUndefined();
    const reservation = first.data!.reserveStock;
    expect(again.data!.reserveStock.id).toBe(reservation.id);
    expect(decode(reservation.id)).toMatch(/^StockReservation:cn-jademarket:LK\d+$/);
    expect(reservation).toMatchObject({ quantity: 2, status: 'HELD', offer: { id: reserveInput.offerId } });
    // The hold drops the cached offer, so the catalog shows the stock the hold left.
    expect(reservation.offer.availableQuantity).toBe(before - 2);

    const price = { amount: (listing.priceMinor / 100).toFixed(2), currency: 'CNY' };
    const placeInput = {
      reservationId: reservation.id,
      expectedUnitPrice: price,
      buyerName: 'Jan Novák',
      buyerCountry: 'CZ',
      idempotencyKey: key('place'),
    };
    const placed = await service<{ placeMarketplaceOrder: Order }>(PLACE, placeInput);
    const placedAgain = await service<{ placeMarketplaceOrder: Order }>(PLACE, placeInput);
    expect(placed.errors).toBeUndefined();
    const order = placed.data!.placeMarketplaceOrder;
    expect(placedAgain.data!.placeMarketplaceOrder).toEqual(order);
    expect(decode(order.id)).toMatch(/^MarketplaceOrder:cn-jademarket:38\d+$/);
    expect(order).toMatchObject({ status: 'PLACED', marketplace: { id: 'cn-jademarket' } });
    expect(order.total).toEqual({ amount: ((listing.priceMinor * 2) / 100).toFixed(2), currency: 'CNY' });
    expect(await availableAt('cn-jademarket', numIid)).toBe(before - 2);

    const released = await service(RELEASE, { reservationId: reservation.id, idempotencyKey: key('release') });
    expect(codeOf(released)).toBe('STATE_CONFLICT');
  });

  it('answers a hold with its offer read alongside it: no marketplace call after the hold, and the stock asked is the stock it left', async () => {
    const listing = stocked(marktplatz.listings, 1);
    const nativeId = marktplatz.artikelnummerOf(listing);
    const sandbox = catalog.sandboxes.get('de-marktplatz')!;
    const id = offerId('de-marktplatz', nativeId);
    const looked = await catalog.query<{ offer: { availableQuantity: number } }>(OFFER, { id }); // the offer is cached from here
    const before = looked.data!.offer.availableQuantity;

    await sandbox.resetStats();
    const held = await service<{ reserveStock: { offer: { id: string; title: string; weightGrams: number } } }>(
      `mutation ($input: ReserveStockInput!) { reserveStock(input: $input) { id offer { id title weightGrams } } }`,
      { offerId: id, quantity: 1, idempotencyKey: key('reserve') },
    );
    expect(held.errors).toBeUndefined();
    expect(held.data!.reserveStock.offer).toMatchObject({ id, title: expect.any(String) });
    // The hold, and nothing else: the offer came from the cache, read alongside the hold rather than from the vendor after it.
    expect(Object.values((await sandbox.stats()).byEndpoint).reduce((sum, count) => sum + count, 0)).toBe(1);

    // Asked for its stock, the answer reads it again once the hold is made, and never states the stock before it.
    const again = await service<{ reserveStock: Reservation }>(RESERVE, { offerId: id, quantity: 2, idempotencyKey: key('reserve') });
    expect(again.data!.reserveStock.offer.availableQuantity).toBe(before - 3);
    expect(await availableAt('de-marktplatz', nativeId)).toBe(before - 3);
  });

  it('release after reserve gives the stock back; releasing twice is harmless', async () => {
    const listing = stocked(feira.listings, 0);
    const itemId = feira.itemIdOf(listing);
    const before = await availableAt('br-feira', itemId);
    const reserved = await service<{ reserveStock: Reservation }>(RESERVE, {
      offerId: offerId('br-feira', itemId),
      quantity: 4,
      idempotencyKey: key('reserve'),
    });
    const reservationId = reserved.data!.reserveStock.id;
    expect(await availableAt('br-feira', itemId)).toBe(before - 4);
    const releaseInput = { reservationId, idempotencyKey: key('release') };
    const released = await service<{ releaseStock: { status: string } }>(RELEASE, releaseInput);
    expect(released.data!.releaseStock.status).toBe('RELEASED');
    expect((await service<{ releaseStock: { status: string } }>(RELEASE, releaseInput)).data!.releaseStock.status).toBe('RELEASED');
    expect(
      (await service<{ releaseStock: { status: string } }>(RELEASE, { reservationId, idempotencyKey: key('release') })).data!.releaseStock
        .status,
    ).toBe('RELEASED');
    expect(await availableAt('br-feira', itemId)).toBe(before);
    // A released hold cannot be ordered: the stock it held is gone.
    const price = { amount: (listing.priceMinor / 100).toFixed(2), currency: 'BRL' };
    const placed = await service(PLACE, {
      reservationId,
      expectedUnitPrice: price,
      buyerName: 'Ana',
      buyerCountry: 'AR',
      idempotencyKey: key('place'),
    });
    expect(placed.errors?.[0]?.extensions).toMatchObject({ code: 'OUT_OF_STOCK', reason: 'RESERVATION_CLOSED', marketplace: 'br-feira' });
  });

  it('cancelling a marketplace order gives its stock back, once', async () => {
    const listing = stocked(ichiba.listings, 0);
    const code = ichiba.itemCodeOf(listing);
    const before = await availableAt('jp-ichiba', code);
    const reserved = await service<{ reserveStock: Reservation }>(RESERVE, {
      offerId: offerId('jp-ichiba', code),
      quantity: 3,
      idempotencyKey: key('reserve'),
    });
    const price = { amount: String(listing.priceMinor), currency: 'JPY' };
    const placed = await service<{ placeMarketplaceOrder: Order }>(PLACE, {
      reservationId: reserved.data!.reserveStock.id,
      expectedUnitPrice: price,
      buyerName: '山田太郎',
      buyerCountry: 'JP',
      idempotencyKey: key('place'),
    });
    expect(placed.data!.placeMarketplaceOrder.total).toEqual({ amount: String(listing.priceMinor * 3), currency: 'JPY' });
    const cancelInput = { marketplaceOrderId: placed.data!.placeMarketplaceOrder.id, idempotencyKey: key('cancel') };
    for (let i = 0; i < 2; i++) {
      const cancelled = await service<{ cancelMarketplaceOrder: { status: string } }>(CANCEL, cancelInput);
      expect(cancelled.data!.cancelMarketplaceOrder.status).toBe('CANCELLED');
    }
    expect(await availableAt('jp-ichiba', code)).toBe(before);
  });

  it('answers the expected business failures with their codes', async () => {
    const listing = stocked(pasarMall.listings, 0);
    const itemId = pasarMall.itemIdOf(listing);
    const tooMany = await service(RESERVE, { offerId: offerId('my-pasarmall', itemId), quantity: 999, idempotencyKey: key('reserve') });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'OUT_OF_STOCK', marketplace: 'my-pasarmall' });

    const usListing = stocked(mainStreet.listings, 0);
    const usOffer = offerId('us-mainstreet', mainStreet.listingIdOf(usListing));
    const reserveInput = { offerId: usOffer, quantity: 1, idempotencyKey: key('reserve') };
    const reserved = await service<{ reserveStock: Reservation }>(RESERVE, reserveInput);
    const reused = await service(RESERVE, { ...reserveInput, quantity: 2 });
    expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
    const cheaper = { amount: ((usListing.priceMinor - 1) / 100).toFixed(2), currency: 'USD' };
    const placeInput = {
      reservationId: reserved.data!.reserveStock.id,
      buyerName: 'Sam',
      buyerCountry: 'CA',
      idempotencyKey: key('place'),
    };
    expect(codeOf(await service(PLACE, { ...placeInput, expectedUnitPrice: cheaper }))).toBe('PRICE_CHANGED');
    const inEuros = await service(PLACE, { ...placeInput, expectedUnitPrice: { amount: '10.00', currency: 'EUR' } });
    expect(inEuros.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.expectedUnitPrice' });
    expect(codeOf(await service(RELEASE, { reservationId: usOffer, idempotencyKey: key('release') }))).toBe('BAD_USER_INPUT');
  });

  it('says MARKETPLACE_UNAVAILABLE, retryable, when the marketplace is down; the same key then holds once', async () => {
    const listing = stocked(marktplatz.listings, 0);
    const artikelnummer = marktplatz.artikelnummerOf(listing);
    const before = await availableAt('de-marktplatz', artikelnummer);
    const input = { offerId: offerId('de-marktplatz', artikelnummer), quantity: 1, idempotencyKey: key('reserve') };
    await catalog.sandboxes.get('de-marktplatz')!.setFault('down');
    const down = await service(RESERVE, input);
    expect(down.errors?.[0]?.extensions).toMatchObject({ code: 'MARKETPLACE_UNAVAILABLE', marketplace: 'de-marktplatz', retryable: true });
    await catalog.sandboxes.get('de-marktplatz')!.setFault(null);
    expect((await service<{ reserveStock: Reservation }>(RESERVE, input)).data!.reserveStock.status).toBe('HELD');
    expect((await service<{ reserveStock: Reservation }>(RESERVE, input)).data!.reserveStock.status).toBe('HELD');
    expect(await availableAt('de-marktplatz', artikelnummer)).toBe(before - 1);
    const offer = await catalog.query<{ offer: { availableQuantity: number } }>(OFFER, { id: input.offerId });
    expect(offer.data!.offer.availableQuantity).toBe(before - 1);
  });
});
