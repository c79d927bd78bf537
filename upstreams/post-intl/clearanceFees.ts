import type { PublishedClearanceFeeTable } from '#packages/sandbox/index.js';

/**
 * Interpost's published customs handling fees: what the destination post charges the addressee for
 * presenting a parcel to customs and collecting the duty and tax due, per parcel, in the
 * destination's currency. The sandbox's own figures (a post's, not a law's).
 */
export const CLEARANCE_FEES: PublishedClearanceFeeTable = {
  carrier: 'post-intl',
  version: 'INTERPOST-CUSTOMS-HANDLING-2026',
  validFrom: '2026-01-01',
  fees: [
    ...['DE', 'FR', 'NL', 'IT', 'ES'].map((country) => handling(country, 'EUR', '6.00')),
    handling('GB', 'GBP', '8.00'),
    handling('CA', 'CAD', '9.95'),
    handling('AU', 'AUD', '10.00'),
    handling('NZ', 'NZD', '12.00'),
    handling('NO', 'NOK', '120.00'),
    handling('JP', 'JPY', '200'),
    handling('US', 'USD', '5.00'),
  ],
};

function handling(country: string, currency: string, fixed: string) {
  return { country, currency, name: 'Customs handling fee', kind: 'CLEARANCE' as const, fixed, rateBp: 0, minimum: null };
}
