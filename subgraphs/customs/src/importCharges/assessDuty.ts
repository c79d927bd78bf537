import type { ReferenceRates } from '#packages/fx/index.js';
import { fromMinor } from '#packages/money/index.js';
import type { RulesInForce } from '../../rules/loadRules.js';
import type { DutySurchargeRule } from '../../rules/types.js';
import { assessAdditionalDuties } from './assessAdditionalDuties.js';
import { borderParties, checkoutParties, type ChargeParties } from './chargeParties.js';
import { citation } from './citation.js';
import { createConversion, fxNote, lineRates } from './createConversion.js';
import type { Rounding } from './createRounding.js';
import { withClassificationNotes } from './describeClassification.js';
import { describeCustomsValue } from './describeCustomsValue.js';
import { allocate, formatBp, timesBp } from './exactAmount.js';
import type { Waivers } from './findWaivers.js';
import { preferentialRate } from './preferentialRate.js';
import { RulesUnavailableError } from './RulesUnavailableError.js';
import type { SpecialRegimes } from './selectSpecialRegimes.js';
import type { ChargeLine, Consignment } from './types.js';
import type { Valuation } from './valueConsignment.js';
import { matchesPrefix, ruleMoney } from './withinThreshold.js';

/** Duty lines, and how much duty each item carries into the tax base. */
export interface DutyAssessment {
  readonly lines: readonly ChargeLine[];
  /** Duty per item (same order as the valuation's items), in destination minor units. */
  readonly perItem: readonly bigint[];
}

/**
 * Duty, in this order of precedence: a de minimis waiver; a flat-rate regime replacing duty (BR,
 * MX); CN cross-border retail (0 %); the EU €3 per tariff subheading; IN heading 9804; else the
 * tariff rate per item (a preferential rate when an agreement grants a lower one) plus additional
 * duties (US Sections 301, 232, 122); then any surcharge on the duty itself (IN Social Welfare
 * Surcharge). Excluded goods skip the waiver and are charged normally.
 */
