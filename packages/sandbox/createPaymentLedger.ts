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
 */
export type AuthorizationState = 'AUTHORIZED' | 'CAPTURED' | 'VOIDED' | 'DECLINED' | 'ESCROWED' | 'RELEASED';

export interface LedgerEntry {
  readonly id: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly reference: string;
  readonly escrow: boolean;
  state: AuthorizationState;
  capturedMinor: bigint;
  declineReason?: string;
}

export type TransitionError = 'NOT_FOUND' | 'NOT_AUTHORIZED' | 'AMOUNT_TOO_LARGE' | 'NOT_IN_ESCROW';

export interface PaymentLedger {
  /**
   * Runs `produce` once per idempotency key; a repeat with the same `fingerprint` replays its value.
   * Keys of different operations are kept apart by the caller prefixing them (`capture:<key>`).
   */
  once<T>(idempotencyKey: string, fingerprint: string, produce: () => T): Remembered<T>;
  open(init: Omit<LedgerEntry, 'id' | 'state' | 'capturedMinor'>, declineReason?: string): LedgerEntry;
  get(id: string): LedgerEntry | undefined;
  /** Captures all or part of an authorization (into escrow if it was opened so); capturing again with the same amount is a no-op. */
  capture(id: string, amountMinor?: bigint): LedgerEntry | TransitionError;
  /** Releases an authorization; voiding a voided one again is a no-op. */
  void(id: string): LedgerEntry | TransitionError;
  /** Pays escrowed funds out to the seller; releasing again is a no-op. */
  release(id: string): LedgerEntry | TransitionError;
  /**
   * Sandbox control `GET /__sandbox/ledger`: every authorization as it stands (amounts in minor
   * units, as strings), so a test can check that each order was charged once and settled.
   */
  readonly routes: SandboxRoute[];
}

export function createPaymentLedger(idPrefix: string): PaymentLedger {
  const entries = new Map<string, LedgerEntry>();
  const keys = createIdempotencyKeys();
  let counter = 0;

  return {
    once: (idempotencyKey, fingerprint, produce) => keys.once(idempotencyKey, fingerprint, produce),
    open(init, declineReason) {
      const id = `${idPrefix}${String(++counter).padStart(6, '0')}`;
      const entry: LedgerEntry = { ...init, id, state: declineReason ? 'DECLINED' : 'AUTHORIZED', capturedMinor: 0n };
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
    routes: [
      {
        method: 'GET',
        path: '/__sandbox/ledger',
        endpoint: 'sandbox.ledger',
        handle: () => ({
          body: {
            authorizations: [...entries.values()].map((entry) => ({
              id: entry.id,
              reference: entry.reference,
              state: entry.state,
              amountMinor: String(entry.amountMinor),
              capturedMinor: String(entry.capturedMinor),
              currency: entry.currency,
              escrow: entry.escrow,
            })),
          },
        }),
      },
    ],
  };
}

/**
 * A keyed state change (capture, void, release): the same key with the same target replays the
 * first answer, another target is a conflict. Without a key it simply runs: these changes repeat
 * as no-ops, so a client of an older API version that sends none is still safe.
 */
export function keyedTransition<T>(ledger: PaymentLedger, operation: string, key: unknown, target: string, apply: () => T): Remembered<T> {
  if (typeof key !== 'string' || key === '') return { kind: 'fresh', value: apply() };
  return ledger.once(`${operation}:${key}`, target, apply);
}
