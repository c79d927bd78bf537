import { currentTestTrigger } from '../log/index.js';
import { createIdempotencyKeys, type Remembered } from './createIdempotencyKeys.js';
import type { SandboxRoute } from './createSandboxServer.js';

/**
 * The authorizations a sandbox payment provider holds, and its idempotency keys: the same key
 * with the same request gives back the first answer (never a second authorization); the same key
 * with another request is a conflict. Ids count up per server, so runs are deterministic.
 * Shared by every payment sandbox, which render entries in their own vocabulary.
 *
 * Escrow: an authorization opened with `escrow` is captured into escrow (ESCROWED: the buyer has
 * paid, the seller not yet been paid out) and released to the seller later (RELEASED), as
 * marketplace payment facilitators hold funds until delivery.
 *
 * Refund: money taken from the buyer (CAPTURED, ESCROWED, or RELEASED: a facilitator takes a
 * paid-out refund back from the seller's next payout) goes back whole, as when a dispute is settled
 * for the buyer, or in parts, as a return refunds what the seller's policy gives back. Parts add
 * up to at most the capture; once all of it is back the entry is REFUNDED.
 * Test mode: an authorization opened with the `payment_declined` trigger is declined with the
 * provider's own code for a plain refusal (`testDeclineReason`), as a real issuer would refuse it.
 */
export type AuthorizationState = 'AUTHORIZED' | 'CAPTURED' | 'VOIDED' | 'DECLINED' | 'ESCROWED' | 'RELEASED' | 'REFUNDED';

export interface LedgerEntry {
  readonly id: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly reference: string;
  readonly escrow: boolean;
  state: AuthorizationState;
  capturedMinor: bigint;
  /** Given back to the buyer so far, over every refund; never more than was captured. */
  refundedMinor: bigint;
  declineReason?: string;
}

export type TransitionError = 'NOT_FOUND' | 'NOT_AUTHORIZED' | 'AMOUNT_TOO_LARGE' | 'NOT_IN_ESCROW' | 'NOT_REFUNDABLE';

export interface PaymentLedger {
  /**
   * Runs `produce` once per idempotency key; a repeat with the same `fingerprint` replays its value.
   * Keys of different operations are kept apart by the caller prefixing them (`capture:<key>`).
   */
  once<T>(idempotencyKey: string, fingerprint: string, produce: () => T): Remembered<T>;
  open(init: Omit<LedgerEntry, 'id' | 'state' | 'capturedMinor' | 'refundedMinor'>, declineReason?: string): LedgerEntry;
  get(id: string): LedgerEntry | undefined;
  /** Captures all or part of an authorization (into escrow if it was opened so); capturing again with the same amount is a no-op. */
  capture(id: string, amountMinor?: bigint): LedgerEntry | TransitionError;
  /** Releases an authorization; voiding a voided one again is a no-op. */
  void(id: string): LedgerEntry | TransitionError;
  /** Pays escrowed funds out to the seller; releasing again is a no-op. */
  release(id: string): LedgerEntry | TransitionError;
  /**
   * Gives `amountMinor` of a captured payment back to the buyer (default: all not yet refunded).
   * Refunding a REFUNDED entry again without an amount is a no-op; beyond the capture is AMOUNT_TOO_LARGE.
   */
  refund(id: string, amountMinor?: bigint): LedgerEntry | TransitionError;
  /**
   * Sandbox controls: `GET /__sandbox/ledger`, how many authorizations are in each state (what a
   * benchmark reconciles its bookings with), and `GET /__sandbox/authorizations`, every authorization
   * as it stands (amounts in minor units, as strings), so a test can check that each order was charged
   * once and settled.
   */
  readonly routes: SandboxRoute[];
}

