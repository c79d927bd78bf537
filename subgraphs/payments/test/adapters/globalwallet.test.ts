import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { globalWalletSandbox } from '#upstreams/globalwallet/createGlobalWalletSandbox.js';
import { GLOBALWALLET_FEES } from '#upstreams/globalwallet/feeSchedule.js';
import globalWallet from '../../src/adapters/globalwallet/globalWalletAdapter.js';
import { definePaymentProviderSuite } from '../definePaymentProviderSuite.js';

definePaymentProviderSuite({
  sandbox: globalWalletSandbox,
  schedule: GLOBALWALLET_FEES,
  accepted: { currency: 'USD', buyerCountry: 'US', amount: '120.05' },
  unsupported: { currency: 'ZAR', buyerCountry: 'ZA' },
  endpoints: { feeQuotes: 'pricing.inquiryFees', authorize: 'payments.authorize', capture: 'payments.capture' },
  refunds: { endpoint: 'payments.refund' },
  create: (url, { timeoutMs = 2_000, badCredentials = false } = {}) =>
    globalWallet.create(
      readConfig(globalWallet.settings, {
        GLOBALWALLET_URL: url,
        ...(badCredentials && { GLOBALWALLET_SIGNING_SECRET: 'not-the-secret' }),
      }),
      { logger: createLogger('test', { level: 'silent' }), upstreamTimeoutMs: timeoutMs },
    ),
});
