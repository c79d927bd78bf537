import { createIdempotencyKeys, type Remembered } from './createIdempotencyKeys.js';
import type { SandboxRoute } from './createSandboxServer.js';

/**
 * A sandbox carrier's labels and how each parcel moves. Shared by every carrier sandbox, each
 * with its own stages in its own words (like `createPaymentLedger.ts` for payments).
 *
 * A parcel moves through its carrier's `stages` on a deterministic schedule from its creation:
 * stage 0 (label created) at once, stage i after `startDelayStages + i` steps of `msPerStage`.
 * Or on request: `POST /__sandbox/advance {"trackingNumber", "to"}` moves it at once to the first
 * stage, after its current one, that `to` names (the vendor's code, or our status word such as
 * `DELIVERED`); `to` naming the carrier's exception or Tracking status `EXCEPTION` records an
 * exception event. `POST /__sandbox/pace {"msPerStage": n}` sets the pace (null: parcels move only
 * on request); `POST /__sandbox/clock {"advanceMs": n}` moves the carrier's clock n ms on, so the
 * scans that follow carry later times (a parcel delivered weeks after its pickup, without waiting
 * weeks; with `pace` null, no parcel moves by itself meanwhile); `GET /__sandbox/labels` lists the labels made, each with what its carrier keeps about it. A label can be cancelled until the
 * parcel is picked up (stage 1); a cancelled parcel moves no more.
 */
export interface ParcelStage {
  /** The vendor's event code, e.g. `EMA` or `PU`. */
  readonly code: string;
  readonly description: string;
  /** Our tracking word for it, so tests and the saga can say `advance to DELIVERED` to any carrier. */
  readonly status: string;
  /** Where it happens: at the parcel's origin or at its destination. */
  readonly at: 'origin' | 'destination';
}

export interface Parcel<D> {
  readonly trackingNumber: string;
  readonly from: string;
  readonly to: string;
  readonly createdAt: number;
  /** Steps to wait before moving (a last mile waiting for the line haul that hands the parcel over). */
  readonly startDelayStages: number;
  /** What the vendor keeps about the label (addresses, customs form), in its own shape. */
  readonly data: D;
}

export interface ParcelEvent {
  readonly code: string;
  readonly description: string;
  /** ms since the epoch. */
  readonly at: number;
  readonly country: string;
}

export interface ParcelLedger<D> {
  /** Runs `write` once per (operation, key); a repeat with the same fingerprint replays the first answer. */
  once<T>(operation: string, key: string, fingerprint: string, write: () => T): Remembered<T>;
  create(init: { from: string; to: string; data: D; startDelayStages?: number }): Parcel<D>;
  get(trackingNumber: string): Parcel<D> | undefined;
  /** Cancels a label not yet picked up; cancelling again is a no-op. */
  cancel(trackingNumber: string): Parcel<D> | 'NOT_FOUND' | 'PICKED_UP';
  isCancelled(trackingNumber: string): boolean;
  /** Everything that happened to the parcel so far, oldest first. */
  events(trackingNumber: string): ParcelEvent[];
  readonly routes: SandboxRoute[];
}

export interface ParcelLedgerOptions {
  readonly stages: readonly ParcelStage[];
  readonly exception: Omit<ParcelStage, 'at'>;
  readonly cancelled: Omit<ParcelStage, 'at'>;
  /** The vendor's tracking number for the n-th label (n from 1). */
  trackingNumberOf(sequence: number, from: string): string;
  /** Default pace. Default: a minute per stage, so a parcel delivers within minutes in the dev stack. */
  readonly msPerStage?: number;
  readonly now?: () => number;
}

