import type { CurrencyCode } from '#packages/money/index.js';

/**
 * The currency import charges are assessed and answered in, per destination with rules. The rules
 * name the regulator's threshold currency (USD for BR, KR, MX), which is not always the currency
 * duty is paid in, so this list is kept separately; a test checks it covers every destination.
 */
const CURRENCY_OF: Readonly<Record<string, CurrencyCode>> = {
  DE: 'EUR',
  FR: 'EUR',
  NL: 'EUR',
  IT: 'EUR',
  ES: 'EUR',
  GB: 'GBP',
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  JP: 'JPY',
  CN: 'CNY',
  BR: 'BRL',
  MY: 'MYR',
  SG: 'SGD',
  KR: 'KRW',
  IN: 'INR',
  MX: 'MXN',
};

/** The destination's own currency, or undefined for a country without rules. */
export function destinationCurrency(destination: string): CurrencyCode | undefined {
  return CURRENCY_OF[destination];
}
