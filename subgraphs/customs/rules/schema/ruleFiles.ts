import { z } from 'zod';
import {
  defaultRegion,
  deMinimisRule,
  domesticSaleRule,
  exchangeRateRule,
  roundingRule,
  taxRule,
  valuationRule,
} from './destinationRules.js';
import { exciseRule } from './exciseRule.js';
import { basisPoints, countryCode, dutyBasisPoints, currencyCode, hsPrefix, isoDate, ruleBase, withValidPeriod } from './ruleBase.js';
import { returnReliefRule } from './returnReliefRule.js';
import { additionalDutyRule, dutySurchargeRule, feeRule, specialRegime } from './specialRegimes.js';

const fee = feeRule.refine((rule) => (rule.amount === undefined) !== (rule.ratePpm === undefined), {
  message: 'a fee has either an amount or a ratePpm',
  path: ['amount'],
});

/** destinations/<CODE>.json: one destination's regime, or the shared EU union file. */
export const destinationFile = z
  .strictObject({
    $schema: z.string().optional(),
    destination: z.string().regex(/^[A-Z]{2}$/),
    name: z.string().min(1),
    currency: currencyCode.optional().describe('The currency charges are assessed in (absent only in the union file).'),
    union: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional()
      .describe('Member states inherit the union file’s rules.'),
    dutyTable: z.string().min(1).optional().describe('Name of the dutyRates/<table>.json to use; union members inherit it.'),
    defaultRegion: defaultRegion.optional(),
    valuation: z.array(valuationRule),
    exchangeRates: z.array(exchangeRateRule).default([]),
    rounding: z.array(roundingRule).default([]),
    taxes: z.array(taxRule),
    deMinimis: z.array(deMinimisRule),
    specialRegimes: z.array(withValidPeriod(specialRegime)),
    additionalDuties: z.array(withValidPeriod(additionalDutyRule)),
    dutySurcharges: z
      .array(withValidPeriod(dutySurchargeRule))
      .default([])
      .describe('Surcharges levied as a share of the customs duty (IN Social Welfare Surcharge).'),
    fees: z.array(withValidPeriod(fee)),
    excise: z
      .array(exciseRule)
      .default([])
      .describe('Specific excises charged at import on a quantity of goods (per litre, per litre of alcohol, per gallon).'),
    domesticSale: z.array(domesticSaleRule).default([]),
    returnRelief: z
      .array(returnReliefRule)
      .default([])
      .describe('Repayment of import charges on goods rejected and sent back out of the destination; none listed = no relief stated.'),
    notes: z.array(z.string().min(1)).optional(),
  })
  .refine((file) => file.union !== undefined || file.dutyTable !== undefined, {
    message: 'a destination without a union must name its dutyTable',
    path: ['dutyTable'],
  })
  .refine((file) => file.union !== undefined || file.destination === 'EU' || file.currency !== undefined, {
    message: 'a destination names the currency its charges are assessed in',
    path: ['currency'],
  })
  .refine(
    (file) =>
      file.currency === undefined ||
      file.excise.every((rule) =>
        [rule.rate, rule.plusPerPointAbove?.amount ?? rule.rate, rule.minimum?.rate ?? rule.rate].every(
          (m) => m.currency === file.currency,
        ),
      ),
    { message: "an excise rate is written in the destination's currency", path: ['excise'] },
  );

export const dutyRate = withValidPeriod(z.strictObject({ ...ruleBase, hsPrefix, description: z.string().min(1), rateBp: dutyBasisPoints }));

export const dutyRateDefault = withValidPeriod(
  z.strictObject({
    ...ruleBase,
    rateBp: basisPoints,
    assumption: z.literal(true).describe('A default for unlisted headings is an assumption, never a fact.'),
  }),
);

/** dutyRates/<table>.json: MFN ad valorem rates by HS prefix. */
export const dutyRateTable = z.strictObject({
  $schema: z.string().optional(),
  table: z.string().min(1),
  appliesTo: z.array(countryCode),
  defaults: z.array(dutyRateDefault).min(1, 'needs an explicit default rate'),
  rates: z.array(dutyRate),
});

export const agreementMember = withValidPeriod(
  z.strictObject({ country: countryCode, validFrom: isoDate, validTo: isoDate.optional(), note: z.string().min(1).optional() }),
);

export const preferentialRate = withValidPeriod(
  z.strictObject({
    ...ruleBase,
    importer: z.string().min(1).describe('A destination code, a union code ("EU"), or "*" for all members.'),
    hsPrefix: z.string().regex(/^\d{0,10}$/),
    rateBp: basisPoints,
  }),
);

export const agreement = withValidPeriod(
  z.strictObject({
    ...ruleBase,
    name: z.string().min(1),
    members: z.array(agreementMember).min(2, 'an agreement needs at least two members'),
    preferentialRates: z.array(preferentialRate),
  }),
).refine((a) => a.preferentialRates.every((p) => p.importer === '*' || a.members.some((m) => m.country === p.importer)), {
  message: 'a preferential rate names an importer that is not a member',
  path: ['preferentialRates'],
});

/** agreements.json */
export const agreementsFile = z.strictObject({ $schema: z.string().optional(), agreements: z.array(agreement) });
