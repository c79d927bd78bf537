import type { FeeSchedule } from '#packages/sandbox/index.js';

/** The merchant credentials the sandbox accepts; a real merchant is issued its own. */
export const SANDBOX_CLIENT_ID = 'gw-sandbox-merchant';
export const SANDBOX_SIGNING_SECRET = 'gw-sandbox-signing-secret';

/**
 * GlobalWallet's cross-border wallet pricing: 3.40 % + a fixed fee per currency, no cross-border
 * surcharge (the wallet is cross-border by design), +2.50 % when the payer's wallet currency
 * differs from the merchant's settlement currency. Limits per payment, in minor units.
 */
export const GLOBALWALLET_FEES: FeeSchedule = {
  name: 'GW-PRICING-2026.1',
  percentBp: 340,
  crossBorderBp: 0,
  fxSpreadBp: 250,
  currencies: {
    USD: { fixedMinor: 49, minMinor: 100, maxMinor: 1_000_000 },
    EUR: { fixedMinor: 39, minMinor: 100, maxMinor: 1_000_000 },
    GBP: { fixedMinor: 30, minMinor: 100, maxMinor: 800_000 },
    JPY: { fixedMinor: 50, minMinor: 100, maxMinor: 1_500_000 },
    BRL: { fixedMinor: 60, minMinor: 500, maxMinor: 5_000_000 },
    MYR: { fixedMinor: 150, minMinor: 500, maxMinor: 4_500_000 },
    CNY: { fixedMinor: 250, minMinor: 500, maxMinor: 7_000_000 },
    AUD: { fixedMinor: 59, minMinor: 100, maxMinor: 1_500_000 },
    CAD: { fixedMinor: 59, minMinor: 100, maxMinor: 1_300_000 },
    SGD: { fixedMinor: 50, minMinor: 100, maxMinor: 1_300_000 },
  },
  buyerCountries: {
    only: [
      'AU',
      'AT',
      'BE',
      'BR',
      'CA',
      'CH',
      'CN',
      'DE',
      'DK',
      'ES',
      'FI',
      'FR',
      'GB',
      'HK',
      'IE',
      'IT',
      'JP',
      'KR',
      'MX',
      'MY',
      'NL',
      'NZ',
      'PL',
      'PT',
      'SE',
      'SG',
      'TH',
      'US',
    ],
  },
};

/** Most quote requests one `inquiryFees` call prices. */
export const MAX_QUOTES_PER_CALL = 1_000;