export function createPaymentLedger(idPrefix: string, testDeclineReason: string): PaymentLedger {
  const entries = new Map<string, LedgerEntry>();
  const keys = createIdempotencyKeys();
  let counter = 0;

  const summary: SandboxRoute = {
    method: 'GET',
    path: '/__sandbox/ledger',
    endpoint: 'sandbox.ledger',
    handle: () => {
      const authorizations: Partial<Record<AuthorizationState, number>> = {};
      for (const entry of entries.values()) authorizations[entry.state] = (authorizations[entry.state] ?? 0) + 1;
      return { body: { authorizations } };
    },
  };

  const authorizations: SandboxRoute = {
    method: 'GET',
    path: '/__sandbox/authorizations',
    endpoint: 'sandbox.authorizations',
    handle: () => ({
      body: {
        authorizations: [...entries.values()].map((entry) => ({
          id: entry.id,
          reference: entry.reference,
          state: entry.state,
          amountMinor: String(entry.amountMinor),
          capturedMinor: String(entry.capturedMinor),
          refundedMinor: String(entry.refundedMinor),
          currency: entry.currency,
          escrow: entry.escrow,
        })),
      },
    }),
  };

  return {
    routes: [summary, authorizations],
    once: (idempotencyKey, fingerprint, produce) => keys.once(idempotencyKey, fingerprint, produce),
    open(init, refusal) {
      const declineReason = refusal ?? (currentTestTrigger() === 'payment_declined' ? testDeclineReason : undefined);
      const id = `${idPrefix}${String(++counter).padStart(6, '0')}`;
      const entry: LedgerEntry = { ...init, id, state: declineReason ? 'DECLINED' : 'AUTHORIZED', capturedMinor: 0n, refundedMinor: 0n };
      if (declineReason) entry.declineReason = declineReason;
      entries.set(id, entry);
      return entry;
    },
    get: (id) => entries.get(id),
    capture(id, amountMinor) {
      const entry = entries.get(id);
      if (!entry) return 'NOT_FOUND';
      const amount = amountMinor ?? entry.amountMinor;
      if ((entry.state === 'CAPTURED' || entry.state === 'ESCROWED') && amount === entry.capturedMinor) return entry;
      if (entry.state !== 'AUTHORIZED') return 'NOT_AUTHORIZED';
      if (amount <= 0n || amount > entry.amountMinor) return 'AMOUNT_TOO_LARGE';
      entry.state = entry.escrow ? 'ESCROWED' : 'CAPTURED';
      entry.capturedMinor = amount;
      return entry;
    },
    void(id) {
      const entry = entries.get(id);
      if (!entry) return 'NOT_FOUND';
      if (entry.state === 'VOIDED') return entry;
      if (entry.state !== 'AUTHORIZED') return 'NOT_AUTHORIZED';
      entry.state = 'VOIDED';
      return entry;
    },
    release(id) {
      const entry = entries.get(id);
      if (!entry) return 'NOT_FOUND';
      if (entry.state === 'RELEASED') return entry;
      if (entry.state !== 'ESCROWED') return 'NOT_IN_ESCROW';
      entry.state = 'RELEASED';
      return entry;
    },
    refund(id, amountMinor) {
      const entry = entries.get(id);
      if (!entry) return 'NOT_FOUND';
      if (entry.state === 'REFUNDED' && amountMinor === undefined) return entry;
      if (entry.state !== 'CAPTURED' && entry.state !== 'ESCROWED' && entry.state !== 'RELEASED' && entry.state !== 'REFUNDED')
        return 'NOT_REFUNDABLE';
      const left = entry.capturedMinor - entry.refundedMinor;
      const amount = amountMinor ?? left;
      if (amount <= 0n || amount > left) return 'AMOUNT_TOO_LARGE';
      entry.refundedMinor += amount;
      if (entry.refundedMinor === entry.capturedMinor) entry.state = 'REFUNDED';
      return entry;
    },
  };
}

/**
 * A keyed state change (capture, void, release, refund): the same key with the same target replays the
 * first answer, another target is a conflict. Without a key it simply runs: these changes repeat
 * as no-ops, so a client of an older API version that sends none is still safe.
 */
export function keyedTransition<T>(ledger: PaymentLedger, operation: string, key: unknown, target: string, apply: () => T): Remembered<T> {
  if (typeof key !== 'string' || key === '') return { kind: 'fresh', value: apply() };
  return ledger.once(`${operation}:${key}`, target, apply);
}
