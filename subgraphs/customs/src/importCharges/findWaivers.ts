import { fromMinor } from '#packages/money/index.js';
import type { RulesInForce } from '../../rules/loadRules.js';
import type { DeMinimisRule } from '../../rules/types.js';
import { borderParties, channelMatches } from './chargeParties.js';
import { citation } from './citation.js';
import { lineRates } from './createConversion.js';
import type { ChargeKind, ChargeLine, Consignment } from './types.js';
import type { Valuation, ValuedItem } from './valueConsignment.js';
import { matchesPrefix, originMatches, ruleMoney, withinThreshold } from './withinThreshold.js';

/** A de minimis that waives duty or tax on this consignment, except on goods it excludes. */
export interface Waiver {
  readonly rule: DeMinimisRule;
  /** Whether this item benefits (excise goods, JP knitted apparel, … never do). */
  covers(item: ValuedItem): boolean;
  /** The zero line that says why nothing is charged. */
  readonly line: ChargeLine;
}

export interface Waivers {
  readonly duty: Waiver | undefined;
  readonly tax: Waiver | undefined;
}

/**
 * Finds the de minimis rules met by the consignment. A rule with `threshold: null` (EU duty from
 * 1 July 2026, US since 29 Aug 2025, BR, IN) waives nothing. When several apply (KR: USD 150 for
 * all, USD 200 from the US) any one met is enough. Rules limited to a channel (CA's CUSMA courier
 * thresholds, MY's air courier relief) apply only to consignments declared through it.
 */
export function findWaivers(consignment: Consignment, rules: RulesInForce, valuation: Valuation): Waivers {
  let duty: Waiver | undefined;
  let tax: Waiver | undefined;
  for (const rule of rules.deMinimis) {
    if (rule.threshold === null || !originMatches(rule.origins, consignment.origin) || !channelMatches(rule.channel, consignment.mode))
      continue;
    const covers = (item: ValuedItem) => !matchesPrefix(item.hsCode, rule.excludedHsPrefixes);
    if (!valuation.items.some(covers)) continue;
    const test = withinThreshold(valuation, rule.valueBasis, ruleMoney(rule.threshold), rule.comparison);
    if (!test.within) continue;
    const excluded = valuation.items.filter((item) => !covers(item)).map((item) => item.hsCode);
    const formula = `${test.text}${excluded.length > 0 ? `; not for ${excluded.join(', ')} (excluded goods)` : ''}`;
    const waiver = (kind: ChargeKind, what: string): Waiver => ({
      rule,
      covers,
      line: {
        kind,
        description: `No ${what}: consignment within the de minimis`,
        amount: fromMinor(0n, valuation.currency),
        formula,
        source: citation(rule),
        ...borderParties(consignment),
        rates: lineRates(test.applied),
      },
    });
    if (rule.appliesTo !== 'tax') duty ??= waiver('DUTY', 'duty');
    if (rule.appliesTo !== 'duty') tax ??= waiver('TAX', 'import tax');
  }
  return { duty, tax };
}
