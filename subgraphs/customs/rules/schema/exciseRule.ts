import { z } from 'zod';
import { basisPoints, hsPrefix, money, ruleBase, withValidPeriod } from './ruleBase.js';

/** Alcohol strength in integer basis points of volume: 1300 = 13 % ABV. */
const abvBasisPoints = z.number().int().min(0).max(10_000);

/**
 * A specific excise charged at import on a quantity of goods (alcohol duty per litre of alcohol, US
 * federal excise per wine or proof gallon, JP liquor tax per litre, tobacco duty per 1,000
 * cigarettes), not on their value. Ad valorem excises (CN consumption tax, AU wine equalisation tax)
 * are `taxes` with `kind: EXCISE`; the only value part here is the share of the retail selling price
 * that cigarette excise adds to its specific part (GB, DE), with the minimum the law sets.
 */
export const exciseRule = withValidPeriod(
  z.strictObject({
    ...ruleBase,
    label: z.string().min(1).describe('How the line names the excise, e.g. "Alcohol duty (wine, 8.5 % to 22 % ABV)".'),
    hsPrefixes: z.array(hsPrefix).min(1).describe('The goods it is charged on.'),
    minAbvBp: abvBasisPoints.optional().describe('The lowest strength the rate applies to, inclusive (2201 = exceeding 22 %).'),
    maxAbvBp: abvBasisPoints.optional().describe('The highest strength the rate applies to, inclusive (2200 = not exceeding 22 %).'),
    measure: z
      .enum([
        'litre',
        'litre-of-alcohol',
        'us-wine-gallon',
        'us-proof-gallon',
        'us-barrel',
        'hectolitre-degree-plato',
        'tonne',
        'thousand-sticks',
        'kilogram',
      ])
      .describe(
        'What the rate is per: a litre of product; a litre of pure alcohol (the same as per hectolitre per % vol); a US wine gallon (3.785411784 l) of product; a US proof gallon (a wine gallon at 50 % ABV); a US beer barrel (31 wine gallons) of product; a hectolitre of beer per degree Plato of original gravity (DE); a tonne of product, converted from litres by litresPerTonne (CN beer); 1,000 cigarettes (sticks); a kilogram of tobacco (GB hand-rolling tobacco).',
      ),
    exemptAbvBp: abvBasisPoints
      .optional()
      .describe(
        'litre-of-alcohol only: the strength that is not charged, the rate applying to the alcohol above it (AU beer: 115 = the first 1.15 %).',
      ),
    litresPerTonne: z.number().int().positive().optional().describe('tonne only: the litres the law counts as one tonne (CN beer: 988).'),
    rate: money.describe('The amount per measure, in the destination currency.'),
    plusPerPointAbove: z
      .strictObject({ abvBp: abvBasisPoints, amount: money })
      .optional()
      .describe('Added per percentage point of strength above abvBp (JP whisky and spirits: JPY 10 per litre per degree above 37).'),
    retailPriceShareBp: basisPoints
      .optional()
      .describe(
        "thousand-sticks and kilogram only: the ad valorem part, a share of the retail selling price added to the specific rate (GB 16.5 % = 1650, DE 19.84 % = 1984). Offers carry no retail price, so the quote takes the item's price for it and says so.",
      ),
    minimum: z
      .strictObject({
        rate: money.describe('The least excise per measure, in the destination currency (GB Minimum Excise Tax per 1,000 cigarettes).'),
        lessRetailVat: z
          .boolean()
          .describe(
            'Whether the VAT contained in the retail price is deducted from that least amount (DE TabStG § 2: "abzüglich der Umsatzsteuer des Kleinverkaufspreises"), at the standard rate on file.',
          ),
      })
      .optional()
      .describe('thousand-sticks and kilogram only: the excise is at least this; the higher of the two is charged.'),
    chargeKind: z
      .enum(['DUTY', 'TAX'])
      .describe('DUTY where the law levies it as a customs duty (AU excise-equivalent customs duty), else TAX.'),
    inImportTaxBase: z
      .boolean()
      .describe('Whether the excise is part of the base of the import VAT, GST or consumption tax (GB, AU, JP: yes; US: no import tax).'),
  }),
)
  .refine((rule) => rule.minAbvBp === undefined || rule.maxAbvBp === undefined || rule.minAbvBp <= rule.maxAbvBp, {
    message: 'minAbvBp is above maxAbvBp',
    path: ['minAbvBp'],
  })
  .refine((rule) => (rule.measure === 'tonne') === (rule.litresPerTonne !== undefined), {
    message: 'litresPerTonne is given with, and only with, the tonne measure',
    path: ['litresPerTonne'],
  })
  .refine(
    (rule) =>
      (rule.retailPriceShareBp === undefined && rule.minimum === undefined) ||
      rule.measure === 'thousand-sticks' ||
      rule.measure === 'kilogram',
    {
      message: 'a retail price share or a minimum applies to a rate per 1,000 sticks or per kilogram only',
      path: ['measure'],
    },
  )
  .refine((rule) => rule.exemptAbvBp === undefined || rule.measure === 'litre-of-alcohol', {
    message: 'exemptAbvBp applies to a rate per litre of alcohol only',
    path: ['exemptAbvBp'],
  });
