import { z } from 'zod';
import { isCountryCode } from '#packages/countries/index.js';
import { isCurrencyCode } from '#packages/money/index.js';

const variableName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'must name an environment variable (A–Z, 0–9 and _), never hold a secret itself');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** One marketplace reached through the connector protocol. Secrets stay in the environment: the entry names the variables. */
export const MarketplaceEntry = z.strictObject({
  /** Our id for it, lower-case words joined by hyphens (`ke-soko`); `<ID>_URL` overrides `baseUrl`. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters and digits in words joined by "-", e.g. ke-soko'),
  name: z.string().trim().min(1, 'must not be empty').max(100),
  country: z.string().refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code, e.g. KE'),
  /** The currency every price of the marketplace is in. */
  currency: z.string().refine(isCurrencyCode, 'must be an ISO 4217 currency code, e.g. KES'),
  continent: z.enum(['AFRICA', 'ASIA', 'EUROPE', 'NORTH_AMERICA', 'OCEANIA', 'SOUTH_AMERICA'], {
    error: 'must be one of AFRICA, ASIA, EUROPE, NORTH_AMERICA, OCEANIA, SOUTH_AMERICA',
  }),
  /** Base URL of its connector API. */
  baseUrl: httpUrl,
  auth: z.discriminatedUnion(
    'scheme',
    [
      z.strictObject({ scheme: z.literal('hmac'), keyIdEnv: variableName, secretEnv: variableName }),
      z.strictObject({
        scheme: z.literal('oauth2'),
        tokenUrl: httpUrl,
        clientIdEnv: variableName,
        clientSecretEnv: variableName,
        scope: z
          .string()
          .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/)
          .default('connector'),
      }),
    ],
    { error: 'must have scheme hmac (keyIdEnv, secretEnv) or oauth2 (tokenUrl, clientIdEnv, clientSecretEnv)' },
  ),
});

/** `MARKETPLACES_FILE`: the marketplaces that joined by configuration. */
export const MarketplacesFile = z.strictObject({
  marketplaces: z.array(MarketplaceEntry).superRefine((entries, context) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `"${entry.id}" is listed twice` });
      seen.add(entry.id);
    });
  }),
});

export type MarketplaceEntry = z.infer<typeof MarketplaceEntry>;
