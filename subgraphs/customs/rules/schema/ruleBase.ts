import { z } from 'zod';

/**
 * The building blocks every rule file shares. Conventions (the JSON Schema rule authors get says
 * the same, as it is generated from these):
 * - dates are ISO calendar days `YYYY-MM-DD`; `validTo` is INCLUSIVE (the last day in force);
 * - rates are integer basis points (1900 = 19 %), never floats;
 * - money is a decimal string plus an ISO 4217 code, compared in the regulator's currency;
 * - HS prefixes are digits only (2 to 10), matched by longest prefix.
 */

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((day) => new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day, 'must be a real calendar day')
  .describe('An ISO calendar day, YYYY-MM-DD.');

export const basisPoints = z.number().int().min(0).max(10_000).describe('A rate in integer basis points: 1900 = 19 %.');
/** A rate in parts per million, for rates basis points cannot hold exactly: 99750 = 9.975 %. */
export const partsPerMillion = z.number().int().min(0).max(1_000_000);

/** A duty rate, which may exceed 100 % (IN wine 150 %). */
export const dutyBasisPoints = z
  .number()
  .int()
  .min(0)
  .max(100_000)
  .describe('A duty rate in integer basis points: 15000 = 150 %. Tariffs may exceed 100 %.');

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code');

export const money = z
  .strictObject({
    amount: z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as "150.00"'),
    currency: currencyCode,
  })
  .describe('An amount as a decimal string and its ISO 4217 currency.');

export const hsPrefix = z.string().regex(/^\d{2,10}$/, 'must be 2 to 10 digits');
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');
export const regionCode = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 subdivision code such as CA-ON');

/** How far a fact has been checked: the README lists every rule with its status. */
export const status = z
  .enum(['verified', 'knowledge', 'unverified'])
  .describe(
    'verified: checked during authoring against the act or official guidance cited; knowledge: well-known, not re-checked; unverified: low confidence, see the note.',
  );

/**
 * Whether a URL is a site's home page rather than a page of an act or of guidance: nothing after
 * the host but `/` or the site's index file, or a portal's main page (`/LSW/eng/engMain.do`), with
 * no query. Such a citation only names where to start looking.
 */
export function isHomePage(url: string): boolean {
  const parsed = URL.parse(url);
  if (parsed === null || parsed.search !== '') return false;
  return /^\/?((index|default|home)\.[a-z]+)?$/i.test(parsed.pathname) || /\/[a-z]*main\.[a-z]+$/i.test(parsed.pathname);
}

export const source = z
  .strictObject({
    title: z.string().min(1).describe('The act or official guidance, with its number and date.'),
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
      .describe('The page of the act or guidance, not a home page.'),
    section: z.string().min(1).optional().describe('The article, section or paragraph relied on, e.g. "Art. 72(a)".'),
    status,
    note: z.string().min(1).optional(),
    homePage: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Only where `url` is a home page: why no page of the act or guidance could be cited. A home page without it fails to load; the rules README lists every one.',
      ),
  })
  .superRefine((cited, context) => {
    const home = isHomePage(cited.url);
    if (home && cited.homePage === undefined)
      context.addIssue({
        code: 'custom',
        path: ['url'],
        message: `${cited.url} is a home page: cite the page of the act or guidance, or say in source.homePage why none could be found`,
      });
    if (!home && cited.homePage !== undefined)
      context.addIssue({ code: 'custom', path: ['homePage'], message: `${cited.url} is not a home page: drop source.homePage` });
  })
  .describe('Where the rule comes from. Required on every rule: a rate without a source fails at start-up.');

/** Identity, effective period and citation: every rule has them. */
export const ruleBase = {
  id: z.string().min(1),
  validFrom: isoDate,
  validTo: isoDate.optional().describe('The last day in force (inclusive); absent while in force.'),
  source,
  note: z.string().min(1).optional(),
};

export const originFilter = z
  .strictObject({
    include: z.array(countryCode).optional(),
    exclude: z.array(countryCode).optional(),
    note: z.string().min(1).optional(),
  })
  .describe('Restricts a rule to goods shipped from (and assumed to originate in) some countries.');

/** The customs channel a consignment travels by, as rules that differ by channel name it. */
export const channel = z
  .enum(['any', 'courier', 'post', 'air-or-post', 'freight'])
  .describe(
    'any; courier (express carriers); post (national posts); air-or-post (courier or post, not freight); freight (consolidated cargo).',
  );

export const comparison = z.enum(['lte', 'lt']).describe('lte: up to and including the limit; lt: strictly below it.');

export const valueBasis = z
  .enum(['intrinsic', 'customs-value', 'goods-price', 'value-for-duty'])
  .describe('What a value limit is compared against.');

/** Rejects a period that ends before it starts. */
export function withValidPeriod<T extends z.ZodType<{ validFrom: string; validTo?: string | undefined }>>(schema: T): T {
  return schema.refine((rule) => rule.validTo === undefined || rule.validTo >= rule.validFrom, {
    message: 'validTo is before validFrom',
    path: ['validTo'],
  });
}
