import { readConfig } from '../../../../packages/config/index.js';
import { createLogger } from '../../../../packages/log/index.js';
import { listings } from '../../../../upstreams/cn-jademarket/catalog.js';
import { jadeMarketSandbox } from '../../../../upstreams/cn-jademarket/createJadeMarketSandbox.js';
import jadeMarket from '../../src/adapters/cn-jademarket/jadeMarketAdapter.js';
import { defineMarketplaceAdapterSuite } from '../defineMarketplaceAdapterSuite.js';

defineMarketplaceAdapterSuite({
  sandbox: jadeMarketSandbox,
  listings,
  endpoints: { search: 'jade.items.search', lookup: 'jade.items.get' },
  idsPerLookup: 40,
  create: (url, { timeoutMs = 2_000, badCredentials = false } = {}) =>
    jadeMarket.create(
      readConfig(jadeMarket.settings, { CN_JADEMARKET_URL: url, ...(badCredentials && { CN_JADEMARKET_APP_SECRET: 'not-the-secret' }) }),
      { logger: createLogger('test', { level: 'silent' }), upstreamTimeoutMs: timeoutMs },
    ),
});
