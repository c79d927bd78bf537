import { expect, it } from 'vitest';
import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { expressGlobalSandbox } from '#upstreams/express-global/createExpressGlobalSandbox.js';
import expressGlobal from '../../src/adapters/express-global/expressGlobalAdapter.js';
import type { CarrierAdapter, RateAnswer } from '../../src/adapters/ports.js';
import { expressGlobalTrackingStatus } from '../../src/adapters/express-global/createExpressGlobalLabels.js';
import { defineCarrierAdapterSuite } from '../defineCarrierAdapterSuite.js';

const create = (url: string, { timeoutMs = 2_000, badCredentials = false } = {}): CarrierAdapter =>
  expressGlobal.create(
    readConfig(expressGlobal.settings, { EXPRESS_GLOBAL_URL: url, ...(badCredentials && { EXPRESS_GLOBAL_API_KEY: 'nope' }) }),
    {
      logger: createLogger('test', { level: 'silent' }),
      upstreamTimeoutMs: timeoutMs,
    },
  );

defineCarrierAdapterSuite(
  {
    sandbox: expressGlobalSandbox,
    role: 'door-to-door',
    endpoint: 'rates.batch',
    servedLane: { from: 'CN', to: 'DE' },
    unservedLane: { from: 'CN', to: 'KP' },
    overweightGrams: 80_000,
    refusesLithium: false,
    service: 'EXPRESS_WORLDWIDE',
    labelEndpoints: { create: 'shipments.create', track: 'shipments.get' },
    customsKind: 'COMMERCIAL_INVOICE',
    lastStage: { to: 'DELIVERED', status: 'DELIVERED' },
    trackingStatusOf: expressGlobalTrackingStatus,
    returns: { endpoint: 'returns.create' },
    create,
  },
  (sandbox) => {
    it('bills the greater of actual and dimensional weight (L×W×H/5000), plus fuel surcharge, and offers DDP', async () => {
      const adapter = create(sandbox().url);
      try {
        const light = { from: 'CN', to: 'DE', weightGrams: 300, containsLithiumBattery: false };
        const [small, bulky] = (await adapter.quote([
          { ...light, dimensionsCm: [15, 10, 6] },
          { ...light, dimensionsCm: [40, 30, 20] }, // 24 000 cm³ / 5000 = 4.8 kg chargeable
        ])) as RateAnswer[];
        expect(small!.quotes[0]!.breakdown).toMatch(/chargeable weight 0\.5 kg.*FUEL \(18\.5 %\)/);
        expect(bulky!.quotes[0]!.breakdown).toContain('chargeable weight 5 kg');
        expect(bulky!.quotes[0]!.cost.minor).toBeGreaterThan(small!.quotes[0]!.cost.minor * 2n);
        expect(small!.quotes[0]!.incoterms).toContain('DDP');
      } finally {
        await adapter.close();
      }
    });
  },
);
