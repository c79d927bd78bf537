import type { Logger } from '#packages/log/index.js';
import type { CarrierAdapter, ClearanceFeeTable } from './adapters/ports.js';

/** How long a fee table is reused: carriers revise them a few times a year. */
const TABLE_TTL_MS = 3_600_000;
/** After a failed read, how long until the table is asked for again. */
const RETRY_AFTER_MS = 30_000;

export interface ClearanceFeeTables {
  /** The carrier's table, or undefined when it has none or it cannot be read now (logged; options still quote). */
  forCarrier(carrierId: string): Promise<ClearanceFeeTable | undefined>;
}

/**
 * Every carrier's published clearance fee table, read once and shared by all requests of the
 * service (one call per carrier per hour, whatever the traffic). A table that cannot be read leaves
 * its carrier's options without fee lines, as a failed rate leaves a carrier out, and is logged.
 */
export function createClearanceFeeTables(
  carriers: readonly CarrierAdapter[],
  logger: Logger,
  now: () => number = Date.now,
): ClearanceFeeTables {
  const cache = new Map<string, { table: Promise<ClearanceFeeTable | undefined>; until: number }>();
  return {
    forCarrier(carrierId) {
      const cached = cache.get(carrierId);
      if (cached && now() < cached.until) return cached.table;
      const adapter = carriers.find((candidate) => candidate.carrier.id === carrierId);
      if (adapter?.clearanceFees === undefined) return Promise.resolve(undefined);
      const entry = { table: Promise.resolve<ClearanceFeeTable | undefined>(undefined), until: now() + TABLE_TTL_MS };
      entry.table = adapter.clearanceFees().catch((error: unknown) => {
        logger.warn('clearance fee table unreadable; options quote without carrier fees', { carrier: carrierId, error });
        entry.until = now() + RETRY_AFTER_MS;
        return undefined;
      });
      cache.set(carrierId, entry);
      return entry.table;
    },
  };
}
