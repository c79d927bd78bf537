import { describe, expect, it } from 'vitest';
import { createLogger } from '#packages/log/index.js';
import { UpstreamError } from '#packages/errors/index.js';
import { sokoSandbox } from '#upstreams/ke-soko/createSokoSandbox.js';
import { listings, sellerIdOf, sellers } from '#upstreams/ke-soko/catalog.js';
import { PROTOCOL_CHECKS } from '../../conformance/protocolChecks.js';
import type { ConnectorCredentials, ConnectorMarketplace } from '../../src/adapters/connector/ConnectorMarketplace.js';
import { CONNECTOR_ADAPTER } from '../../src/adapters/registry.js';
import { defineMarketplaceAdapterSuite } from '../defineMarketplaceAdapterSuite.js';

const silent = createLogger('test', { level: 'silent' });
const signing: ConnectorCredentials = { scheme: 'hmac', ...keyOf(sokoSandbox.clientEnvironment) };
const marketplace = { id: 'ke-soko', name: 'Soko', country: 'KE', currency: 'KES', continent: 'AFRICA' } as const;
const entryAt = (baseUrl: string, credentials: ConnectorCredentials = signing): ConnectorMarketplace => ({
  marketplace,
  baseUrl,
  credentials,
});

function keyOf(environment: Readonly<Record<string, string>>): { keyId: string; secret: string } {
  return { keyId: environment.KE_SOKO_KEY_ID!, secret: environment.KE_SOKO_SECRET! };
}

/** The connector adapter against the repository's reference implementation of the protocol (Soko), signed and with OAuth. */
for (const [scheme, credentialsAt] of [
  ['signed requests', () => signing],
  [
    'OAuth2 client credentials',
    (baseUrl: string): ConnectorCredentials => ({
      scheme: 'oauth2',
      tokenUrl: `${baseUrl}/oauth/token`,
      clientId: 'soko-sandbox-client',
      clientSecret: 'soko-sandbox-client-secret-93fd',
      scope: 'connector',
    }),
  ],
] as const) {
  describe(`connector adapter, ${scheme}`, () => {
    defineMarketplaceAdapterSuite({
      sandbox: sokoSandbox,
      listings,
      sellers,
      sellerIdOf,
      endpoints: { search: 'searchListings', lookup: 'getListings' },
      writeEndpoints: { reserve: 'createHold', release: 'releaseHold', place: 'placeOrder', cancel: 'cancelOrder' },
      idsPerLookup: 50,
      extraChecks: PROTOCOL_CHECKS,
      connector: (baseUrl) => entryAt(baseUrl, credentialsAt(baseUrl)),
      create: (baseUrl, { timeoutMs = 2_000, badCredentials = false } = {}) => {
        const credentials = credentialsAt(baseUrl);
        const wrong: ConnectorCredentials =
          credentials.scheme === 'oauth2' ? { ...credentials, clientSecret: 'not-the-secret' } : { ...signing, secret: 'not-the-secret' };
        return CONNECTOR_ADAPTER.create(entryAt(baseUrl, badCredentials ? wrong : credentials), {
          logger: silent,
          upstreamTimeoutMs: timeoutMs,
        });
      },
    });
  });
}

describe('connector adapter without credentials', () => {
  it('is listed but refuses every call, naming the variables to set', async () => {
    const adapter = CONNECTOR_ADAPTER.create(entryAt('http://127.0.0.1:9', { scheme: 'missing', variables: ['KE_SOKO_SECRET'] }), {
      logger: silent,
      upstreamTimeoutMs: 500,
    });
    const error = await adapter.searchPage({ query: 'tea', position: null, signal: AbortSignal.timeout(5_000) }).catch((e: unknown) => e);
    await adapter.close();
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ failure: 'rejected', message: expect.stringContaining('set KE_SOKO_SECRET') });
  });
});
