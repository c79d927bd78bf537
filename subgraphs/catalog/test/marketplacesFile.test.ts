import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarketplacesFileError, readMarketplacesFile } from '../src/marketplaces/readMarketplacesFile.js';

const directory = mkdtempSync(join(tmpdir(), 'marketplaces-'));
let files = 0;
function fileWith(text: string, extension = 'yaml'): string {
  const path = join(directory, `marketplaces-${++files}.${extension}`);
  writeFileSync(path, text);
  return path;
}

const SOKO = `marketplaces:
  - id: ke-soko
    name: Soko
    country: KE
    currency: KES
    continent: AFRICA
    baseUrl: http://127.0.0.1:4107
    auth:
      scheme: hmac
      keyIdEnv: KE_SOKO_KEY_ID
      secretEnv: KE_SOKO_SECRET
`;
const secrets: Record<string, string> = { KE_SOKO_KEY_ID: 'soko-sandbox', KE_SOKO_SECRET: 's3cret' };
const read = (path: string, { env = secrets, production = false } = {}) =>
  readMarketplacesFile({ path, env, production, reservedIds: new Set(['cn-jademarket']) });
const problemOf = (path: string, options?: Parameters<typeof read>[1]) => {
  try {
    read(path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(MarketplacesFileError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
};

describe('MARKETPLACES_FILE', () => {
  it('reads an entry, its secrets from the variables it names', () => {
    expect(read(fileWith(SOKO))).toEqual({
      marketplaces: [
        {
          marketplace: { id: 'ke-soko', name: 'Soko', country: 'KE', currency: 'KES', continent: 'AFRICA' },
          baseUrl: 'http://127.0.0.1:4107',
          credentials: { scheme: 'hmac', keyId: 'soko-sandbox', secret: 's3cret' },
        },
      ],
      warnings: [],
    });
  });

  it('reads JSON as well, OAuth2 entries, and <ID>_URL over the base URL', () => {
    const json = JSON.stringify({
      marketplaces: [
        {
          id: 'ng-oja',
          name: 'Ọjà',
          country: 'NG',
          currency: 'NGN',
          continent: 'AFRICA',
          baseUrl: 'https://connector.oja.example/v1',
          auth: { scheme: 'oauth2', tokenUrl: 'https://auth.oja.example/token', clientIdEnv: 'OJA_CLIENT', clientSecretEnv: 'OJA_SECRET' },
        },
      ],
    });
    const { marketplaces } = read(fileWith(json, 'json'), {
      env: { OJA_CLIENT: 'tradegraph', OJA_SECRET: 'x', NG_OJA_URL: 'http://127.0.0.1:9999/' },
    });
    expect(marketplaces[0]).toMatchObject({
      baseUrl: 'http://127.0.0.1:9999',
      credentials: { scheme: 'oauth2', clientId: 'tradegraph', tokenUrl: 'https://auth.oja.example/token', scope: 'connector' },
    });
  });

  it.each([
    [
      'a currency that is not one',
      SOKO.replace('currency: KES', 'currency: KSH'),
      'line 5: marketplaces[0] ("ke-soko") currency must be an ISO 4217 currency code',
    ],
    [
      'a country that is not one',
      SOKO.replace('country: KE', 'country: KX'),
      'line 4: marketplaces[0] ("ke-soko") country must be an ISO 3166-1',
    ],
    [
      'a missing field',
      SOKO.replace('    continent: AFRICA\n', ''),
      'line 2: marketplaces[0] ("ke-soko") continent is missing (it must be one of AFRICA',
    ],
    ['a missing name', SOKO.replace('    name: Soko\n', ''), 'line 2: marketplaces[0] ("ke-soko") name is missing'],
    [
      'a field it does not know',
      SOKO.replace('    name: Soko\n', '    name: Soko\n    secret: hunter2\n'),
      'line 4: marketplaces[0] ("ke-soko") secret is not a field',
    ],
    [
      'a secret where a variable name goes',
      SOKO.replace('secretEnv: KE_SOKO_SECRET', 'secretEnv: s3cret-value'),
      'line 11: marketplaces[0] ("ke-soko") auth.secretEnv must name an environment variable',
    ],
    [
      'a base URL that is not http(s)',
      SOKO.replace('http://127.0.0.1:4107', 'ftp://soko.example'),
      'line 7: marketplaces[0] ("ke-soko") baseUrl must be an http(s) URL',
    ],
    ['an unknown auth scheme', SOKO.replace('scheme: hmac', 'scheme: basic'), 'marketplaces[0] ("ke-soko") auth.scheme'],
    [
      'the id of a built-in marketplace',
      SOKO.replace('id: ke-soko', 'id: cn-jademarket'),
      `line 2: marketplaces[0] ("cn-jademarket") id "cn-jademarket" is a built-in marketplace's id`,
    ],
    ['an id twice', SOKO + SOKO.replace('marketplaces:\n', ''), 'line 12: marketplaces[1] ("ke-soko") id "ke-soko" is listed twice'],
    ['broken YAML', SOKO.replace('    name: Soko', '   name: [Soko'), 'line 3'],
  ])('stops at %s, naming the line and the field', (_case, text, problem) => {
    expect(problemOf(fileWith(text))).toContain(problem);
  });

  it('in production, stops at a secret that is not set, and at plain http off this machine', () => {
    expect(problemOf(fileWith(SOKO), { env: { KE_SOKO_KEY_ID: 'k' }, production: true })).toContain(
      'line 11: marketplaces[0] ("ke-soko") auth.secretEnv names KE_SOKO_SECRET, which is not set',
    );
    const remote = fileWith(SOKO.replace('http://127.0.0.1:4107', 'http://soko.example/connector'));
    expect(problemOf(remote, { production: true })).toContain('line 7: marketplaces[0] ("ke-soko") baseUrl must be https in production');
  });

  it('outside production, lists a marketplace whose secret is not set yet, and says so', () => {
    const { marketplaces, warnings } = read(fileWith(SOKO), { env: { KE_SOKO_KEY_ID: 'k' } });
    expect(marketplaces[0]!.credentials).toEqual({ scheme: 'missing', variables: ['KE_SOKO_SECRET'] });
    expect(warnings).toEqual(['ke-soko: KE_SOKO_SECRET not set; its calls are refused until it is']);
  });

  it('names a file it cannot read', () => {
    expect(problemOf(join(directory, 'nowhere.yaml'))).toMatch(/nowhere\.yaml: cannot be read \(ENOENT\)/);
  });
});
