import type { BookableQuote, TradeClient } from '../load/createTradeClient.js';

/** A booking the API accepted: the order id it answered, for the quote it booked. */
export interface AcceptedBooking {
  readonly orderId: string;
  readonly quote: BookableQuote;
  readonly idempotencyKey: string;
}

interface LedgerAuthorization {
  readonly id: string;
  readonly reference: string;
  readonly state: 'AUTHORIZED' | 'CAPTURED' | 'VOIDED' | 'DECLINED' | 'ESCROWED' | 'RELEASED';
  readonly amountMinor: string;
}

export interface InvariantReport {
  readonly lines: string[];
  readonly violations: string[];
}

const SETTLED = new Set(['CONFIRMED', 'FAILED']);
const HELD = new Set(['AUTHORIZED', 'CAPTURED', 'ESCROWED', 'RELEASED']);

/**
 * After a chaos run: every accepted booking ends CONFIRMED or FAILED (none stuck), none is lost
 * (each id still reads), each order was authorized at most once at its provider (no double
 * charge), a confirmed order's money is held or taken and a failed one's is voided, and the units
 * the marketplaces booked equal the units of the confirmed orders. Payments are read from the
 * payment sandboxes' ledgers (`GET /__sandbox/authorizations`), stock from the marketplaces'.
 */
export async function checkInvariants(options: {
  client: TradeClient;
  accepted: readonly AcceptedBooking[];
  sandboxUrls: Readonly<Record<string, string>>;
  stockBefore: ReadonlyMap<string, number | undefined>;
  orderedAt: (quote: BookableQuote) => Promise<number | undefined>;
  settleTimeoutMs: number;
}): Promise<InvariantReport> {
  const { client, accepted } = options;
  const violations: string[] = [];
  const lines: string[] = [];

  // 1. settle: every accepted order reaches CONFIRMED or FAILED
  const statusOf = new Map<string, string | null>();
  const deadline = Date.now() + options.settleTimeoutMs;
  let pending = [...accepted];
  while (pending.length > 0) {
    const read = await Promise.all(pending.map(async (booking) => [booking, await client.order(booking.orderId)] as const));
    for (const [booking, answer] of read) {
      if (answer.ok) statusOf.set(booking.orderId, answer.data?.order?.status ?? null);
    }
    pending = pending.filter((booking) => !SETTLED.has(statusOf.get(booking.orderId) ?? ''));
    if (pending.length === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  const byStatus = new Map<string, number>();
  for (const booking of accepted) {
    const status = statusOf.get(booking.orderId);
    byStatus.set(String(status), (byStatus.get(String(status)) ?? 0) + 1);
    if (status === null) violations.push(`lost order: ${booking.orderId} (accepted, now reads null)`);
    else if (status === undefined) violations.push(`unreadable order: ${booking.orderId} (no answer at the end)`);
    else if (!SETTLED.has(status))
      violations.push(`stuck order: ${booking.orderId} is ${status} after ${options.settleTimeoutMs / 1000} s`);
  }
  lines.push(`orders: ${accepted.length} accepted → ${[...byStatus].map(([status, count]) => `${status} ${count}`).join(', ') || 'none'}`);

  // 2. money, from the payment sandboxes' ledgers
  const authorizations: LedgerAuthorization[] = [];
  for (const [id, url] of Object.entries(options.sandboxUrls)) {
    const response = await fetch(`${url}/__sandbox/authorizations`).catch(() => undefined);
    if (!response?.ok) continue;
    const ledger = (await response.json()) as { authorizations: LedgerAuthorization[] };
    authorizations.push(...ledger.authorizations.map((entry) => ({ ...entry, id: `${id}:${entry.id}` })));
  }
  const byOrder = new Map<string, LedgerAuthorization[]>();
  for (const entry of authorizations) {
    const orderId = /^order:(.+):AUTHORIZE_PAYMENT$/.exec(entry.reference)?.[1] ?? `(reference ${entry.reference})`;
    byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), entry]);
  }
  let doubleCharges = 0;
  for (const booking of accepted) {
    const status = statusOf.get(booking.orderId);
    const live = (byOrder.get(booking.orderId) ?? []).filter((entry) => entry.state !== 'DECLINED');
    if (live.length > 1) {
      doubleCharges++;
      violations.push(
        `double charge: ${booking.orderId} has ${live.length} authorizations (${live.map((entry) => `${entry.id} ${entry.state}`).join(', ')})`,
      );
    }
    if (status === 'CONFIRMED' && !live.some((entry) => HELD.has(entry.state))) {
      violations.push(`unpaid confirmed order: ${booking.orderId} (${live.map((entry) => entry.state).join(', ') || 'no authorization'})`);
    }
    if (status === 'FAILED' && live.some((entry) => entry.state !== 'VOIDED')) {
      violations.push(`failed order still charged: ${booking.orderId} (${live.map((entry) => `${entry.id} ${entry.state}`).join(', ')})`);
    }
  }
  const known = new Set(accepted.map((booking) => booking.orderId));
  const orphans = [...byOrder].filter(([orderId]) => !known.has(orderId));
  const orphanHeld = orphans.filter(([, entries]) => entries.some((entry) => HELD.has(entry.state))).length;
  const states = new Map<string, number>();
  for (const entry of authorizations) states.set(entry.state, (states.get(entry.state) ?? 0) + 1);
  lines.push(
    `payments: ${authorizations.length} authorizations at the providers (${[...states].map(([state, count]) => `${state} ${count}`).join(', ') || 'none'}); ` +
      `double charges ${doubleCharges}; ${orphans.length} for orders no client was told of (${orphanHeld} of them held or taken)`,
  );

  // 3. stock: units the marketplaces booked = units of the confirmed orders, per offer
  const expected = new Map<string, { quote: BookableQuote; units: number }>();
  for (const booking of accepted) {
    const entry = expected.get(booking.quote.offerId) ?? { quote: booking.quote, units: 0 };
    if (statusOf.get(booking.orderId) === 'CONFIRMED') entry.units += booking.quote.quantity;
    expected.set(booking.quote.offerId, entry);
  }
  let unitsOrdered = 0;
  let unitsMoved = 0;
  let offersChecked = 0;
  for (const [offerId, { quote, units }] of expected) {
    const before = options.stockBefore.get(offerId);
    const after = await options.orderedAt(quote);
    if (before === undefined || after === undefined) continue;
    offersChecked++;
    unitsOrdered += units;
    unitsMoved += after - before;
    // orders no client was told of may have booked stock too: only an excess of confirmed units over stock moved is a loss
    if (after - before !== units && (orphanHeld === 0 || after - before < units)) {
      violations.push(`stock: offer ${offerId} moved ${after - before} units for ${units} confirmed`);
    }
  }
  lines.push(`stock: ${offersChecked} offers, ${unitsMoved} units moved at the marketplaces for ${unitsOrdered} units confirmed`);
  return { lines, violations };
}
