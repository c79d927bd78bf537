import { fromMinor } from '#packages/money/index.js';
import type { RulesInForce } from '../../rules/loadRules.js';
import type { TaxKind, TaxRule } from '../../rules/types.js';
import type { DutyAssessment } from './assessDuty.js';
import { borderParties, checkoutParties, type ChargeParties } from './chargeParties.js';
import { citation } from './citation.js';
import { lineRates } from './createConversion.js';
import type { Rounding } from './createRounding.js';
import { formatBp, roundHalfUp } from './exactAmount.js';
import type { Waivers } from './findWaivers.js';
import { selectTaxRules } from './selectTaxRules.js';
import type { SpecialRegimes } from './selectSpecialRegimes.js';
import { applyRate, taxRate } from './taxRate.js';
import type { ChargeLine, Consignment } from './types.js';
import type { Valuation } from './valueConsignment.js';

export const TAX_NAMES: Record<TaxKind, string> = {
  VAT: 'VAT',
  GST: 'GST',
  HST: 'HST',
  QST: 'QST',
  PST: 'Provincial sales tax',
  CONSUMPTION_TAX: 'Consumption tax',
  SALES_TAX: 'Sales tax',
  IGST: 'IGST',
  ICMS: 'ICMS',
  IVA: 'IVA',
  EXCISE: 'Excise (consumption tax)',
};

/** What a tax line needs besides its rule. */
export interface TaxContext {
  readonly consignment: Consignment;
  readonly rules: RulesInForce;
  readonly valuation: Valuation;
  readonly rounding: Rounding;
  readonly region: { readonly region: string | undefined; readonly assumed: boolean };
}

interface Group {
  readonly rule: TaxRule;
  readonly parties: ChargeParties;
  /** Charged at the sale, on the price with delivery (not on customs value). */
  readonly atCheckoutPrice: boolean;
  /** The low-value regime that moved this tax to checkout (cited with the rule). */
  readonly regime: SpecialRegimes['collectedAtSale'];
  readonly indexes: number[];
}

/**
 * Every tax the buyer's side pays because the goods cross the border, one line per tax rule and
 * collection point:
 * - at checkout, by the marketplace or seller: the low-value regimes (GB £135, EU IOSS, AU, SG, MY,
 *   NZ, NO VOEC) on the price with delivery, CN cross-border retail taxes, and taxes the law has
 *   marketplaces collect (US state sales tax, QST, PST);
 * - at the border, collected on delivery (or paid by the seller's side under DDP): import VAT/GST
 *   on customs value + duty (+ transport where the law adds it, + specific excise where it is part
 *   of the base), unless a de minimis waives it.
 * A flat rate replacing tax (MX courier) leaves no tax line.
 */
