import type { ReferenceRates } from '#packages/fx/index.js';
import { fromMinor } from '#packages/money/index.js';
import type { RulesInForce } from '../../rules/loadRules.js';
import { citation } from './citation.js';
import { createConversion, fxNote } from './createConversion.js';
import type { ChargeLine } from './types.js';
import type { Valuation } from './valueConsignment.js';
import { ruleMoney, withinThreshold } from './withinThreshold.js';

/**
 * National parcel fees (IT €2 per consignment, FR €2 per tariff subheading) for consignments up
 * to their value limit. The limit is compared with the intrinsic value, as the EU's other
 * low-value limits are (IT's law speaks of the customs value; the difference is the freight).
 */
export function assessFees(rules: RulesInForce, valuation: Valuation, rates: ReferenceRates): ChargeLine[] {
  const lines: ChargeLine[] = [];
  for (const fee of rules.fees) {
    const test = fee.maxConsignmentValue ? withinThreshold(valuation, 'intrinsic', ruleMoney(fee.maxConsignmentValue), 'lte') : undefined;
    if (test && !test.within) continue;
    const conversion = createConversion(rates);
    const unit = conversion.to(ruleMoney(fee.amount), valuation.currency).minor;
    const count = fee.per === 'consignment' ? 1 : new Set(valuation.items.map((item) => item.subheading)).size;
    const per = fee.per === 'consignment' ? 'consignment' : count === 1 ? 'tariff subheading' : 'tariff subheadings';
    lines.push({
      kind: 'FEE',
      description: `Low-value parcel fee, payable by the ${fee.payer}`,
      amount: fromMinor(unit * BigInt(count), valuation.currency),
      formula: `${valuation.format(unit)} ${valuation.currency} × ${count} ${per}${test ? `; ${test.text}` : ''}${fxNote(conversion.applied)}`,
      source: citation(fee),
    });
  }
  return lines;
}
