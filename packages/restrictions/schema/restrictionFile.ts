import { z } from 'zod';

/**
 * The schema of a restriction file (`packages/restrictions/rules/*.json`). Conventions, as in the
 * customs rule files: dates are ISO days and `validTo` is inclusive; HS codes are digits only (2, 4
 * or 6, each an HS 2022 chapter, heading or subheading — checked against the nomenclature at load).
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((day) => new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day, 'must be a real calendar day')
  .describe('An ISO calendar day, YYYY-MM-DD.');

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');

const countryOrUnion = z.union([countryCode, z.literal('EU')]);

const hsCode = z
  .string()
  .regex(/^(\d{2}|\d{4}|\d{6})$/, 'must be an HS chapter (2 digits), heading (4) or subheading (6)')
  .describe('An HS 2022 chapter, heading or subheading; goods match when their code starts with it.');

/** How far a fact has been checked; the README lists every line with its status. */
export const verification = z
  .enum(['verified', 'knowledge', 'unverified'])
  .describe(
    'verified: checked during authoring against the act or official guidance cited; knowledge: well-known, not re-checked; unverified: low confidence, see the note.',
  );

export const restrictionSource = z
  .strictObject({
    title: z.string().min(1).describe('The act, convention or official guidance, with its number and date.'),
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
      .describe('The page of the act or guidance, not a home page.'),
    section: z.string().min(1).describe('The article, section or paragraph relied on, e.g. "18 U.S.C. 1716(f)".'),
    status: verification,
    note: z.string().min(1).optional(),
  })
  .describe('Where the line comes from. Required on every line: a line without one fails at start-up.');

/**
 * The customs modes a line applies to: the values of the `CustomsMode` enum that consignments carry
 * (a post's mail, a courier's entry, a dedicated line's consolidated freight).
 */
export const customsMode = z
  .enum(['POSTAL', 'EXPRESS', 'FREIGHT'])
  .describe('POSTAL, EXPRESS or FREIGHT, as in `Consignment.customsMode`.');

export const goodsMatcher = z
  .strictObject({
    all: z.literal(true).optional().describe('Every good, whatever its code.'),
    hs: z.array(hsCode).min(1).optional().describe('Goods classified under one of these codes.'),
    exceptHs: z
      .array(hsCode)
      .min(1)
      .optional()
      .describe('Goods NOT classified under any of these codes (a positive list); goods without a code match too.'),
    containsLithiumBattery: z.boolean().optional().describe('Only goods that contain (true) or do not contain (false) a lithium battery.'),
  })
  .refine(
    (goods) => goods.all === true || goods.hs !== undefined || goods.exceptHs !== undefined || goods.containsLithiumBattery !== undefined,
    {
      message: 'name the goods: all, hs, exceptHs or containsLithiumBattery',
    },
  )
  .describe('Which goods a line applies to; every field given must hold.');

const lineBase = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case'),
  validFrom: isoDate,
  validTo: isoDate.optional().describe('The last day in force (inclusive); absent while in force.'),
  destinations: z
    .array(z.union([countryCode, z.literal('EU'), z.literal('*')]))
    .min(1)
    .describe('Destination countries; "EU" for every member state, "*" for every destination.'),
  origins: z
    .strictObject({ include: z.array(countryOrUnion).min(1).optional(), exclude: z.array(countryOrUnion).min(1).optional() })
    .optional()
    .describe('Limits the line to goods shipped from some countries ("EU" for every member state); absent for any origin.'),
  modes: z.array(customsMode).min(1).describe('The customs modes the line applies to.'),
  goods: goodsMatcher,
  source: restrictionSource,
  note: z.string().min(1).optional(),
};

export const restrictionLine = z
  .strictObject({
    ...lineBase,
    kind: z
      .enum(['PROHIBITED', 'CONDITIONAL'])
      .describe('PROHIBITED: may not cross by these modes (the option is not offered); CONDITIONAL: may cross when the condition is met.'),
    reason: z.string().min(1).describe('What the buyer and seller are told, in one sentence.'),
    document: z.string().min(1).optional().describe('The document or marking a CONDITIONAL line asks for.'),
  })
  .refine((line) => line.validTo === undefined || line.validTo >= line.validFrom, {
    message: 'validTo is before validFrom',
    path: ['validTo'],
  })
  .refine((line) => line.kind === 'PROHIBITED' || line.document !== undefined, {
    message: 'a CONDITIONAL line names the document or marking it asks for',
    path: ['document'],
  });

/** Data a customs document must carry for some shipments (e.g. product identifiers for EU low-value consignments). */
export const documentRequirement = z
  .strictObject({
    ...lineBase,
    fields: z
      .array(z.enum(['productIdentifiers']))
      .min(1)
      .describe('productIdentifiers: the marketplace listing, seller and product codes of each item.'),
    reason: z.string().min(1),
  })
  .refine((line) => line.validTo === undefined || line.validTo >= line.validFrom, {
    message: 'validTo is before validFrom',
    path: ['validTo'],
  });

/** rules/<topic>.json: one topic's restrictions (dangerous goods, alcohol and tobacco, …). */
export const restrictionFile = z.strictObject({
  $schema: z.string().optional(),
  topic: z.string().min(1).describe('What the file is about, in a few words.'),
  restrictions: z.array(restrictionLine),
  documentRequirements: z.array(documentRequirement).default([]),
});

export type RestrictionFile = z.output<typeof restrictionFile>;
export type RestrictionLine = z.output<typeof restrictionLine>;
export type DocumentRequirement = z.output<typeof documentRequirement>;
export type CustomsMode = z.output<typeof customsMode>;
export type RestrictionSource = z.output<typeof restrictionSource>;
