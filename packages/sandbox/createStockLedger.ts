import { currentTestTrigger } from '../log/index.js';
import { createIdempotencyKeys, type Remembered } from './createIdempotencyKeys.js';
import type { SandboxRoute } from './createSandboxServer.js';
import type { SeedListing } from './seedListings.js';

/**
 * A sandbox marketplace's live stock: reservations that hold it, orders that consume it, and the
 * idempotency keys of the writes. Shared by every marketplace sandbox, each rendering it in its own
 * vocabulary (like `createPaymentLedger.ts` for the payment sandboxes). One ledger per
 * server, so every test starts from the seeded stock. Ids count up per server: runs are repeatable.
 *
 * - reserve: takes `quantity` off the available stock and holds it until `holdMs` have passed;
 * - release: gives held stock back (releasing again is a no-op);
 * - place an order: turns a held reservation into an order (the stock stays taken);
 * - cancel an order: gives its stock back (cancelling again is a no-op).
 * An expired hold gives its stock back the next time anyone looks.
 *
 * Test mode: a reservation asked for with the `out_of_stock` trigger is refused as the item's
 * stock being gone, whatever the ledger holds (the vendor's sandbox forcing the outcome).
 */
export type ReservationState = 'HELD' | 'RELEASED' | 'ORDERED' | 'EXPIRED';
export type OrderState = 'PLACED' | 'CANCELLED';

export interface Reservation {
  readonly id: string;
  readonly itemId: string;
  readonly quantity: number;
  readonly state: ReservationState;
  /** ms since the epoch. */
  readonly expiresAt: number;
}

export interface MarketplaceOrderEntry {
  readonly id: string;
  readonly reservationId: string;
  readonly itemId: string;
  readonly quantity: number;
  /** In minor units of the marketplace's currency, as the vendor quotes the listing (`unitPriceOf`). */
  readonly unitMinor: number;
  readonly totalMinor: number;
  readonly state: OrderState;
  readonly buyerName: string;
  readonly buyerCountry: string;
}

export type StockRefusal =
  | 'UNKNOWN_ITEM'
  | 'BAD_QUANTITY'
  | 'OUT_OF_STOCK'
  | 'UNKNOWN_RESERVATION'
  | 'RESERVATION_EXPIRED'
  | 'RESERVATION_CLOSED'
  | 'RESERVATION_ORDERED'
  | 'PRICE_CHANGED'
  | 'UNKNOWN_ORDER';

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: StockRefusal };

export interface StockLedger {
  /** Units that can be reserved now, or undefined for an unknown item. */
  available(itemId: string): number | undefined;
  /**
   * Runs `write` once per (operation, key): a repeat with the same `fingerprint` replays the first
   * outcome, refusals included, so a retried write never moves stock twice. Keys are scoped per
   * operation, as the vendors document it: one key may serve a reservation and an order.
   */
  once<T>(operation: string, key: string, fingerprint: string, write: () => T): Remembered<T>;
  reserve(itemId: string, quantity: number): Outcome<Reservation>;
  release(reservationId: string): Outcome<Reservation>;
  placeOrder(reservationId: string, expectedUnitMinor: number, buyer: { name: string; country: string }): Outcome<MarketplaceOrderEntry>;
  cancelOrder(orderId: string): Outcome<MarketplaceOrderEntry>;
  /**
   * Sandbox controls: `GET /__sandbox/stock/<item id>`, `GET /__sandbox/ledger` (how many
   * reservations and orders, by state, and the units they moved: what a benchmark reconciles its
   * bookings with) and `POST /__sandbox/stock-hold {"seconds": n}`.
   */
  readonly routes: SandboxRoute[];
}

export interface StockLedgerOptions {
  listings: readonly SeedListing[];
  /** The vendor's native id of a listing. */
  itemIdOf(listing: SeedListing): string;
  /** Prefixes of the vendor's reservation and order ids. */
  reservationPrefix: string;
  orderPrefix: string;
  /** The unit price the vendor quotes and checks an order against, in minor units. Default: the seeded price. */
  unitPriceOf?(listing: SeedListing): number;
  /** How long a hold lasts. Default: 15 minutes, a common checkout window. */
  holdMs?: number;
  now?: () => number;
}

