import { z } from 'zod';
import {
  basisPoints,
  channel,
  comparison,
  currencyCode,
  hsPrefix,
  money,
  originFilter,
  partsPerMillion,
  regionCode,
  ruleBase,
  valueBasis,
  withValidPeriod,
} from './ruleBase.js';

/** Who pays a charge over to the authority, in the law's terms (the API's `Remitter`). */
export const remitter = z.enum(['SELLER', 'MARKETPLACE', 'PLATFORM', 'CARRIER', 'BUYER']);

export const valuationRule = withValidPeriod(
  z.strictObject({
    ...ruleBase,
    basis: z.enum(['CIF', 'FOB']).describe('CIF: goods + transport and insurance to the place of entry; FOB: goods only.'),
    dutyInTaxBase: z.boolean().describe('Whether customs duty is part of the import VAT/GST base.'),
    freightInTaxBase: z.boolean().describe('Whether transport to the border is part of the tax base even where duty is on FOB (AU).'),
    postBorderTransportInTaxBase: z
      .boolean()
      .describe(
        'Whether transport after the place of entry to a destination known at import is part of the import tax base (EU VAT Directive art. 86(1)(b)). It is never part of the customs value (EU UCC art. 72(a)).',
      ),
    thresholdCurrency: currencyCode.describe("The regulator's currency: value limits are compared in it."),
  }),
);

export const taxRule = withValidPeriod(
  z.strictObject({
    ...ruleBase,
    kind: z.enum(['VAT', 'GST', 'HST', 'QST', 'PST', 'CONSUMPTION_TAX', 'SALES_TAX', 'IGST', 'ICMS', 'IVA', 'EXCISE']),
    scope: z
      .enum(['standard', 'reduced', 'additional', 'heading'])
      .describe(
        "standard: the general rate; reduced: replaces it for the HS prefixes listed; additional: levied on top (excise, provincial taxes); heading: the rate of a tariff heading that a special regime assesses the whole consignment under (IN 9804), replacing the goods' own rates while that regime applies.",
      ),
    label: z
      .string()
      .min(1)
      .optional()
      .describe('How the line names the tax where its kind does not say enough (AU wine equalisation tax).'),
    rateBp: basisPoints,
    ratePpm: partsPerMillion
      .optional()
      .describe(
        'The exact rate in parts per million where basis points cannot hold it (QST 9.975 % = 99750); rateBp is then its rounding.',
      ),
    computation: z
      .enum(['on-top', 'gross-up'])
      .describe('on-top: base × rate; gross-up (BR ICMS, CN consumption tax): base × rate / (1 − rate).'),
    hsPrefixes: z.array(hsPrefix).min(1).optional().describe('Goods the rate is limited to (required for reduced rates and excise).'),
    maxUnitValue: money
      .optional()
      .describe(
        'A reduced rate that applies only to units priced below this (NY clothing under USD 110), or up to it (see maxUnitValueComparison).',
      ),
    maxUnitValueComparison: comparison
      .optional()
      .describe(
        'How a unit price is held against maxUnitValue: lt (default) strictly below (NY "less than USD 110"); lte up to and including it (IN apparel "not exceeding Rs 2,500").',
      ),
    regions: z.array(regionCode).min(1).optional().describe('ISO 3166-2 subdivisions the rate applies in; absent = the whole country.'),
    deliveryInBase: z
      .boolean()
      .optional()
      .describe('For a tax charged at checkout: whether delivery charges are part of its base. Default true (California: false).'),
    inLaterTaxBases: z
      .boolean()
      .optional()
      .describe('The tax is part of the base of the taxes listed after it (CN consumption tax in the VAT base).'),
    collection: z
      .strictObject({
        at: z.enum(['border', 'checkout']),
        remitter,
        base: z
          .enum(['sale-price', 'import-value'])
          .optional()
          .describe(
            'sale-price (default): a sales tax on the price with delivery; import-value: an import tax collected early (BR ICMS under Remessa Conforme).',
          ),
      })
      .optional()
      .describe('Default: assessed at the border on import. checkout: charged at the sale by the remitter (marketplace facilitator laws).'),
  }),
)
  .refine((rule) => rule.scope === 'standard' || rule.hsPrefixes !== undefined || rule.kind !== 'EXCISE', {
    message: 'an excise rate must list the HS prefixes it applies to',
    path: ['hsPrefixes'],
  })
  .refine((rule) => (rule.scope !== 'reduced' && rule.scope !== 'heading') || rule.hsPrefixes !== undefined, {
    message: 'a reduced or heading rate must list the HS prefixes it applies to',
    path: ['hsPrefixes'],
  });

export const deMinimisRule = withValidPeriod(
  z.strictObject({
    ...ruleBase,
    appliesTo: z.enum(['duty', 'tax', 'duty-and-tax']),
    threshold: money.nullable().describe('null: no de minimis in this period (abolished or suspended).'),
    comparison,
    valueBasis,
    channel,
    origins: originFilter.optional(),
    excludedHsPrefixes: z.array(hsPrefix).optional().describe('Goods that never benefit (excise goods, JP knitted apparel, …).'),
  }),
);

export const roundingStep = z
  .strictObject({
    increment: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .describe('In currency units: "0.01", "1", "100", "1000".'),
    mode: z.enum(['half-up', 'down']).describe('half-up: ties away from zero; down: truncated.'),
  })
  .describe('How an amount is rounded.');

export const roundingRule = withValidPeriod(
  z.strictObject({
    ...ruleBase,
    base: roundingStep.optional().describe('How a taxable base is rounded before the rate is applied (JP: down to ¥1,000).'),
    duty: roundingStep,
    tax: roundingStep,
    fee: roundingStep,
  }),
);

export const exchangeRateRule = withValidPeriod(
  z.strictObject({
    ...ruleBase,
    series: z
      .enum(['REFERENCE', 'EU_CUSTOMS_MONTHLY', 'US_CBP', 'JP_CUSTOMS_WEEKLY'])
      .describe('The series customs converts foreign amounts with (published by the FX source as its own effective-dated series).'),
  }),
);

export const domesticSaleRule = withValidPeriod(
  z.strictObject({
    ...ruleBase,
    marketplaceRemits: z
      .boolean()
      .describe('Whether a marketplace is the deemed supplier of goods a non-established seller sells from stock in the country.'),
  }),
);

export const defaultRegion = z
  .strictObject({ region: regionCode, note: z.string().min(1) })
  .describe('The subdivision a quote assumes when the buyer gave none, and why (it is named in the line).');
