import type { OfferRecord } from '../src/adapters/ports.js';
import type { CheckContext, ConformanceCheck, MarketplaceSubject } from './ConformanceCheck.js';
import { READ_CHECKS } from './readChecks.js';
import type { Exchange, ExchangeRecorder } from './recordExchanges.js';
import { walkSearch } from './walkSearch.js';
import { WRITE_CHECKS } from './writeChecks.js';

export interface CheckResult {
  readonly check: ConformanceCheck;
  readonly outcome: 'passed' | 'failed' | 'skipped';
  /** Why it failed, or why it was skipped. */
  readonly reason?: string;
  /** What was sent and what came back while it ran: a failure's evidence. */
  readonly exchanges: readonly Exchange[];
  /** What the check threw, when it failed. */
  readonly error?: unknown;
}

/** Every check a subject must pass, in the order they run: reads, faults, writes, then its own. */
export function checksOf(subject: MarketplaceSubject): ConformanceCheck[] {
  return [...READ_CHECKS, ...WRITE_CHECKS, ...(subject.extraChecks ?? [])];
}

/** Why a check cannot run against this subject, or undefined when it can. */
export function skipReason(check: ConformanceCheck, subject: MarketplaceSubject): string | undefined {
  switch (check.needs) {
    case 'controls':
      return subject.controls
        ? undefined
        : 'needs the sandbox controls (/__sandbox/faults, /__sandbox/stock-hold), which this implementation does not have';
    case 'seed data':
      return subject.expectedShipsTo ? undefined : "needs the marketplace's own seller data, which only the repository's sandboxes share";
    case 'callbacks':
      return subject.connector?.credentials.scheme === 'hmac' && subject.reachesThisMachine
        ? undefined
        : 'needs a signing secret and a marketplace that can call back to this machine (a base URL on 127.0.0.1)';
    case undefined:
      return undefined;
  }
}

/** The run's adapter and one full search walk, which the checks share. */
export async function prepareRun(subject: MarketplaceSubject): Promise<CheckContext> {
  const adapter = subject.createAdapter();
  const walk = await walkSearch(adapter, subject.query);
  const stocked: OfferRecord[] = walk.offers.filter((offer) => offer.availableQuantity >= 10);
  let next = 0;
  return {
    subject,
    adapter,
    walk,
    takeStocked() {
      const offer = stocked[next++];
      if (!offer)
        throw new Error(
          `not enough listings matching "${subject.query}" with 10 or more in stock for the write checks (${stocked.length})`,
        );
      return offer;
    },
  };
}

/** Runs one check, recording its exchanges; a fault it set is cleared whatever happens. */
export async function runCheck(check: ConformanceCheck, context: CheckContext, recorder: ExchangeRecorder): Promise<CheckResult> {
  const skipped = skipReason(check, context.subject);
  if (skipped) return { check, outcome: 'skipped', reason: skipped, exchanges: [] };
  recorder.clear();
  try {
    await check.run(context);
    return { check, outcome: 'passed', exchanges: [...recorder.exchanges()] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { check, outcome: 'failed', reason, error, exchanges: [...recorder.exchanges()] };
  } finally {
    if (check.needs === 'controls') await context.subject.controls?.setFault(null);
  }
}

/** The whole suite against one subject, one check at a time (writes move shared stock). */
export async function runConformance(
  subject: MarketplaceSubject,
  recorder: ExchangeRecorder,
  onResult: (result: CheckResult) => void = () => {},
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  let context: CheckContext;
  recorder.clear();
  try {
    context = await prepareRun(subject);
  } catch (error) {
    // Without a search walk no check can run: report that as the failure it is.
    const walk: ConformanceCheck = { name: `searches "${subject.query}" to the last page`, group: 'reads', run: async () => {} };
    const result: CheckResult = {
      check: walk,
      outcome: 'failed',
      reason: error instanceof Error ? error.message : String(error),
      exchanges: [...recorder.exchanges()],
    };
    onResult(result);
    return [result];
  }
  try {
    for (const check of checksOf(subject)) {
      const result = await runCheck(check, context, recorder);
      results.push(result);
      onResult(result);
    }
  } finally {
    await context.adapter.close();
  }
  return results;
}
