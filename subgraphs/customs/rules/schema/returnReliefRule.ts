import { z } from 'zod';
import { ruleBase, withValidPeriod } from './ruleBase.js';

/**
 * Why goods go back to the seller, in the words relief laws use. Most laws relieve only goods that
 * were faulty or not what the contract said when they crossed the border: a change of mind is
 * relieved almost nowhere, and listing it on a rule says so explicitly.
 */
export const returnReason = z
  .enum(['DEFECTIVE', 'DAMAGED', 'NOT_AS_DESCRIBED', 'WRONG_ITEM', 'CHANGED_MIND'])
  .describe(
    'DEFECTIVE: faulty when imported; DAMAGED: damaged before release; NOT_AS_DESCRIBED / WRONG_ITEM: not in compliance with the contract; CHANGED_MIND: the buyer no longer wants them.',
  );

/**
 * A relief that repays (or remits) import charges on goods rejected and sent back out of the
 * destination: EU UCC art. 118, the UK's rejected imports relief, US rejected merchandise drawback.
 * `charges` says which charges the law repays, `retainedBp` what it keeps (US: 1 %), `claim` how
 * and where to claim, and `claimWithinDays` the deadline from the import (or the notification of
 * the customs debt), when the law counts in days.
 */
export const returnReliefRule = withValidPeriod(
  z.strictObject({
    ...ruleBase,
    reasons: z.array(returnReason).min(1).describe('The reasons for the return this relief covers.'),
    charges: z
      .array(z.enum(['DUTY', 'IMPORT_VAT', 'EXCISE']))
      .min(1)
      .describe('The import charges repaid: customs duty, import VAT/GST, excise.'),
    retainedBp: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .default(0)
      .describe('The share of the charges the authority keeps, in basis points (US drawback: 100 = 1 %).'),
    claimWithinDays: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('The deadline to claim, in days from import; absent when the law gives none in days.'),
    claim: z.string().min(1).describe('How and where the importer claims: the form or service, the office, the evidence asked for.'),
  }),
);
