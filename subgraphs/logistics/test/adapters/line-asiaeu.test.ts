import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { lineAsiaEuSandbox } from '#upstreams/line-asiaeu/createLineAsiaEuSandbox.js';
import silkRoute from '../../src/adapters/line-asiaeu/silkRouteAdapter.js';
import { silkRouteTrackingStatus } from '../../src/adapters/line-asiaeu/createSilkRouteLabels.js';
import { defineCarrierAdapterSuite } from '../defineCarrierAdapterSuite.js';

defineCarrierAdapterSuite({
  sandbox: lineAsiaEuSandbox,
  role: 'line-haul',
  endpoint: 'linehaul.quotes',
  servedLane: { from: 'CN', to: 'DE' },
  unservedLane: { from: 'CN', to: 'US' },
  overweightGrams: 40_000,
  refusesLithium: false,
  service: 'AIR_LINE',
  labelEndpoints: { create: 'linehaul.parcels.create', track: 'linehaul.tracking' },
  customsKind: 'COMMERCIAL_INVOICE',
  // A line haul ends at its hub, handing the parcel to the last mile.
  lastStage: { to: 'HANDED_OVER', status: 'AT_HUB' },
  trackingStatusOf: silkRouteTrackingStatus,
  create: (url, { timeoutMs = 2_000, badCredentials = false } = {}) =>
    silkRoute.create(readConfig(silkRoute.settings, { LINE_ASIAEU_URL: url, ...(badCredentials && { LINE_ASIAEU_PASSWORD: 'nope' }) }), {
      logger: createLogger('test', { level: 'silent' }),
      upstreamTimeoutMs: timeoutMs,
    }),
});
