import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { pixSandbox } from '#upstreams/pix-br/createPixSandbox.js';
import { PIX_FEES } from '#upstreams/pix-br/feeSchedule.js';
import pix from '../../src/adapters/pix-br/pixAdapter.js';
import { definePaymentProviderSuite } from '../definePaymentProviderSuite.js';

definePaymentProviderSuite({
  sandbox: pixSandbox,
  schedule: PIX_FEES,
  accepted: { currency: 'BRL', buyerCountry: 'BR', amount: '312.40' },
  unsupported: { currency: 'USD', buyerCountry: 'PT' },
  endpoints: { feeQuotes: 'tarifas.cotacoes', authorize: 'cobrancas.criar', capture: 'cobrancas.captura' },
  create: (url, { timeoutMs = 2_000, badCredentials = false } = {}) =>
    pix.create(readConfig(pix.settings, { PIX_BR_URL: url, ...(badCredentials && { PIX_BR_CLIENT_SECRET: 'not-the-secret' }) }), {
      logger: createLogger('test', { level: 'silent' }),
      upstreamTimeoutMs: timeoutMs,
    }),
});
