import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedEventError } from '#packages/events/index.js';
import { convert, type ReferenceRates } from '#packages/fx/index.js';
import { CURRENCY_EXPONENTS, parseMoney, toDecimalString, type CurrencyCode } from '#packages/money/index.js';
import { usdEurConverter } from '../src/ingest/usdEurConverter.js';

/**
 * The ingest's converter against `packages/fx` `convert` (through EUR, rounded once, half-even):
 * whichever arithmetic it takes (numbers for everyday amounts, bigints for the rest), every amount
 * in every currency comes out as `convert` gives it, ties and amounts too large for numbers included.
 */
const CURRENCIES = (Object.keys(CURRENCY_EXPONENTS) as CurrencyCode[]).filter((code) => code !== 'EUR' && code !== 'USD');
const decimalText = (digits: bigint, decimals: number) => {
  const text = digits.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? text : `${text.slice(0, text.length - decimals)}.${text.slice(text.length - decimals)}`;
};
const rate = fc
  .tuple(fc.bigInt({ min: 1n, max: 2_000_000_000n }), fc.integer({ min: 0, max: 6 }))
  .map(([digits, decimals]) => decimalText(digits, decimals));
const currency = fc.constantFrom('EUR', 'USD', ...CURRENCIES);
/** Minor units from zero to past what numbers hold exactly, written as `parseMoney` reads them (trailing zeros too). */
const amount = fc
  .tuple(fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 0n, max: 10n ** 20n })), fc.boolean())
  .map(([minor, padded]) => ({ minor, padded }));

function expected(amountText: string, code: CurrencyCode, perEuro: Record<string, string>): readonly [string, string] {
  const money = parseMoney(amountText, code);
  const rates: ReferenceRates = { date: '2026-01-02', source: { name: 'test rates', url: 'about:blank' }, rates: perEuro };
  return [toDecimalString(convert(money, 'USD', rates).money), toDecimalString(convert(money, 'EUR', rates).money)];
}

describe('usdEurConverter', () => {
  it('gives what packages/fx convert gives, for any amount, currency and rates', () => {
    fc.assert(
      fc.property(currency, amount, rate, rate, (code, { minor, padded }, fromRate, usdRate) => {
        const exponent = CURRENCY_EXPONENTS[code];
        const text = decimalText(minor, exponent) + (padded && exponent > 0 ? '0' : '');
        const perEuro: Record<string, string> = { USD: usdRate, ...(code === 'EUR' || code === 'USD' ? {} : { [code]: fromRate }) };
        const both = usdEurConverter('evt', perEuro);
        // Twice: the first amount in a currency learns its exponent, the second may take the fast path.
        expect(both({ amount: text, currency: code })).toEqual(expected(text, code, perEuro));
        expect(both({ amount: text, currency: code })).toEqual(expected(text, code, perEuro));
      }),
      { numRuns: 3_000 },
    );
  });

  it('rounds exact halves to the even cent', () => {
    // 0.05 GBP at 0.5 GBP per euro is 0.10 EUR; 0.01 GBP at 0.4 is 0.025 EUR: a tie, to 0.02.
    const both = usdEurConverter('evt', { GBP: '0.4', USD: '1' });
    both({ amount: '1.00', currency: 'GBP' });
    expect(both({ amount: '0.01', currency: 'GBP' })).toEqual(['0.02', '0.02']);
    expect(both({ amount: '0.03', currency: 'GBP' })).toEqual(['0.08', '0.08']);
  });

  it('refuses what parseMoney refuses, and a currency without a rate, as malformed', () => {
    const both = usdEurConverter('evt', { GBP: '0.85', USD: '1.1' });
    both({ amount: '1.00', currency: 'GBP' });
    for (const amountText of ['-', '1.234', ' 1.00x', '1e3'])
      expect(() => both({ amount: amountText, currency: 'GBP' })).toThrow(MalformedEventError);
    expect(() => both({ amount: '1.00', currency: 'CHF' })).toThrow(/no euro reference rate for CHF/);
    expect(() => both({ amount: '1.00', currency: 'XXQ' })).toThrow(MalformedEventError);
  });
});
