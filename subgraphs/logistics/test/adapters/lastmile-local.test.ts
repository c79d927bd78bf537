import { expect, it } from 'vitest';
import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { lastMileLocalSandbox } from '#upstreams/lastmile-local/createLastMileLocalSandbox.js';
import localHop from '../../src/adapters/lastmile-local/localHopAdapter.js';
import type { CarrierAdapter, RateAnswer } from '../../src/adapters/ports.js';
import { localHopTrackingStatus } from '../../src/adapters/lastmile-local/createLocalHopLabels.js';
import { defineCarrierAdapterSuite } from '../defineCarrierAdapterSuite.js';

const create = (url: string, { timeoutMs = 2_000, badCredentials = false } = {}): CarrierAdapter =>
  localHop.create(readConfig(localHop.settings, { LASTMILE_LOCAL_URL: url, ...(badCredentials && { LASTMILE_LOCAL_TOKEN: 'nope' }) }), {
    logger: createLogger('test', { level: 'silent' }),
    upstreamTimeoutMs: timeoutMs,
  });

defineCarrierAdapterSuite(
  {
    sandbox: lastMileLocalSandbox,
    role: 'last-mile',
    endpoint: 'rpc.batch',
    servedLane: { from: 'DE', to: 'DE' },
    unservedLane: { from: 'ZA', to: 'ZA' },
    overweightGrams: 40_000,
    refusesLithium: false,
    service: 'HOME_DELIVERY',
    labelEndpoints: { create: 'rpc.shipment.create', track: 'rpc.shipment.track' },
    customsKind: undefined,
    lastStage: { to: 'DELIVERED', status: 'DELIVERED' },
    trackingStatusOf: localHopTrackingStatus,
    create,
  },
  (sandbox) => {
    it('matches JSON-RPC answers by id (the vendor answers out of order), and refuses cross-border parcels without asking', async () => {
      const adapter = create(sandbox().url);
      try {
        await sandbox().resetStats();
        const parcel = { dimensionsCm: [15, 10, 6] as const, containsLithiumBattery: false };
        const answers = (await adapter.quote([
          { from: 'DE', to: 'DE', weightGrams: 500, ...parcel },
          { from: 'CN', to: 'DE', weightGrams: 500, ...parcel },
          { from: 'US', to: 'US', weightGrams: 500, ...parcel },
        ])) as RateAnswer[];
        expect(answers[0]!.quotes[0]!.breakdown).toContain('in DE');
        expect(answers[1]!.refusals[0]!.reason).toMatch(/one country/);
        expect(answers[2]!.quotes[0]!.breakdown).toContain('in US');
        expect((await sandbox().stats()).byEndpoint).toEqual({ 'rpc.batch': 1 });
      } finally {
        await adapter.close();
      }
    });
  },
);
