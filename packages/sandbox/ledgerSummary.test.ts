import { describe, expect, it } from 'vitest';
import { createPaymentLedger } from './createPaymentLedger.js';
import type { SandboxRequest } from './createSandboxServer.js';
import { createStockLedger } from './createStockLedger.js';
import type { SeedListing } from './seedListings.js';

const GET: SandboxRequest = { method: 'GET', path: '/__sandbox/ledger', query: new URLSearchParams(), headers: {}, body: '' };
const summaryOf = async (routes: { path: string; method: string; handle: (r: SandboxRequest) => unknown }[]) =>
  ((await routes.find((route) => route.method === 'GET' && route.path === '/__sandbox/ledger')!.handle(GET)) as { body: unknown }).body;

describe('the ledger summaries a benchmark reconciles its bookings with', () => {
  it('counts a marketplace’s reservations and orders by state, with their units', async () => {
    const listing = { stock: 10, priceMinor: 500 } as unknown as SeedListing;
    const ledger = createStockLedger({ listings: [listing], itemIdOf: () => 'item-1', reservationPrefix: 'R', orderPrefix: 'O' });
    const kept = ledger.reserve('item-1', 2);
    const released = ledger.reserve('item-1', 3);
    if (!kept.ok || !released.ok) throw new Error('reservations refused');
    ledger.release(released.value.id);
    const placed = ledger.placeOrder(kept.value.id, 500, { name: 'Lena', country: 'DE' });
    expect(placed.ok).toBe(true);

    expect(await summaryOf(ledger.routes)).toEqual({
      reservations: { ORDERED: { count: 1, units: 2 }, RELEASED: { count: 1, units: 3 } },
      orders: { PLACED: { count: 1, units: 2 } },
    });
  });

  it('counts a payment provider’s authorizations by state', async () => {
    const ledger = createPaymentLedger('auth_', 'card_declined');
    const open = () => ledger.open({ amountMinor: 1000n, currency: 'EUR', reference: 'order', escrow: false });
    open();
    ledger.void(open().id);
    ledger.capture(open().id);
    ledger.open({ amountMinor: 1000n, currency: 'EUR', reference: 'order', escrow: false }, 'insufficient funds');

    expect(await summaryOf(ledger.routes)).toEqual({ authorizations: { AUTHORIZED: 1, VOIDED: 1, CAPTURED: 1, DECLINED: 1 } });
  });
});
