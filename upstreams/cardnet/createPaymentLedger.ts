/**
 * The authorizations a sandbox payment provider holds, and its idempotency keys: the same key
 * with the same request gives back the first answer (never a second authorization); the same key
 * with another request is a conflict. Ids count up per server, so runs are deterministic.
 * Shared by every payment sandbox, which render entries in their own vocabulary.
 */
export type AuthorizationState = 'AUTHORIZED' | 'CAPTURED' | 'VOIDED' | 'DECLINED';

export interface LedgerEntry {
  readonly id: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly reference: string;
  state: AuthorizationState;
  capturedMinor: bigint;
  declineReason?: string;
}

export type Remembered<T> = { readonly kind: 'fresh' | 'replay'; readonly value: T } | { readonly kind: 'conflict' };

export type TransitionError = 'NOT_FOUND' | 'NOT_AUTHORIZED' | 'AMOUNT_TOO_LARGE';

export interface PaymentLedger {
  /** Runs `produce` once per idempotency key; a repeat with the same `fingerprint` replays its value. */
  once<T>(idempotencyKey: string, fingerprint: string, produce: () => T): Remembered<T>;
  open(init: Omit<LedgerEntry, 'id' | 'state' | 'capturedMinor'>, declineReason?: string): LedgerEntry;
  /** Captures all or part of an authorization; capturing a captured one again with the same amount is a no-op. */
  capture(id: string, amountMinor?: bigint): LedgerEntry | TransitionError;
  /** Releases an authorization; voiding a voided one again is a no-op. */
  void(id: string): LedgerEntry | TransitionError;
}

export function createPaymentLedger(idPrefix: string): PaymentLedger {
  const entries = new Map<string, LedgerEntry>();
  const keys = new Map<string, { fingerprint: string; value: unknown }>();
  let counter = 0;

  return {
    once<T>(idempotencyKey: string, fingerprint: string, produce: () => T): Remembered<T> {
      const seen = keys.get(idempotencyKey);
      if (seen) return seen.fingerprint === fingerprint ? { kind: 'replay', value: seen.value as T } : { kind: 'conflict' };
      const value = produce();
      keys.set(idempotencyKey, { fingerprint, value });
      return { kind: 'fresh', value };
    },
    open(init, declineReason) {
      const id = `${idPrefix}${String(++counter).padStart(6, '0')}`;
      const entry: LedgerEntry = { ...init, id, state: declineReason ? 'DECLINED' : 'AUTHORIZED', capturedMinor: 0n };
      if (declineReason) entry.declineReason = declineReason;
      entries.set(id, entry);
      return entry;
    },
    capture(id, amountMinor) {
      const entry = entries.get(id);
      if (!entry) return 'NOT_FOUND';
      const amount = amountMinor ?? entry.amountMinor;
      if (entry.state === 'CAPTURED' && amount === entry.capturedMinor) return entry;
      if (entry.state !== 'AUTHORIZED') return 'NOT_AUTHORIZED';
      if (amount <= 0n || amount > entry.amountMinor) return 'AMOUNT_TOO_LARGE';
      entry.state = 'CAPTURED';
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
  };
}
