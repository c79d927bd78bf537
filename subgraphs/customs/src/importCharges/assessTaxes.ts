import { fromMinor } from '#packages/money/index.js';
import type { RulesInForce } from '../../rules/loadRules.js';
import type { TaxKind, TaxRule } from '../../rules/types.js';
import { citation } from './citation.js';
import { describeCustomsValue } from './describeCustomsValue.js';
import { formatBp, grossedUp, roundHalfUp, timesBp, timesBpBp } from './exactAmount.js';
import type { DutyAssessment } from './assessDuty.js';
import type { Waivers } from './findWaivers.js';
import type { SpecialRegimes } from './selectSpecialRegimes.js';
import type { ChargeLine } from './types.js';
import type { Valuation, ValuedItem } from './valueConsignment.js';
import { matchesPrefix } from './withinThreshold.js';

const TAX_NAMES: Record<TaxKind, string> = {
  VAT: 'Import VAT',
  GST: 'GST',
  CONSUMPTION_TAX: 'Import consumption tax',
  SALES_TAX: 'Sales tax',
  IGST: 'IGST',
  ICMS: 'ICMS',
  IVA: 'IVA',
};

/**
 * The tax rule for an item: a reduced rate whose HS prefixes match, else the standard rate. Where
 * the standard rate depends on the consignee's state (BR ICMS) and the state is not known, the
 * rule covering the most states is used, and the line says so.
 */
function taxRuleFor(rules: RulesInForce, item: ValuedItem): TaxRule | undefined {
  const reduced = rules.taxes.find((t) => t.scope === 'reduced' && matchesPrefix(item.hsCode, t.hsPrefixes));
  if (reduced) return reduced;
  const standard = rules.taxes.filter((t) => t.scope === 'standard');
  return (
    standard.find((t) => t.regions === undefined) ?? [...standard].sort((a, b) => (b.regions?.length ?? 0) - (a.regions?.length ?? 0))[0]
  );
}

/**
 * Import VAT/GST and the like, one line per tax rule. The base is the customs value, plus freight
 * where the law adds it although duty was on FOB (AU), plus duty where the law says so (nearly
 * everywhere). A flat rate replacing tax (MX) leaves no tax line; tax collected at sale (IOSS,
 * GB £135, AU, SG, MY) leaves a zero line that shows what the seller charged instead.
 */
export function assessTaxes(
  rules: RulesInForce,
  valuation: Valuation,
  regimes: SpecialRegimes,
  waivers: Waivers,
  duty: DutyAssessment,
): ChargeLine[] {
  if (regimes.banded?.regime.replaces.includes('tax')) return [];
  const { items, currency } = valuation;
  const groups = new Map<TaxRule, number[]>();
  items.forEach((item, i) => {
    const rule = taxRuleFor(rules, item);
    if (rule) groups.set(rule, [...(groups.get(rule) ?? []), i]);
  });
  const money = (minor: bigint) => fromMinor(minor, currency);
  const stateNote = (rule: TaxRule) => (rule.regions ? ` (consignee's state not given: the rate of ${rule.regions.length} states)` : '');
  const lines: ChargeLine[] = [];

  const atSale = regimes.collectedAtSale;
  if (atSale) {
    for (const [rule, indexes] of groups) {
      const rateBp = rule.scope === 'reduced' ? rule.rateBp : (atSale.regime.rateBp ?? rule.rateBp);
      const price = indexes.reduce((sum, i) => sum + (items[i]?.goods ?? 0n) + (items[i]?.freight ?? 0n), 0n);
      const charged = roundHalfUp(timesBp(price, rateBp));
      lines.push({
        kind: 'TAX',
        description: `${TAX_NAMES[rule.kind].replace('Import ', '')} collected at sale by the seller or marketplace, not at the border`,
        amount: money(0n),
        formula: `${formatBp(rateBp)} × ${describeCustomsValue(valuation, indexes, { withFreight: true })} ${currency} = ${valuation.format(charged)} ${currency} charged at checkout; 0 at the border; ${atSale.test}${valuation.fxNote}`,
        source: `${citation(atSale.regime)}; ${citation(rule)}`,
      });
    }
    return lines;
  }

  if (waivers.tax) lines.push(waivers.tax.line);
  const cbec = regimes.crossBorderRetail?.regime;
  for (const [rule, all] of groups) {
    const indexes = all.filter((i) => {
      const item = items[i];
      return item !== undefined && !waivers.tax?.covers(item);
    });
    if (indexes.length === 0) continue;
    const withFreight = valuation.cif || rules.valuation.freightInTaxBase;
    const dutyPart = rules.valuation.dutyInTaxBase ? indexes.reduce((sum, i) => sum + (duty.perItem[i] ?? 0n), 0n) : 0n;
    const base = indexes.reduce((sum, i) => sum + (items[i]?.valued ?? 0n) + (withFreight ? (items[i]?.freight ?? 0n) : 0n), 0n) + dutyPart;
    const baseText = describeCustomsValue(valuation, indexes, { withFreight, extra: [dutyPart] });
    const rate = formatBp(rule.rateBp);
    let amount: bigint;
    let formula: string;
    if (cbec) {
      amount = roundHalfUp(timesBpBp(base, rule.rateBp, cbec.taxFactorBp));
      formula = `${rate} × ${formatBp(cbec.taxFactorBp)} × ${baseText} ${currency}`;
    } else if (rule.computation === 'gross-up') {
      amount = roundHalfUp(grossedUp(base, rule.rateBp));
      formula = `${rate} × ${baseText} ${currency} / (1 − ${rate})`;
    } else {
      amount = roundHalfUp(timesBp(base, rule.rateBp));
      formula = `${rate} × ${baseText} ${currency}`;
    }
    lines.push({
      kind: 'TAX',
      description: `${TAX_NAMES[rule.kind]} ${rate}${rule.scope === 'reduced' ? ' (reduced rate)' : ''}${cbec ? ` at ${formatBp(cbec.taxFactorBp)} under the cross-border e-commerce regime` : ''}${stateNote(rule)}`,
      amount: money(amount),
      formula: formula + valuation.fxNote,
      source: cbec ? `${citation(rule)}; ${citation(cbec)}` : citation(rule),
    });
  }
  return lines;
}
