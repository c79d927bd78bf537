import type { FeeSchedule } from '#packages/sandbox/index.js';

/** The API key the sandbox accepts (`Authorization: Bearer …`); a real merchant is issued its own. */
export const SANDBOX_SECRET_KEY = 'sk_sandbox_cardnet_4d1f0c';

/**
 * Cardnet's card-acceptance pricing: 2.90 % + a fixed fee per currency, +1.50 % when the card's
 * country differs from the merchant's, +2.00 % when the cardholder pays in another currency than
 * the merchant settles in. Limits per payment, in minor units. No BRL or MYR acquiring, and no
 * buyers in sanctioned countries.
 */
export const CARDNET_FEES: FeeSchedule = {
  name: 'CARDNET-2026-01',
  percentBp: 290,
  crossBorderBp: 150,
  fxSpreadBp: 200,
  currencies: {
    USD: { fixedMinor: 30, minMinor: 50, maxMinor: 2_500_000 },
    EUR: { fixedMinor: 25, minMinor: 50, maxMinor: 2_500_000 },
    GBP: { fixedMinor: 20, minMinor: 30, maxMinor: 2_000_000 },
    JPY: { fixedMinor: 40, minMinor: 50, maxMinor: 3_500_000 },
    CAD: { fixedMinor: 30, minMinor: 50, maxMinor: 3_000_000 },
    AUD: { fixedMinor: 30, minMinor: 50, maxMinor: 3_500_000 },
    CHF: { fixedMinor: 30, minMinor: 50, maxMinor: 2_500_000 },
    SGD: { fixedMinor: 50, minMinor: 50, maxMinor: 3_000_000 },
  },
  buyerCountries: { except: ['KP', 'IR', 'SY', 'CU', 'RU', 'BY'] },
};

/** Most quotes one `POST /v1/fee_quotes` prices. */
export const MAX_QUOTES_PER_CALL = 1_000;