export function createStockLedger(options: StockLedgerOptions): StockLedger {
  const now = options.now ?? Date.now;
  let holdMs = options.holdMs ?? 15 * 60_000;
  const listings = new Map(options.listings.map((listing) => [options.itemIdOf(listing), listing]));
  const stock = new Map([...listings].map(([id, listing]) => [id, listing.stock]));
  const reservations = new Map<string, Reservation>();
  const orders = new Map<string, MarketplaceOrderEntry>();
  const keys = createIdempotencyKeys();
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}${String(++counter).padStart(8, '0')}`;

  /** Lapsed holds give their stock back before anything reads or moves stock. */
  function expireHolds(): void {
    const time = now();
    for (const reservation of reservations.values()) {
      if (reservation.state === 'HELD' && reservation.expiresAt <= time) {
        reservations.set(reservation.id, { ...reservation, state: 'EXPIRED' });
        stock.set(reservation.itemId, (stock.get(reservation.itemId) ?? 0) + reservation.quantity);
      }
    }
  }
  const give = (itemId: string, quantity: number) => stock.set(itemId, (stock.get(itemId) ?? 0) + quantity);
  const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
  const refuse = (refusal: StockRefusal): Outcome<never> => ({ ok: false, refusal });

  const ledger: StockLedger = {
    available(itemId) {
      expireHolds();
      return stock.get(itemId);
    },
    once: (operation, key, fingerprint, write) => keys.once(`${operation}\u0000${key}`, fingerprint, write),
    reserve(itemId, quantity) {
      expireHolds();
      const available = stock.get(itemId);
      if (available === undefined) return refuse('UNKNOWN_ITEM');
      if (!Number.isSafeInteger(quantity) || quantity < 1) return refuse('BAD_QUANTITY');
      if (available < quantity || currentTestTrigger() === 'out_of_stock') return refuse('OUT_OF_STOCK');
      stock.set(itemId, available - quantity);
      const reservation: Reservation = {
        id: nextId(options.reservationPrefix),
        itemId,
        quantity,
        state: 'HELD',
        expiresAt: now() + holdMs,
      };
      reservations.set(reservation.id, reservation);
      return ok(reservation);
    },
    release(reservationId) {
      expireHolds();
      const reservation = reservations.get(reservationId);
      if (!reservation) return refuse('UNKNOWN_RESERVATION');
      if (reservation.state === 'ORDERED') return refuse('RESERVATION_ORDERED');
      if (reservation.state !== 'HELD') return ok(reservation); // released or expired: the stock is back already
      const released: Reservation = { ...reservation, state: 'RELEASED' };
      reservations.set(reservationId, released);
      give(reservation.itemId, reservation.quantity);
      return ok(released);
    },
    placeOrder(reservationId, expectedUnitMinor, buyer) {
      expireHolds();
      const reservation = reservations.get(reservationId);
      if (!reservation) return refuse('UNKNOWN_RESERVATION');
      if (reservation.state === 'EXPIRED') return refuse('RESERVATION_EXPIRED');
      if (reservation.state !== 'HELD') return refuse('RESERVATION_CLOSED');
      const listing = listings.get(reservation.itemId)!;
      const unitMinor = options.unitPriceOf ? options.unitPriceOf(listing) : listing.priceMinor;
      if (unitMinor !== expectedUnitMinor) return refuse('PRICE_CHANGED');
      reservations.set(reservationId, { ...reservation, state: 'ORDERED' });
      const order: MarketplaceOrderEntry = {
        id: nextId(options.orderPrefix),
        reservationId,
        itemId: reservation.itemId,
        quantity: reservation.quantity,
        unitMinor,
        totalMinor: unitMinor * reservation.quantity,
        state: 'PLACED',
        buyerName: buyer.name,
        buyerCountry: buyer.country,
      };
      orders.set(order.id, order);
      return ok(order);
    },
    cancelOrder(orderId) {
      const order = orders.get(orderId);
      if (!order) return refuse('UNKNOWN_ORDER');
      if (order.state === 'CANCELLED') return ok(order);
      const cancelled: MarketplaceOrderEntry = { ...order, state: 'CANCELLED' };
      orders.set(orderId, cancelled);
      give(order.itemId, order.quantity);
      return ok(cancelled);
    },
    routes: [],
  };

  ledger.routes.push(
    // One route per listing: sandbox routes match whole paths, and a catalog is a few hundred items.
    // An id a client may percent-encode (Ichiba's `shop:123`) answers under both spellings.
    ...[...listings.keys()]
      .flatMap((itemId) => [...new Set([itemId, encodeURIComponent(itemId)])].map((path) => ({ itemId, path })))
      .map(({ itemId, path }): SandboxRoute => ({
        method: 'GET',
        path: `/__sandbox/stock/${path}`,
        endpoint: 'sandbox.stock',
        handle: () => {
          const held = [...reservations.values()].filter((r) => r.itemId === itemId && r.state === 'HELD');
          const ordered = [...orders.values()].filter((o) => o.itemId === itemId && o.state === 'PLACED');
          return {
            body: {
              itemId,
              seeded: listings.get(itemId)!.stock,
              available: ledger.available(itemId),
              held: held.reduce((sum, r) => sum + r.quantity, 0),
              ordered: ordered.reduce((sum, o) => sum + o.quantity, 0),
            },
          };
        },
      })),
    {
      method: 'GET',
      path: '/__sandbox/ledger',
      endpoint: 'sandbox.ledger',
      handle: () => {
        expireHolds();
        const count = <T extends { state: string; quantity: number }>(entries: Iterable<T>) => {
          const byState: Record<string, { count: number; units: number }> = {};
          for (const entry of entries) {
            const tally = (byState[entry.state] ??= { count: 0, units: 0 });
            tally.count += 1;
            tally.units += entry.quantity;
          }
          return byState;
        };
        return { body: { reservations: count(reservations.values()), orders: count(orders.values()) } };
      },
    },
    {
      method: 'POST',
      path: '/__sandbox/stock-hold',
      endpoint: 'sandbox.stock-hold',
      handle: (request) => {
        const { seconds } = JSON.parse(request.body || '{}') as { seconds?: unknown };
        if (typeof seconds !== 'number' || !(seconds > 0)) return { status: 400, body: { error: 'seconds must be a positive number' } };
        holdMs = seconds * 1000;
        return { body: { holdSeconds: seconds } };
      },
    },
  );
  return ledger;
}

/** The request's business fields as one string, so a retry with other signatures or timestamps still matches. */
export const fingerprintOf = (fields: Readonly<Record<string, unknown>>): string =>
  JSON.stringify(
    Object.keys(fields)
      .sort()
      .map((name) => [name, fields[name]]),
  );