export function assessTaxes(
  context: TaxContext,
  regimes: SpecialRegimes,
  waivers: Waivers,
  duty: DutyAssessment,
  excise: readonly bigint[] = [],
): ChargeLine[] {
  if (regimes.banded?.regime.replaces.includes('tax')) return [];
  const { consignment, valuation, rules, rounding, region } = context;
  const atSale = regimes.collectedAtSale;
  const cbec = regimes.crossBorderRetail;
  const lines: ChargeLine[] = waivers.tax ? [waivers.tax.line] : [];

  const groups = new Map<string, Group>();
  const heading = regimes.personalImportTariff?.hsHeading;
  valuation.items.forEach((item, i) => {
    const { before, main, after } = selectTaxRules(rules, item, region.region, heading);
    for (const rule of [...before, ...(main ? [main] : []), ...after]) {
      let group: Omit<Group, 'indexes' | 'rule'>;
      if (rule === main && atSale?.covers(item)) {
        const remitter = atSale.regime.marketplaceIsDeemedSupplier && consignment.soldOnMarketplace ? 'MARKETPLACE' : 'SELLER';
        group = { parties: checkoutParties(remitter), atCheckoutPrice: true, regime: atSale };
      } else if (rule.collection?.at === 'checkout') {
        const onPrice = rule.collection.base !== 'import-value';
        group = { parties: checkoutParties(rule.collection.remitter), atCheckoutPrice: onPrice, regime: undefined };
      } else if (cbec) {
        const collection = cbec.regime.collection;
        group = {
          parties: collection?.at === 'checkout' ? checkoutParties(collection.remitter) : borderParties(consignment),
          atCheckoutPrice: false,
          regime: undefined,
        };
      } else if (waivers.tax?.covers(item)) {
        continue;
      } else {
        group = { parties: borderParties(consignment), atCheckoutPrice: false, regime: undefined };
      }
      const key = `${rule.id}|${rule.validFrom}|${group.parties.collectedAt}`;
      const existing = groups.get(key) ?? { ...group, rule, indexes: [] };
      existing.indexes.push(i);
      groups.set(key, existing);
    }
  });

  // Taxes that enter later bases (CN consumption tax in the VAT base), by item, at their statutory amount.
  const earlier = new Map<number, bigint>();
  for (const group of groups.values()) {
    const { rule, parties, atCheckoutPrice, indexes } = group;
    const sum = (f: (i: number) => bigint) => indexes.reduce((total, i) => total + f(i), 0n);
    const item = (i: number) => valuation.items[i]!;
    const parts = atCheckoutPrice
      ? [sum((i) => item(i).goods), rule.deliveryInBase === false ? 0n : sum((i) => item(i).freight + item(i).postBorder)]
      : [
          sum((i) => item(i).valued),
          valuation.cif || rules.valuation.freightInTaxBase ? sum((i) => item(i).freight) : 0n,
          rules.valuation.postBorderTransportInTaxBase ? sum((i) => item(i).postBorder) : 0n,
          rules.valuation.dutyInTaxBase ? sum((i) => duty.perItem[i] ?? 0n) : 0n,
          rule.inLaterTaxBases ? 0n : sum((i) => (earlier.get(i) ?? 0n) + (excise[i] ?? 0n)),
        ];
    const exactBase = parts.reduce((a, b) => a + b, 0n);
    const base = atCheckoutPrice ? exactBase : rounding.base(exactBase);
    const shown = parts.filter((part, k) => k === 0 || part > 0n).map(valuation.format);
    const baseText = `${shown.length === 1 ? shown[0] : `(${shown.join(' + ')})`}${base !== exactBase ? ` → ${valuation.format(base)}` : ''} ${valuation.currency}`;
    // A regime may fix its own rate for the standard one (GB £135 at 20 %); reduced rates keep theirs.
    const rate =
      group.regime && rule.scope === 'standard' && group.regime.regime.rateBp !== null
        ? taxRate(rule, group.regime.regime.rateBp)
        : taxRate(rule);
    const grossUp = rule.computation === 'gross-up';
    const statutory = applyRate(base, rate, grossUp);
    const factor = cbec ? cbec.regime.taxFactorBp : undefined;
    const exact =
      factor === undefined ? statutory : { numerator: statutory.numerator * BigInt(factor), denominator: statutory.denominator * 10_000n };
    const amount = rounding.tax(exact);
    if (rule.inLaterTaxBases) {
      const whole = roundHalfUp(statutory);
      const weights = sum((i) => item(i).customsValue) || 1n;
      indexes.forEach((i) => earlier.set(i, (earlier.get(i) ?? 0n) + (whole * item(i).customsValue) / weights));
    }
    const where = parties.collectedAt === 'CHECKOUT' ? `charged at checkout by the ${parties.remitter.toLowerCase()}` : 'at import';
    const regionNote = rule.regions
      ? ` (${region.region}${region.assumed ? `, assumed: ${rules.defaultRegion?.note ?? 'no region given'}` : ''})`
      : '';
    const formula = `${rate.text} × ${baseText}${grossUp ? ` / (1 − ${rate.text})` : ''}${factor !== undefined ? ` × ${formatBp(factor)}` : ''}`;
    lines.push({
      kind: 'TAX',
      description: `${rule.label ?? TAX_NAMES[rule.kind]} ${rate.text}${rule.scope === 'reduced' && rule.rateBp > 0 ? ' (reduced rate)' : ''}${rule.scope === 'heading' ? ` (the rate of heading ${heading ?? ''})` : ''}${factor !== undefined ? ` at ${formatBp(factor)} under the cross-border e-commerce regime` : ''}, ${where}${regionNote}`,
      amount: fromMinor(amount, valuation.currency),
      formula: `${formula}${group.regime ? `; ${group.regime.test}` : ''}${valuation.fxNote}${rounding.note}`,
      source: group.regime
        ? `${citation(group.regime.regime)}; ${citation(rule)}`
        : cbec
          ? `${citation(rule)}; ${citation(cbec.regime)}`
          : citation(rule),
      ...parties,
      rates: lineRates(valuation.applied),
    });
  }
  return lines;
}
