import type { ReferenceRates } from '#packages/fx/index.js';
import { fromMinor } from '#packages/money/index.js';
import type { FeeRule } from '../../rules/types.js';
import { borderParties, channelMatches, type ChargeParties } from './chargeParties.js';
import { citation } from './citation.js';
import { createConversion, fxNote, lineRates } from './createConversion.js';
import { formatBp, timesBp } from './exactAmount.js';
import type { TaxContext } from './assessTaxes.js';
import type { ChargeLine } from './types.js';
import { originMatches, ruleMoney, withinThreshold } from './withinThreshold.js';

/**
 * National fees on the import (IT €2 per consignment, FR €2 per article, US Merchandise Processing
 * Fee) where the value and channel fall within the fee's limits, then the carriers' clearance and
 * disbursement fees from their published fee tables, which apply only when the carrier has duties
 * or taxes to advance at the border.
 */
export function assessFees(context: TaxContext, rates: ReferenceRates, assessed: readonly ChargeLine[]): ChargeLine[] {
  const lines = context.rules.fees.flatMap((fee) => nationalFee(context, rates, fee));
  return [...lines, ...carrierFees(context, rates, [...assessed, ...lines])];
}

function nationalFee(context: TaxContext, rates: ReferenceRates, fee: FeeRule): ChargeLine[] {
  const { consignment, valuation, rounding } = context;
  if (fee.channels !== undefined && !fee.channels.some((channel) => channelMatches(channel, consignment.mode))) return [];
  if (!originMatches(fee.origins, consignment.origin)) return [];
  const tests = [];
  if (fee.upTo) {
    const test = withinThreshold(valuation, fee.valueBasis, ruleMoney(fee.upTo.value), fee.upTo.comparison);
    if (!test.within) return [];
    tests.push(test);
  }
  if (fee.from) {
    // At or above `from` is the same as not below it.
    const below = withinThreshold(valuation, fee.valueBasis, ruleMoney(fee.from.value), fee.from.comparison === 'gte' ? 'lt' : 'lte');
    if (below.within) return [];
    tests.push(below);
  }
  const conversion = createConversion(rates);
  const currency = valuation.currency;
  let amount: bigint;
  let formula: string;
  if (fee.amount) {
    const unit = conversion.to(ruleMoney(fee.amount), currency).minor;
    const count = fee.per === 'consignment' ? 1 : new Set(valuation.items.map((item) => item.subheading)).size;
    amount = unit * BigInt(count);
    formula = `${valuation.format(unit)} ${currency} × ${count} ${fee.per === 'consignment' ? 'consignment' : count === 1 ? 'article (HS6)' : 'articles (HS6)'}`;
  } else {
    const value = fee.valueBasis === 'customs-value' ? valuation.customsValue : valuation.goods;
    const exact = { numerator: value * BigInt(fee.ratePpm ?? 0), denominator: 1_000_000n };
    let computed = rounding.fee(exact);
    const min = fee.minimum ? conversion.to(ruleMoney(fee.minimum), currency).minor : undefined;
    const max = fee.maximum ? conversion.to(ruleMoney(fee.maximum), currency).minor : undefined;
    if (min !== undefined && computed < min) computed = min;
    if (max !== undefined && computed > max) computed = max;
    amount = computed;
    formula = `${(fee.ratePpm ?? 0) / 10_000}% × ${valuation.format(value)} ${currency}${min !== undefined ? `, at least ${valuation.format(min)}` : ''}${max !== undefined ? `, at most ${valuation.format(max)}` : ''} ${currency}`;
  }
  const parties: ChargeParties =
    fee.paidBy === 'SELLER'
      ? { collectedAt: 'BORDER', remitter: fee.remitter, paidBy: 'SELLER' }
      : { ...borderParties(consignment), remitter: fee.remitter };
  const applied = [...tests.flatMap((test) => test.applied), ...conversion.applied];
  return [
    {
      kind: 'FEE',
      description: `${fee.label}${fee.paidBy === 'SELLER' ? ' (the seller’s cost: may not be charged to the consumer)' : ''}`,
      amount: fromMinor(amount, currency),
      formula: `${formula}${tests.map((test) => `; ${test.text}`).join('')}${fxNote(conversion.applied)}`,
      source: citation(fee),
      ...parties,
      rates: lineRates(applied),
    },
  ];
}

/** A carrier's fees for clearing the parcel and advancing what customs charges, from its published table. */
function carrierFees(context: TaxContext, rates: ReferenceRates, assessed: readonly ChargeLine[]): ChargeLine[] {
  const { consignment, valuation, rounding } = context;
  const advanced = assessed
    .filter((line) => line.remitter === 'CARRIER' && line.collectedAt !== 'CHECKOUT')
    .reduce((sum, line) => sum + line.amount.minor, 0n);
  if (advanced === 0n) return [];
  return consignment.carrierFees.map((fee): ChargeLine => {
    // Fee tables are written per destination in its currency; one in another currency is converted.
    const conversion = createConversion(rates);
    const fixed = conversion.to(fee.fixed, valuation.currency).minor;
    const share = rounding.fee(timesBp(advanced, fee.rateBp));
    const minimum = fee.minimum ? conversion.to(fee.minimum, valuation.currency).minor : 0n;
    const amount = fixed + (share > minimum ? share : minimum);
    const formula =
      fee.kind === 'CLEARANCE'
        ? `${valuation.format(fixed)} ${valuation.currency} per entry with charges to collect`
        : `${valuation.format(fixed)} + max(${formatBp(fee.rateBp)} × ${valuation.format(advanced)}, ${valuation.format(minimum)}) ${valuation.currency} advanced`;
    return {
      kind: 'FEE',
      description: `${fee.name} (${fee.carrier})`,
      amount: fromMinor(amount, valuation.currency),
      formula: formula + fxNote(conversion.applied),
      source: fee.source,
      ...borderParties(consignment),
      rates: lineRates(conversion.applied),
    };
  });
}
