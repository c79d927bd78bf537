import { describe, expect, it } from 'vitest';
import { parseMoney, toDecimalString, type CurrencyCode } from '../money/index.js';
import { convert, rateShown, UnsupportedCurrencyError, type ReferenceRates } from './index.js';

/** Hand-made rates (units per 1 EUR); KWD is not an ECB currency, it is here for its 3 decimals. */
const rates: ReferenceRates = {
  date: '2026-11-26',
  source: { name: 'Test rates', url: 'http://rates.test/daily.xml' },
  rates: { USD: '1.1620', JPY: '180.50', CNY: '8.2400', KWD: '0.35671' },
};
const withRates = (overrides: ReferenceRates['rates']): ReferenceRates => ({ ...rates, rates: { ...rates.rates, ...overrides } });
const amount = (text: string, currency: CurrencyCode, to: CurrencyCode, mode?: 'half-even' | 'half-up', table = rates) =>
  toDecimalString(convert(parseMoney(text, currency), to, table, mode).money);

describe('convert', () => {
  it('crosses through EUR: 100.00 USD → JPY is 100 × 180.50 / 1.1620 = 15533.56…, whole yen', () => {
    const { money, rate } = convert(parseMoney('100.00', 'USD'), 'JPY', rates);
    expect(money).toEqual({ minor: 15534n, currency: 'JPY' });
    expect(toDecimalString(money)).toBe('15534');
    expect(rate).toEqual({
      from: 'USD',
      to: 'JPY',
      rate: '155.336',
      date: '2026-11-26',
      source: { name: 'Test rates', url: 'http://rates.test/daily.xml' },
      rounding: 'half-even',
      series: 'REFERENCE',
    });
  });

  it('converts with a customs series quoted against its own base, and names the series', () => {
    const cbp = {
      date: '2026-11-26',
      series: 'US_CBP',
      base: 'USD' as const,
      source: { name: 'CBP', url: 'http://cbp.test' },
      rates: { JPY: '155.25', EUR: '0.8606' },
    };
    const { money, rate } = convert(parseMoney('100.00', 'USD'), 'JPY', cbp);
    expect(money).toEqual({ minor: 15525n, currency: 'JPY' });
    expect(rate.series).toBe('US_CBP');
    expect(convert(parseMoney('86.06', 'EUR'), 'USD', cbp).money).toEqual({ minor: 10000n, currency: 'USD' });
  });

  it('shows the cross rate to 6 significant digits, however small', () => {
    expect(convert(parseMoney('1', 'JPY'), 'USD', rates).rate.rate).toBe('0.00643767');
    expect(convert(parseMoney('1.00', 'USD'), 'CNY', rates).rate.rate).toBe('7.09122');
  });

  it('words a rate as a conversion shows it, without converting anything, and refuses what the rates do not quote', () => {
    expect(rateShown('JPY', 'USD', rates)).toBe(convert(parseMoney('1', 'JPY'), 'USD', rates).rate.rate);
    expect(rateShown('USD', 'CNY', rates)).toBe('7.09122');
    expect(rateShown('EUR', 'EUR', rates)).toBe('1.00000');
    expect(() => rateShown('USD', 'AED', rates)).toThrow(UnsupportedCurrencyError);
  });

  it('gives each currency its ISO 4217 decimals: 10.00 EUR → 3.567 KWD', () => {
    expect(amount('10.00', 'EUR', 'KWD')).toBe('3.567');
    expect(amount('10.00', 'EUR', 'USD')).toBe('11.62');
  });

  it('treats EUR as rate 1 both ways', () => {
    expect(amount('180', 'JPY', 'EUR')).toBe('1.00'); // 180 / 180.50 = 0.99723 → 1.00
    expect(convert(parseMoney('5.00', 'EUR'), 'EUR', rates).money.minor).toBe(500n);
  });

  it('settles an exact tie half-even by default and half-up on request', () => {
    // 1.00 EUR × 180.50 = 180.5 JPY exactly
    expect(amount('1.00', 'EUR', 'JPY')).toBe('180');
    expect(amount('1.00', 'EUR', 'JPY', 'half-up')).toBe('181');
    expect(amount('3.00', 'EUR', 'JPY')).toBe('542'); // 541.5 → even neighbour is up
    expect(amount('-1.00', 'EUR', 'JPY', 'half-up')).toBe('-181'); // ties away from zero
    expect(amount('-1.00', 'EUR', 'JPY')).toBe('-180');
  });

  it('computes exactly where floats do not: 1.00 EUR at 1.005 is 100.5 cents, not 100.4999…', () => {
    const table = withRates({ USD: '1.005' });
    expect(Math.round(1.005 * 100)).toBe(100); // the float answer, wrong for half-up
    expect(amount('1.00', 'EUR', 'USD', 'half-up', table)).toBe('1.01');
    expect(amount('1.00', 'EUR', 'USD', 'half-even', table)).toBe('1.00');
  });

  it('keeps every digit of large amounts', () => {
    // 123456789012345.67 × 180.50 / 1.1620 = 19177237880144916 + 149/166
    expect(amount('123456789012345.67', 'USD', 'JPY')).toBe('19177237880144917');
  });

  it('comes back within one minor unit on a round trip', () => {
    for (let cents = 1n; cents < 2_000_000n; cents = cents * 3n + 7n) {
      const there = convert({ minor: cents, currency: 'USD' }, 'JPY', rates).money;
      const back = convert(there, 'USD', rates).money;
      const drift = back.minor - cents;
      expect(drift <= 1n && drift >= -1n, `${cents} cents came back as ${back.minor}`).toBe(true);
    }
    expect(amount('15534', 'JPY', 'USD')).toBe('100.00');
  });

  it('refuses a currency the rates do not quote, naming it', () => {
    const toAed = () => convert(parseMoney('1.00', 'USD'), 'AED', rates);
    expect(toAed).toThrow(UnsupportedCurrencyError);
    expect(toAed).toThrow(/AED has no reference rate in the Test rates rates of 2026-11-26 \(quoted: CNY, EUR, JPY, KWD, USD\)/);
    expect(() => convert(parseMoney('100', 'VND'), 'EUR', rates)).toThrow(/VND/);
  });
});
