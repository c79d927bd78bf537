import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { fpxSandbox } from '#upstreams/fpx-my/createFpxSandbox.js';
import { FPX_FEES } from '#upstreams/fpx-my/feeSchedule.js';
import fpx from '../../src/adapters/fpx-my/fpxAdapter.js';
import { definePaymentProviderSuite } from '../definePaymentProviderSuite.js';

definePaymentProviderSuite({
  sandbox: fpxSandbox,
  schedule: FPX_FEES,
  accepted: { currency: 'MYR', buyerCountry: 'MY', amount: '88.90' },
  unsupported: { currency: 'SGD', buyerCountry: 'SG' },
  endpoints: { feeQuotes: 'fee-enquiry', authorize: 'authorisation', capture: 'capture' },
  create: (url, { timeoutMs = 2_000, badCredentials = false } = {}) =>
    fpx.create(readConfig(fpx.settings, { FPX_MY_URL: url, ...(badCredentials && { FPX_MY_CHECKSUM_KEY: 'not-the-key' }) }), {
      logger: createLogger('test', { level: 'silent' }),
      upstreamTimeoutMs: timeoutMs,
    }),
});