export function createParcelLedger<D>(options: ParcelLedgerOptions): ParcelLedger<D> {
  /** How far this carrier's clock runs ahead of the machine's (`POST /__sandbox/clock`). */
  let clockOffsetMs = 0;
  const now = () => (options.now ?? Date.now)() + clockOffsetMs;
  const { stages } = options;
  let msPerStage: number | null = options.msPerStage ?? 60_000;
  const parcels = new Map<string, Parcel<D>>();
  /** Stages reached on request, with when. */
  const forced = new Map<string, Map<number, number>>();
  const extra = new Map<string, ParcelEvent[]>();
  const cancelledAt = new Map<string, number>();
  const keys = createIdempotencyKeys();

  const scheduledIndex = (parcel: Parcel<D>, time: number): number => {
    if (msPerStage === null) return 0;
    const steps = Math.floor((time - parcel.createdAt) / msPerStage) - parcel.startDelayStages;
    return Math.max(0, Math.min(stages.length - 1, steps));
  };
  const stageAt = (parcel: Parcel<D>, index: number): number =>
    forced.get(parcel.trackingNumber)?.get(index) ??
    (index === 0 ? parcel.createdAt : parcel.createdAt + (parcel.startDelayStages + index) * (msPerStage ?? 0));
  const currentIndex = (parcel: Parcel<D>): number => {
    if (cancelledAt.has(parcel.trackingNumber)) return 0;
    const reached = [...(forced.get(parcel.trackingNumber)?.keys() ?? [])];
    return Math.max(scheduledIndex(parcel, now()), ...reached);
  };
  const countryOf = (parcel: Parcel<D>, at: 'origin' | 'destination') => (at === 'origin' ? parcel.from : parcel.to);

  const ledger: ParcelLedger<D> = {
    once: (operation, key, fingerprint, write) => keys.once(`${operation}\u0000${key}`, fingerprint, write),
    create(init) {
      const parcel: Parcel<D> = {
        trackingNumber: options.trackingNumberOf(parcels.size + 1, init.from),
        from: init.from,
        to: init.to,
        createdAt: now(),
        startDelayStages: init.startDelayStages ?? 0,
        data: init.data,
      };
      parcels.set(parcel.trackingNumber, parcel);
      return parcel;
    },
    get: (trackingNumber) => parcels.get(trackingNumber),
    cancel(trackingNumber) {
      const parcel = parcels.get(trackingNumber);
      if (!parcel) return 'NOT_FOUND';
      if (cancelledAt.has(trackingNumber)) return parcel;
      if (currentIndex(parcel) > 0) return 'PICKED_UP';
      cancelledAt.set(trackingNumber, now());
      return parcel;
    },
    isCancelled: (trackingNumber) => cancelledAt.has(trackingNumber),
    events(trackingNumber) {
      const parcel = parcels.get(trackingNumber);
      if (!parcel) return [];
      const reached = stages.slice(0, currentIndex(parcel) + 1).map((stage, index) => ({
        code: stage.code,
        description: stage.description,
        at: stageAt(parcel, index),
        country: countryOf(parcel, stage.at),
      }));
      const cancelled = cancelledAt.get(trackingNumber);
      const closing =
        cancelled === undefined
          ? []
          : [{ code: options.cancelled.code, description: options.cancelled.description, at: cancelled, country: parcel.from }];
      return [...reached, ...(extra.get(trackingNumber) ?? []), ...closing].sort((a, b) => a.at - b.at);
    },
    routes: [],
  };

  ledger.routes.push(
    {
      method: 'POST',
      path: '/__sandbox/advance',
      endpoint: 'sandbox.advance',
      handle(request) {
        const { trackingNumber, to } = JSON.parse(request.body || '{}') as { trackingNumber?: unknown; to?: unknown };
        const parcel = typeof trackingNumber === 'string' ? parcels.get(trackingNumber) : undefined;
        if (!parcel) return { status: 404, body: { error: `no label ${String(trackingNumber)}` } };
        if (cancelledAt.has(parcel.trackingNumber)) return { status: 409, body: { error: 'the label is cancelled' } };
        if (to === options.exception.code || to === options.exception.status) {
          const events = extra.get(parcel.trackingNumber) ?? [];
          events.push({ code: options.exception.code, description: options.exception.description, at: now(), country: parcel.to });
          extra.set(parcel.trackingNumber, events);
          return { body: { trackingNumber: parcel.trackingNumber, code: options.exception.code } };
        }
        const from = currentIndex(parcel);
        const target = stages.findIndex((stage, index) => index > from && (stage.code === to || stage.status === to));
        if (target < 0) {
          const known = stages.some((stage) => stage.code === to || stage.status === to);
          return known
            ? { body: { trackingNumber: parcel.trackingNumber, code: stages[from]!.code, note: 'already there' } }
            : { status: 400, body: { error: `"${String(to)}" is none of ${stages.map((s) => `${s.code} (${s.status})`).join(', ')}` } };
        }
        const reached = forced.get(parcel.trackingNumber) ?? new Map<number, number>();
        const time = now();
        for (let index = from + 1; index <= target; index++) reached.set(index, time);
        forced.set(parcel.trackingNumber, reached);
        return { body: { trackingNumber: parcel.trackingNumber, code: stages[target]!.code, status: stages[target]!.status } };
      },
    },
    {
      method: 'POST',
      path: '/__sandbox/pace',
      endpoint: 'sandbox.pace',
      handle(request) {
        const { msPerStage: pace } = JSON.parse(request.body || '{}') as { msPerStage?: unknown };
        if (pace !== null && (typeof pace !== 'number' || !(pace >= 1))) {
          return {
            status: 400,
            body: { error: 'msPerStage must be a number of milliseconds ≥ 1, or null to move parcels only on request' },
          };
        }
        msPerStage = pace;
        return { body: { msPerStage } };
      },
    },
    {
      method: 'POST',
      path: '/__sandbox/clock',
      endpoint: 'sandbox.clock',
      handle(request) {
        const { advanceMs } = JSON.parse(request.body || '{}') as { advanceMs?: unknown };
        if (typeof advanceMs !== 'number' || !Number.isSafeInteger(advanceMs) || advanceMs < 0) {
          return { status: 400, body: { error: 'advanceMs must be a whole number of milliseconds ≥ 0: a clock only moves on' } };
        }
        clockOffsetMs += advanceMs;
        return { body: { now: new Date(now()).toISOString(), aheadMs: clockOffsetMs } };
      },
    },
    {
      method: 'GET',
      path: '/__sandbox/labels',
      endpoint: 'sandbox.labels',
      handle: () => ({
        body: {
          count: parcels.size,
          msPerStage,
          labels: [...parcels.values()].map((parcel) => ({
            trackingNumber: parcel.trackingNumber,
            from: parcel.from,
            to: parcel.to,
            stage: cancelledAt.has(parcel.trackingNumber) ? options.cancelled.code : stages[currentIndex(parcel)]!.code,
            cancelled: cancelledAt.has(parcel.trackingNumber),
            /** What the carrier keeps about the label, in its own words (sender, customs form, …). */
            label: parcel.data,
          })),
        },
      }),
    },
  );
  return ledger;
}
