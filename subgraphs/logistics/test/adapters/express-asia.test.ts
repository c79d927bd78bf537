import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { expressAsiaSandbox } from '#upstreams/express-asia/createExpressAsiaSandbox.js';
import asiaLink from '../../src/adapters/express-asia/asiaLinkAdapter.js';
import { asiaLinkTrackingStatus } from '../../src/adapters/express-asia/createAsiaLinkLabels.js';
import { defineCarrierAdapterSuite } from '../defineCarrierAdapterSuite.js';

defineCarrierAdapterSuite({
  sandbox: expressAsiaSandbox,
  role: 'door-to-door',
  endpoint: 'quote_batch',
  servedLane: { from: 'CN', to: 'JP' },
  unservedLane: { from: 'CN', to: 'DE' },
  overweightGrams: 40_000,
  refusesLithium: false,
  service: 'ASIA_EXPRESS',
  labelEndpoints: { create: 'order_create', track: 'track_query' },
  customsKind: 'COMMERCIAL_INVOICE',
  lastStage: { to: 'DELIVERED', status: 'DELIVERED' },
  trackingStatusOf: asiaLinkTrackingStatus,
  returns: { endpoint: 'return_create' },
  create: (url, { timeoutMs = 2_000, badCredentials = false } = {}) =>
    asiaLink.create(readConfig(asiaLink.settings, { EXPRESS_ASIA_URL: url, ...(badCredentials && { EXPRESS_ASIA_TOKEN: 'nope' }) }), {
      logger: createLogger('test', { level: 'silent' }),
      upstreamTimeoutMs: timeoutMs,
    }),
});
