import { fromMinor } from '#packages/money/index.js';
import type { RulesInForce } from '../../rules/loadRules.js';
import type { TaxKind, TaxRule } from '../../rules/types.js';
import type { DutyAssessment } from './assessDuty.js';
import { borderParties, checkoutParties, type ChargeParties } from './chargeParties.js';
import { citation } from './citation.js';
import { lineRates } from './createConversion.js';
import type { Rounding } from './createRounding.js';
import { formatBp, grossedUp, timesBp, timesBpBp, type Exact } from './exactAmount.js';
import type { Waivers } from './findWaivers.js';
import { selectTaxRules } from './selectTaxRules.js';
import type { SpecialRegimes } from './selectSpecialRegimes.js';
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

/**
 * Every tax the buyer's side pays because the goods cross the border, one line per tax rule and
 * collection point:
 * - at checkout, by the marketplace or seller: the low-value regimes (GB £135, EU IOSS, AU, SG, MY,
 *   NZ, NO VOEC) on the price with delivery, CN cross-border retail taxes, and taxes the law has
 *   marketplaces collect (US state sales tax, QST, PST);
 * - at the border, collected on delivery (or paid by the seller's side under DDP): import VAT/GST
 *   on customs value + duty (+ transport where the law adds it), unless a de minimis waives it.
 * A flat rate replacing tax (MX courier) leaves no tax line.
 */
export function assessTaxes(context: TaxContext, regimes: SpecialRegimes, waivers: Waivers, duty: DutyAssessment): ChargeLine[] {
  if (regimes.banded?.regime.replaces.includes('tax')) return [];
  const { consignment, valuation, rules, rounding, region } = context;
  const atSale = regimes.collectedAtSale;
  const cbec = regimes.crossBorderRetail?.regime;
  const lines: ChargeLine[] = [];
  if (waivers.tax) lines.push(waivers.tax.line);

  // (rule, parties) → items, keeping the order rules are met so excise enters the later bases.
  const groups = new Map<string, { rule: TaxRule; parties: ChargeParties; checkoutPrice: boolean; indexes: number[] }>();
  const earlier = new Map<number, bigint>();
  valuation.items.forEach((item, i) => {
    const { before, main, after } = selectTaxRules(rules, item, region.region);
    for (const rule of [...before, ...(main ? [main] : []), ...after]) {
      let parties: ChargeParties;
      let checkoutPrice = false;
      if (rule === main && atSale?.covers(item)) {
        parties = checkoutParties(atSale.regime.marketplaceIsDeemedSupplier && consignment.soldOnMarketplace ? 'MARKETPLACE' : 'SELLER');
        checkoutPrice = true;
      } else if (rule.collection?.at === 'checkout') {
        parties = checkoutParties(rule.collection.remitter);
        checkoutPrice = true;
      } else if (cbec && regimes.crossBorderRetail) {
        parties = cbec.collection?.at === 'checkout' ? checkoutParties(cbec.collection.remitter) : borderParties(consignment);
      } else {
        if (waivers.tax?.covers(item)) continue;
        parties = borderParties(consignment);
      }
      const key = `${rule.id}|${rule.validFrom}|${parties.collectedAt}`;
      const group = groups.get(key) ?? { rule, parties, checkoutPrice, indexes: [] };
      group.indexes.push(i);
      groups.set(key, group);
    }
  });

  for (const { rule, parties, checkoutPrice, indexes } of groups.values()) {
    const items = indexes.map((i) => valuation.items[i]!);
    const sum = (f: (i: number) => bigint) => indexes.reduce((total, i) => total + f(i), 0n);
    const format = valuation.format;
    let parts: bigint[];
    if (checkoutPrice) {
      // A tax charged at the sale is on the price the buyer pays, delivery included.
      parts = [sum((i) => valuation.items[i]!.goods), sum((i) => valuation.items[i]!.freight + valuation.items[i]!.postBorder)];
    } else {
      const withFreight = valuation.cif || rules.valuation.freightInTaxBase;
      parts = [
        sum((i) => valuation.items[i]!.valued),
        withFreight ? sum((i) => valuation.items[i]!.freight) : 0n,
        rules.valuation.postBorderTransportInTaxBase ? sum((i) => valuation.items[i]!.postBorder) : 0n,
        rules.valuation.dutyInTaxBase ? sum((i) => duty.perItem[i] ?? 0n) : 0n,
        rule.inLaterTaxBases ? 0n : sum((i) => earlier.get(i) ?? 0n),
      ];
    }
    const exactBase = parts.reduce((a, b) => a + b, 0n);
    const base = checkoutPrice ? exactBase : rounding.base(exactBase);
    const shown = parts.filter((part, k) => k === 0 || part > 0n).map(format);
    const baseText = `${shown.length === 1 ? shown[0] : `(${shown.join(' + ')})`}${base !== exactBase ? ` → ${format(base)}` : ''}`;
    const rateBp = checkoutPrice && atSale && rule.scope === 'standard' && rule.kind !== 'SALES_TAX' ? (atSale.regime.rateBp ?? rule.rateBp) : rule.rateBp;
    const rate = formatBp(rateBp);
    const factor = cbec && !checkoutPrice ? cbec.taxFactorBp : cbec && regimes.crossBorderRetail ? cbec.taxFactorBp : undefined;
    let exact: Exact = rule.computation === 'gross-up' ? grossedUp(base, rateBp) : timesBp(base, rateBp);
    let formula = rule.computation === 'gross-up' ? `${rate} × ${baseText} ${valuation.currency} / (1 − ${rate})` : `${rate} × ${baseText} ${valuation.currency}`;
    if (factor !== undefined && regimes.crossBorderRetail) {
      exact = { numerator: exact.numerator * BigInt(factor), denominator: exact.denominator * 10_000n };
      formula = `${formula} × ${formatBp(factor)}`;
    }
    const amount = rounding.tax(exact);
    if (rule.inLaterTaxBases) {
      // Spread over the items so each item's later taxes see its own share.
      const total = sum((i) => valuation.items[i]!.customsValue) || 1n;
      indexes.forEach((i) => earlier.set(i, (earlier.get(i) ?? 0n) + (amount * valuation.items[i]!.customsValue) / total));
    }
    const where = checkoutPrice || parties.collectedAt === 'CHECKOUT' ? `charged at checkout by the ${parties.remitter.toLowerCase()}` : 'at import';
    const regionNote = rule.regions ? ` (${region.region}${region.assumed ? `, assumed: ${rules.defaultRegion?.note ?? 'no region given'}` : ''})` : '';
    lines.push({
      kind: 'TAX',
      description: `${TAX_NAMES[rule.kind]} ${rate}${rule.scope === 'reduced' ? ' (reduced rate)' : ''}${factor !== undefined ? ` at ${formatBp(factor)} under the cross-border e-commerce regime` : ''}, ${where}${regionNote}`,
      amount: fromMinor(amount, valuation.currency),
      formula: `${formula}${checkoutPrice && atSale && rule === selectMain(context, items[0]!) ? `; ${atSale.test}` : ''}${valuation.fxNote}${rounding.note}`,
      source: checkoutPrice && atSale && rule.scope !== 'additional' && !rule.collection ? `${citation(atSale.regime)}; ${citation(rule)}` : cbec ? `${citation(rule)}; ${citation(cbec)}` : citation(rule),
      ...parties,
      rates: lineRates(valuation.applied),
    });
  }
  return lines;
}

function selectMain(context: TaxContext, item: Valuation['items'][number]): TaxRule | undefined {
  return selectTaxRules(context.rules, item, context.region.region).main;
}
