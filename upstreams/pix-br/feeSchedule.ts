import type { FeeSchedule } from '#packages/sandbox/index.js';

/** The client credentials the sandbox accepts (HTTP Basic); a real PSP issues its own. */
export const SANDBOX_CLIENT_ID = 'pix-sandbox-client';
export const SANDBOX_CLIENT_SECRET = 'pix-sandbox-secret';

/**
 * Pix through a Brazilian PSP: reais only, payers in Brazil only. 0.99 % per payment, no fixed
 * fee, +0.50 % when the merchant is abroad (international Pix), +1.00 % FX spread when the
 * merchant settles in another currency. R$ 1,00 to R$ 15.000,00 per payment.
 */
export const PIX_FEES: FeeSchedule = {
  name: 'PIX-TARIFAS-2026',
  percentBp: 99,
  crossBorderBp: 50,
  fxSpreadBp: 100,
  currencies: { BRL: { fixedMinor: 0, minMinor: 100, maxMinor: 1_500_000 } },
  buyerCountries: { only: ['BR'] },
};

/** Most quotes one `cotacoes` call prices. */
export const MAX_QUOTES_PER_CALL = 1_000;