export function assessDuty(
  consignment: Consignment,
  rules: RulesInForce,
  valuation: Valuation,
  regimes: SpecialRegimes,
  waivers: Waivers,
  rates: ReferenceRates,
  rounding: Rounding,
): DutyAssessment {
  const { items, currency } = valuation;
  const perItem = items.map(() => 0n);
  const lines: ChargeLine[] = [];
  const money = (minor: bigint) => fromMinor(minor, currency);
  const border = borderParties(consignment);
  const valuationRates = lineRates(valuation.applied);
  if (waivers.duty) {
    const waived = items.flatMap((item, i) => (waivers.duty?.covers(item) ? [consignment.items[i]] : []));
    lines.push({ ...waivers.duty.line, description: withClassificationNotes(waivers.duty.line.description, waived) });
  }
  const dutiable = items.flatMap((item, i) => (waivers.duty?.covers(item) ? [] : [i]));
  if (dutiable.length === 0) return { lines, perItem };
  // Regime lines cover every dutiable item: each says where the items' codes came from.
  const regimeNote = (description: string) =>
    withClassificationNotes(
      description,
      dutiable.map((i) => consignment.items[i]),
    );

  const base = rounding.base(dutiable.reduce((sum, i) => sum + (items[i]?.customsValue ?? 0n), 0n));
  const valueText = describeCustomsValue(valuation, dutiable) + (rounding.rule.base ? ` → ${valuation.format(base)}` : '');
  const spread = (amount: bigint) =>
    allocate(
      amount,
      dutiable.map((i) => items[i]?.customsValue ?? 0n),
    ).forEach((share, k) => (perItem[dutiable[k] ?? 0] = share));
  const line = (parties: ChargeParties, fields: Omit<ChargeLine, 'collectedAt' | 'remitter' | 'paidBy' | 'kind'>) =>
    lines.push({ kind: 'DUTY', ...parties, ...fields });
  const collected = (collection: { at: 'border' | 'checkout'; remitter: ChargeParties['remitter'] } | undefined): ChargeParties =>
    collection?.at === 'checkout' ? checkoutParties(collection.remitter) : border;

  const { banded, crossBorderRetail, flatDuty, personalImportTariff } = regimes;
  if (banded && banded.regime.replaces.includes('duty')) {
    const conversion = createConversion(rates);
    const deduction = banded.band.deduction ? conversion.to(ruleMoney(banded.band.deduction), currency).minor : 0n;
    // base × rate − deduction, exactly, rounded once; a deduction larger than the charge leaves nothing.
    const exact = timesBp(base, banded.band.rateBp);
    const net = rounding.duty({ numerator: exact.numerator - deduction * exact.denominator, denominator: exact.denominator });
    const amount = net > 0n ? net : 0n;
    const deducted = banded.band.deduction;
    const deductionText =
      deducted && deduction > 0n
        ? ` − ${deducted.amount} ${deducted.currency}${deducted.currency === currency ? '' : ` (${valuation.format(deduction)} ${currency})`}`
        : '';
    line(collected(banded.regime.collection), {
      description: regimeNote(
        banded.regime.replaces.includes('tax')
          ? 'Courier global rate (replaces import duty and import tax)'
          : 'Import duty at the simplified flat rate (replaces the tariff rate)',
      ),
      amount: money(amount),
      formula: `${formatBp(banded.band.rateBp)} × ${valueText} ${currency}${deductionText}; ${banded.test}${fxNote([...valuation.applied, ...conversion.applied])}${rounding.note}`,
      source: citation(banded.regime),
      rates: lineRates([...valuation.applied, ...conversion.applied]),
    });
    spread(amount);
  } else if (crossBorderRetail) {
    const amount = rounding.duty(timesBp(base, crossBorderRetail.regime.dutyRateBp));
    line(collected(crossBorderRetail.regime.collection), {
      description: regimeNote('Import duty under the cross-border e-commerce retail import regime'),
      amount: money(amount),
      formula: `${formatBp(crossBorderRetail.regime.dutyRateBp)} × ${valueText} ${currency}; ${crossBorderRetail.test}${valuation.fxNote}`,
      source: citation(crossBorderRetail.regime),
      rates: valuationRates,
    });
    spread(amount);
  } else if (flatDuty) {
    const conversion = createConversion(rates);
    const perLine = conversion.to(ruleMoney(flatDuty.regime.amountPerLine), currency).minor;
    const subheadings = [...new Set(dutiable.map((i) => items[i]?.subheading ?? ''))];
    const amount = perLine * BigInt(subheadings.length);
    line(border, {
      description: regimeNote(
        `Flat customs duty per tariff subheading on a low-value consignment (${subheadings.length} subheading${subheadings.length === 1 ? '' : 's'})`,
      ),
      amount: money(amount),
      formula: `${valuation.format(perLine)} ${currency} × ${subheadings.length} (${subheadings.join(', ')}); ${flatDuty.test}${fxNote(conversion.applied)}`,
      source: citation(flatDuty.regime),
      rates: lineRates(conversion.applied),
    });
    spread(amount);
  } else if (personalImportTariff) {
    const duty = rounding.duty(timesBp(base, personalImportTariff.rateBp));
    line(border, {
      description: regimeNote(`Basic customs duty on goods for personal use (heading ${personalImportTariff.hsHeading})`),
      amount: money(duty),
      formula: `${formatBp(personalImportTariff.rateBp)} × ${valueText} ${currency}${valuation.fxNote}${rounding.note}`,
      source: citation(personalImportTariff),
      rates: valuationRates,
    });
    spread(duty);
  } else {
    for (const i of dutiable) {
      const item = items[i];
      if (item === undefined) continue;
      const mfn = rules.duty.rateFor(item.hsCode);
      if (mfn === undefined) throw new RulesUnavailableError('date', `no ${rules.duty.table} tariff rates are on file for ${rules.date}`);
      const preference = preferentialRate(rules, consignment.origin, item.hsCode);
      const preferred = preference !== undefined && preference.rate.rateBp < mfn.rateBp ? preference : undefined;
      const rateBp = preferred?.rate.rateBp ?? mfn.rateBp;
      const itemBase = rounding.base(item.customsValue);
      const amount = rounding.duty(timesBp(itemBase, rateBp));
      const goods = item.hsCode === '' ? 'unclassified goods' : item.hsCode;
      const why = preferred
        ? `preferential rate under the ${preferred.agreement.name} (MFN ${formatBp(mfn.rateBp)})`
        : 'hsPrefix' in mfn
          ? `MFN rate, ${mfn.description}`
          : item.hsCode === ''
            ? `default rate ${formatBp(mfn.rateBp)} assumed for goods without an HS code (assumption)`
            : 'default rate: heading not in the tariff table (assumption)';
      const itemValue = describeCustomsValue(valuation, [i]) + (rounding.rule.base ? ` → ${valuation.format(itemBase)}` : '');
      line(border, {
        description: withClassificationNotes(`Import duty on ${goods}: ${why}`, [consignment.items[i]]),
        amount: money(amount),
        formula: `${formatBp(rateBp)} × ${itemValue} ${currency}${valuation.fxNote}${rounding.note}`,
        source: preferred ? `${citation(preferred.rate)}; ${citation(preferred.agreement)}` : citation(mfn),
        rates: valuationRates,
      });
      const extra = assessAdditionalDuties(consignment, rules, item, itemBase, { valuation, rounding, parties: border, goods, itemValue });
      lines.push(...extra.lines);
      perItem[i] = amount + extra.total;
    }
  }
  for (const surcharge of rules.dutySurcharges)
    lines.push(...assessDutySurcharge(surcharge, valuation, dutiable, perItem, rounding, border));
  return { lines, perItem };
}

/**
 * A surcharge on the duty itself (IN Social Welfare Surcharge): its rate × the duty of the items it
 * is not exempt for, rounded once, added to those items' duty in proportion so that it enters the
 * import tax base with them.
 */
function assessDutySurcharge(
  surcharge: DutySurchargeRule,
  valuation: Valuation,
  dutiable: readonly number[],
  perItem: bigint[],
  rounding: Rounding,
  parties: ChargeParties,
): ChargeLine[] {
  const { items, currency } = valuation;
  const exempt = (i: number) => matchesPrefix(items[i]?.hsCode ?? '', surcharge.exemptHsPrefixes);
  const charged = dutiable.filter((i) => !exempt(i) && (perItem[i] ?? 0n) > 0n);
  if (charged.length === 0) return [];
  const duty = charged.reduce((sum, i) => sum + (perItem[i] ?? 0n), 0n);
  const amount = rounding.duty(timesBp(duty, surcharge.rateBp));
  allocate(
    amount,
    charged.map((i) => perItem[i] ?? 0n),
  ).forEach((share, k) => {
    const i = charged[k] ?? 0;
    perItem[i] = (perItem[i] ?? 0n) + share;
  });
  const exempted = dutiable.filter(exempt).map((i) => items[i]?.hsCode ?? '');
  return [
    {
      kind: 'DUTY',
      ...parties,
      description: `${surcharge.label} on the customs duty`,
      amount: fromMinor(amount, currency),
      formula: `${formatBp(surcharge.rateBp)} × ${valuation.format(duty)} ${currency}${exempted.length > 0 ? `; the duty on ${exempted.join(', ')} is exempt` : ''}${rounding.note}`,
      source: citation(surcharge),
      rates: [],
    },
  ];
}
