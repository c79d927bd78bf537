import { z } from 'zod';
import { remitter } from './destinationRules.js';
import { basisPoints, channel, comparison, hsPrefix, money, originFilter, partsPerMillion, ruleBase } from './ruleBase.js';

const regimeBase = {
  ...ruleBase,
  origins: originFilter.optional(),
  channel: channel.optional().describe('Limits the regime to one customs channel (MX courier rate). Default any.'),
  condition: z.string().min(1).describe('The legal condition, in words.'),
  collection: z
    .strictObject({ at: z.enum(['border', 'checkout']), remitter })
    .optional()
    .describe("Where the regime's charges are collected. Default: at the border, by the carrier as declarant."),
};

export const bandedRate = z.strictObject({
  upTo: money.describe('Inclusive upper bound of the band, in the rule currency.'),
  rateBp: basisPoints,
  deduction: money.optional().describe('Subtracted from the computed tax (BR "parcela a deduzir").'),
});

export const specialRegime = z.discriminatedUnion('kind', [
  z
    .strictObject({
      ...regimeBase,
      kind: z.literal('collectedAtSale'),
      maxValue: money,
      comparison: comparison.optional().describe('Default lte.'),
      valueBasis: z.enum(['intrinsic', 'goods-price', 'customs-value']),
      perUnit: z.boolean().optional().describe('The limit applies to each unit, not the consignment (NO VOEC, NZ).'),
      rateBp: basisPoints.nullable().describe("null: the destination's own standard or reduced rate (EU IOSS)."),
      registration: z
        .strictObject({ scheme: z.string().min(2), mandatory: z.boolean() })
        .describe('The scheme number the parcel carries; mandatory: every marketplace selling there must use it.'),
      marketplaceIsDeemedSupplier: z
        .boolean()
        .describe('A marketplace facilitating the sale charges and remits the tax (otherwise the seller).'),
      excludedHsPrefixes: z.array(hsPrefix).optional().describe('Goods the regime never covers (excise goods, foodstuffs).'),
    })
    .describe('Tax charged by the seller or marketplace at checkout; none at the border (IOSS, GB £135, AU, SG, MY, NZ, NO VOEC).'),
  z.strictObject({
    ...regimeBase,
    kind: z.literal('flatDutyPerLine'),
    amountPerLine: money,
    maxConsignmentValue: money,
    lineKey: z.literal('tariff-subheading'),
  }),
  z.strictObject({
    ...regimeBase,
    kind: z.literal('bandedFlatRate'),
    replaces: z
      .array(z.enum(['duty', 'tax']))
      .min(1)
      .describe('Which ordinary charges the flat rate replaces.'),
    bands: z
      .array(bandedRate)
      .min(1)
      .refine((bands) => bands.every((band) => band.upTo.currency === bands[0]?.upTo.currency), 'bands must share one currency')
      .refine(
        (bands) => bands.every((band, i) => i === 0 || Number(band.upTo.amount) > Number(bands[i - 1]?.upTo.amount)),
        'band upper bounds must ascend',
      ),
  }),
  z.strictObject({
    ...regimeBase,
    kind: z.literal('crossBorderRetail'),
    singleTransactionLimit: money,
    annualLimit: money,
    dutyRateBp: basisPoints,
    taxFactorBp: basisPoints.describe('Share of the statutory VAT and consumption tax levied (7000 = 70 %).'),
  }),
  z.strictObject({ ...regimeBase, kind: z.literal('personalUseValuation'), factorBp: basisPoints }),
  z.strictObject({
    ...regimeBase,
    kind: z.literal('personalImportTariff'),
    hsHeading: hsPrefix,
    rateBp: basisPoints,
    excludedHsPrefixes: z
      .array(hsPrefix)
      .optional()
      .describe(
        'Goods the heading does not apply to (IN Chapter 98 note 4: alcoholic beverages, tobacco, motor vehicles); a consignment holding any is assessed at the chapter rates.',
      ),
  }),
]);

export const additionalDutyRule = z.strictObject({
  ...ruleBase,
  label: z.string().min(1).describe('How the line names the duty, e.g. "Section 301 (List 4A)".'),
  rateBp: basisPoints,
  origins: originFilter.optional(),
  hsPrefixes: z.array(hsPrefix).min(1).optional().describe('Products the duty covers; absent = all goods.'),
  excludedHsPrefixes: z.array(hsPrefix).optional(),
  notWith: z
    .array(z.string().min(1))
    .optional()
    .describe('Ids of duties that, when they apply, exclude this one (Section 122 does not stack on 232).'),
  stacking: z.literal('on-top-of-mfn'),
});

export const dutySurchargeRule = z
  .strictObject({
    ...ruleBase,
    label: z.string().min(1).describe('How the line names the surcharge, e.g. "Social Welfare Surcharge".'),
    rateBp: basisPoints.describe('The share of the customs duty charged: 1000 = 10 % of the duty.'),
    exemptHsPrefixes: z
      .array(hsPrefix)
      .optional()
      .describe(
        "Goods whose duty bears no surcharge (IN: wine and spirits, Notification 11/2018-Customs); their duty stays out of the surcharge's base.",
      ),
  })
  .describe(
    "A surcharge levied as a share of the customs duty itself, not of the goods' value (IN Social Welfare Surcharge, 10 % of the basic customs duty). It is part of the import tax base as the duty is.",
  );

export const feeRule = z.strictObject({
  ...ruleBase,
  label: z.string().min(1).describe('How the line names the fee.'),
  amount: money.optional().describe('A fixed amount per consignment or per tariff line.'),
  ratePpm: partsPerMillion.optional().describe('Or a share of the value in parts per million (US MPF 0.3464 % = 3464).'),
  minimum: money.optional(),
  maximum: money.optional(),
  per: z.enum(['consignment', 'tariff-line']),
  valueBasis: z.enum(['intrinsic', 'customs-value', 'goods-price', 'value-for-duty']),
  from: z
    .strictObject({ value: money, comparison: z.enum(['gte', 'gt']) })
    .optional()
    .describe('Applies only from this value.'),
  upTo: z.strictObject({ value: money, comparison }).optional().describe('Applies only up to this value.'),
  channels: z.array(channel).min(1).optional().describe('Applies only on these channels. Default all.'),
  origins: originFilter.optional(),
  paidBy: z.enum(['BUYER', 'SELLER']).describe('SELLER: may not be passed on to the consumer (FR small-parcel tax).'),
  remitter,
});
