import { describe, expect, it } from 'vitest';
import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { postIntlSandbox } from '#upstreams/post-intl/createPostIntlSandbox.js';
import interpost from '../../src/adapters/post-intl/interpostAdapter.js';
import { readBatchResponse } from '../../src/adapters/post-intl/map.js';
import { readXml } from '#packages/validate/index.js';
import { interpostTrackingStatus } from '../../src/adapters/post-intl/createInterpostLabels.js';
import { defineCarrierAdapterSuite } from '../defineCarrierAdapterSuite.js';

defineCarrierAdapterSuite({
  sandbox: postIntlSandbox,
  role: 'door-to-door',
  endpoint: 'IntlRateBatch',
  servedLane: { from: 'CN', to: 'DE' },
  unservedLane: { from: 'CN', to: 'KP' },
  overweightGrams: 5_000,
  refusesLithium: true,
  service: 'ECONOMY',
  labelEndpoints: { create: 'IntlLabel', track: 'TrackV2' },
  customsKind: 'CN22',
  lastStage: { to: 'DELIVERED', status: 'DELIVERED' },
  trackingStatusOf: interpostTrackingStatus,
  create: (url, { timeoutMs = 2_000, badCredentials = false } = {}) =>
    interpost.create(
      readConfig(interpost.settings, { POST_INTL_URL: url, ...(badCredentials && { POST_INTL_PASSWORD: 'not-the-password' }) }),
      {
        logger: createLogger('test', { level: 'silent' }),
        upstreamTimeoutMs: timeoutMs,
      },
    ),
});

describe('post-intl XML answers', () => {
  const answer = (services: string) =>
    readXml(
      `<?xml version="1.0"?><IntlRateBatchResponse currency="USD" rateCard="T"><Package ID="0"><Zone>2</Zone>${services}</Package></IntlRateBatchResponse>`,
    );
  const service = (postage: string, tracking = 'BASIC') =>
    `<Service code="REGISTERED"><Name>Interpost Registered Airmail</Name><Postage>${postage}</Postage><WeightBandUpTo unit="g">250</WeightBandUpTo><Transit minDays="8" maxDays="16"/><Tracking>${tracking}</Tracking></Service>`;

  it('reads postage into integer cents and says where it came from', () => {
    const [read] = readBatchResponse(answer(service('7.30')), 1, () => {});
    expect(read?.quotes[0]).toMatchObject({ cost: { minor: 730n, currency: 'USD' }, mode: 'POSTAL', incoterms: ['DAP'] });
    expect(read?.quotes[0]?.breakdown).toContain('zone 2, weight band up to 250 g');
  });

  it('reads a tracking level it does not know as NONE, and reports it', () => {
    const unknown: string[] = [];
    const [read] = readBatchResponse(answer(service('7.30', 'PREMIUM')), 1, (word) => unknown.push(word));
    expect(read?.quotes[0]?.trackingLevel).toBe('NONE');
    expect(unknown).toEqual(['PREMIUM']);
  });

  it.each(['7.305', 'seven', ''])('refuses the postage "%s", naming its path', (postage) => {
    expect(() => readBatchResponse(answer(service(postage)), 1, () => {})).toThrow(/Package\[ID=0\]\.Service\[0\]\.Postage/);
  });

  it('refuses an answer that leaves a package out', () => {
    expect(() => readBatchResponse(answer(service('7.30')), 2, () => {})).toThrow(/Package\[ID=1\]/);
  });
});
