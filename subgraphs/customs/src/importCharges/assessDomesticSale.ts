import { fromMinor } from '#packages/money/index.js';
import { TAX_NAMES, type TaxContext } from './assessTaxes.js';
import { checkoutParties } from './chargeParties.js';
import { citation } from './citation.js';
import { lineRates } from './createConversion.js';
import { applyRate, taxRate } from './taxRate.js';
import { selectTaxRules } from './selectTaxRules.js';
import type { ChargeLine } from './types.js';

/**
 * A foreign seller's sale from stock already in the destination (an overseas warehouse): no import
 * at delivery (the bulk import paid its duties), but the sale carries the destination's domestic
 * VAT/GST (or sales tax), charged at checkout on the price with delivery. Where the law makes the
 * marketplace the deemed supplier of such sales (EU art. 14a(2), UK VAT Act s.5A) it remits them.
 */
export function assessDomesticSale(context: TaxContext): ChargeLine[] {
  const { consignment, rules, valuation, rounding, region } = context;
  const remitter = rules.domesticSale?.marketplaceRemits && consignment.soldOnMarketplace ? 'MARKETPLACE' : 'SELLER';
  const lines: ChargeLine[] = [];
  valuation.items.forEach((item) => {
    const { before, main, after } = selectTaxRules(rules, item, region.region);
    for (const rule of [...before, ...(main ? [main] : []), ...after]) {
      const delivery = rule.deliveryInBase === false ? 0n : item.freight + item.postBorder;
      const price = item.goods + delivery;
      const rate = taxRate(rule);
      const amount = rounding.tax(applyRate(price, rate, rule.computation === 'gross-up'));
      const parts = [valuation.format(item.goods), ...(delivery > 0n ? [valuation.format(delivery)] : [])];
      lines.push({
        kind: 'TAX',
        description: `Domestic ${TAX_NAMES[rule.kind]} ${rate.text} on a sale from stock in ${consignment.destination}, charged at checkout by the ${remitter.toLowerCase()}${rule.regions ? ` (${region.region}${region.assumed ? ', assumed' : ''})` : ''}`,
        amount: fromMinor(amount, valuation.currency),
        formula: `${rate.text} × ${parts.length === 1 ? parts[0] : `(${parts.join(' + ')})`} ${valuation.currency}; no import at delivery: duties settled at the bulk import${valuation.fxNote}${rounding.note}`,
        source: rules.domesticSale ? `${citation(rule)}; ${citation(rules.domesticSale)}` : citation(rule),
        ...checkoutParties(remitter),
        rates: lineRates(valuation.applied),
      });
    }
  });
  return lines;
}
