import { fromMinor } from '#packages/money/index.js';
import type { RulesInForce } from '../../rules/loadRules.js';
import type { ChargeParties } from './chargeParties.js';
import { citation } from './citation.js';
import { lineRates } from './createConversion.js';
import type { Rounding } from './createRounding.js';
import { formatBp, timesBp } from './exactAmount.js';
import type { ChargeLine, Consignment } from './types.js';
import type { Valuation, ValuedItem } from './valueConsignment.js';
import { matchesPrefix, originMatches } from './withinThreshold.js';

/**
 * Duties on top of the tariff rate for one item: those in force whose origins and products cover it
 * (US Section 301 on CN goods, Section 232 on steel and aluminium, the 2026 Section 122 surcharge),
 * leaving out one that the law says does not stack on another that applies (`notWith`).
 */
export function assessAdditionalDuties(
  consignment: Consignment,
  rules: RulesInForce,
  item: ValuedItem,
  base: bigint,
  context: { valuation: Valuation; rounding: Rounding; parties: ChargeParties; goods: string; itemValue: string },
): { lines: ChargeLine[]; total: bigint } {
  const { valuation, rounding, parties } = context;
  const covering = rules.additionalDuties.filter(
    (duty) =>
      originMatches(duty.origins, consignment.origin) &&
      (duty.hsPrefixes === undefined || matchesPrefix(item.hsCode, duty.hsPrefixes)) &&
      !matchesPrefix(item.hsCode, duty.excludedHsPrefixes),
  );
  const applying = covering.filter((duty) => !covering.some((other) => duty.notWith?.includes(other.id)));
  const lines = applying.map((duty): ChargeLine => {
    const amount = rounding.duty(timesBp(base, duty.rateBp));
    return {
      kind: 'DUTY',
      description: `${duty.label} on ${context.goods}, on top of the tariff rate`,
      amount: fromMinor(amount, valuation.currency),
      formula: `${formatBp(duty.rateBp)} × ${context.itemValue} ${valuation.currency}${valuation.fxNote}${rounding.note}`,
      source: citation(duty),
      ...parties,
      rates: lineRates(valuation.applied),
    };
  });
  return { lines, total: lines.reduce((sum, line) => sum + line.amount.minor, 0n) };
}
