import type { PublishedClearanceFeeTable } from '#packages/sandbox/index.js';

/**
 * SilkRoute Line's published brokerage fee at its European hubs: its customs broker's per-parcel
 * fee for a parcel with import charges to pay, in the hub country's currency. The sandbox's own figures.
 */
export const CLEARANCE_FEES: PublishedClearanceFeeTable = {
  carrier: 'line-asiaeu',
  version: 'SILKROUTE-HUB-BROKERAGE-2026',
  validFrom: '2026-01-01',
  fees: [
    ...['DE', 'NL', 'FR', 'ES', 'IT'].map((country) => brokerage(country, 'EUR', '2.50')),
    brokerage('PL', 'PLN', '11.00'),
    brokerage('GB', 'GBP', '2.20'),
  ],
};

function brokerage(country: string, currency: string, fixed: string) {
  return { country, currency, name: 'Hub brokerage fee', kind: 'CLEARANCE' as const, fixed, rateBp: 0, minimum: null };
}
