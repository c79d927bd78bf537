import { GraphQLError } from 'graphql';
import { ErrorCode, userInputError } from '#packages/errors/index.js';
import type { ReachCount } from '#packages/reach/index.js';
import type { OrderStore } from '../store/OrderStore.js';

/** Most counters one batch may carry; a counter flushes far fewer (marketplaces × countries × kinds). */
export const MAX_REACH_BATCH = 5_000;

interface ReachCountInput {
  readonly marketplaceId: string;
  readonly country: string;
  readonly day: string;
  readonly kind: 'SHOWN' | 'QUOTED';
  readonly count: number;
}

/** `recordReach`: the catalog's and payments' flushed counts, for internal callers only. */
export async function recordReach(
  counts: readonly ReachCountInput[],
  context: { serviceCaller: boolean; store: OrderStore },
): Promise<number> {
  if (!context.serviceCaller) {
    throw new GraphQLError("recordReach is for the platform's own services", { extensions: { code: ErrorCode.FORBIDDEN } });
  }
  if (counts.length > MAX_REACH_BATCH) throw userInputError(`counts: at most ${MAX_REACH_BATCH} in one batch`, 'counts');
  const checked: ReachCount[] = counts.map((entry, index) => {
    const field = `counts.${index}`;
    if (!/^[a-z0-9-]{1,64}$/.test(entry.marketplaceId))
      throw userInputError(`${field}.marketplaceId: not a marketplace id`, `${field}.marketplaceId`);
    if (!/^([A-Z]{2})?$/.test(entry.country)) throw userInputError(`${field}.country: a country code or ''`, `${field}.country`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.day)) throw userInputError(`${field}.day: YYYY-MM-DD`, `${field}.day`);
    if (!Number.isInteger(entry.count) || entry.count < 1)
      throw userInputError(`${field}.count: a positive whole number`, `${field}.count`);
    return { ...entry };
  });
  await context.store.addReachCounts(checked);
  return checked.length;
}
