import type { PublishedClearanceFeeTable } from '#packages/sandbox/index.js';

/**
 * Express Global's published duty-and-tax disbursement fee: for advancing duties and taxes to customs
 * on the consignee's behalf, a share of the amount advanced with a minimum, in the destination's
 * currency. The sandbox's own figures (an integrator's, not a law's).
 */
export const CLEARANCE_FEES: PublishedClearanceFeeTable = {
  carrier: 'express-global',
  version: 'EXG-DUTY-TAX-PAID-2026-01',
  validFrom: '2026-01-01',
  fees: [
    ...['DE', 'FR', 'NL', 'IT', 'ES'].map((country) => disbursement(country, 'EUR', '12.50')),
    disbursement('GB', 'GBP', '11.00'),
    disbursement('US', 'USD', '15.00'),
    disbursement('CA', 'CAD', '16.50'),
    disbursement('AU', 'AUD', '17.50'),
    disbursement('NZ', 'NZD', '19.00'),
    disbursement('NO', 'NOK', '150.00'),
    disbursement('JP', 'JPY', '1500'),
    disbursement('BR', 'BRL', '45.00'),
    disbursement('MX', 'MXN', '180.00'),
    disbursement('IN', 'INR', '650.00'),
  ],
};

function disbursement(country: string, currency: string, minimum: string) {
  return { country, currency, name: 'Duty and tax disbursement', kind: 'DISBURSEMENT' as const, fixed: '0', rateBp: 200, minimum };
}
