import { expect, it } from 'vitest';
import { readConfig } from '../../../../packages/config/index.js';
import { createLogger } from '../../../../packages/log/index.js';
import { listings } from '../../../../upstreams/br-feira/catalog.js';
import { feiraSandbox } from '../../../../upstreams/br-feira/createFeiraSandbox.js';
import feira from '../../src/adapters/br-feira/feiraAdapter.js';
import { defineMarketplaceAdapterSuite } from '../defineMarketplaceAdapterSuite.js';

const create = (url: string, { timeoutMs = 2_000, badCredentials = false } = {}) =>
  feira.create(readConfig(feira.settings, { BR_FEIRA_URL: url, ...(badCredentials && { BR_FEIRA_CLIENT_SECRET: 'not-the-secret' }) }), {
    logger: createLogger('test', { level: 'silent' }),
    upstreamTimeoutMs: timeoutMs,
  });

defineMarketplaceAdapterSuite(
  { sandbox: feiraSandbox, listings, endpoints: { search: 'search', lookup: 'items.multiget' }, idsPerLookup: 20, create },
  (currentSandbox) => {
    it('renews its OAuth token when it expires, without failing a call', async () => {
      const sandbox = currentSandbox();
      await sandbox.post('/__sandbox/token-lifetime', { seconds: 1 });
      const adapter = create(sandbox.url);
      try {
        await sandbox.resetStats();
        await adapter.searchPage({ query: 'coffee', position: null, signal: AbortSignal.timeout(5_000) });
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        const page = await adapter.searchPage({ query: 'coffee', position: null, signal: AbortSignal.timeout(5_000) });
        expect(page.offers.length).toBeGreaterThan(0);
        expect((await sandbox.stats()).byEndpoint['oauth.token']).toBe(2);
      } finally {
        await adapter.close();
        await sandbox.post('/__sandbox/token-lifetime', { seconds: 300 });
      }
    });
  },
);
