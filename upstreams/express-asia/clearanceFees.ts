import type { PublishedClearanceFeeTable } from '#packages/sandbox/index.js';

/**
 * AsiaLink Express's published advancement fee on the Asia-Pacific lanes it serves: a share of the
 * duties and taxes it advances, with a minimum, in the destination's currency. The sandbox's own figures.
 */
export const CLEARANCE_FEES: PublishedClearanceFeeTable = {
  carrier: 'express-asia',
  version: 'ASIALINK-ADVANCE-2026',
  validFrom: '2026-01-01',
  fees: [
    advancement('JP', 'JPY', '1000'),
    advancement('AU', 'AUD', '12.00'),
    advancement('NZ', 'NZD', '14.00'),
    advancement('SG', 'SGD', '10.00'),
    advancement('MY', 'MYR', '25.00'),
    advancement('KR', 'KRW', '10000'),
    advancement('CN', 'CNY', '40.00'),
    advancement('IN', 'INR', '500.00'),
  ],
};

function advancement(country: string, currency: string, minimum: string) {
  return { country, currency, name: 'Duty advancement fee', kind: 'DISBURSEMENT' as const, fixed: '0', rateBp: 250, minimum };
}
