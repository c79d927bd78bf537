import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { cardnetSandbox } from '#upstreams/cardnet/createCardnetSandbox.js';
import { CARDNET_FEES } from '#upstreams/cardnet/feeSchedule.js';
import cardnet from '../../src/adapters/cardnet/cardnetAdapter.js';
import { definePaymentProviderSuite } from '../definePaymentProviderSuite.js';

definePaymentProviderSuite({
  sandbox: cardnetSandbox,
  schedule: CARDNET_FEES,
  accepted: { currency: 'EUR', buyerCountry: 'DE', amount: '56.57' },
  unsupported: { currency: 'BRL', buyerCountry: 'KP' },
  endpoints: { feeQuotes: 'fee_quotes.create', authorize: 'authorizations.create', capture: 'authorizations.capture' },
  refunds: { endpoint: 'refunds.create' },
  create: (url, { timeoutMs = 2_000, badCredentials = false } = {}) =>
    cardnet.create(readConfig(cardnet.settings, { CARDNET_URL: url, ...(badCredentials && { CARDNET_SECRET_KEY: 'sk_wrong' }) }), {
      logger: createLogger('test', { level: 'silent' }),
      upstreamTimeoutMs: timeoutMs,
    }),
});
