import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CURRENCY_EXPONENTS,
  MAX_AMOUNT_LENGTH,
  MoneyError,
  addMoney,
  compareMoney,
  exponentOf,
  parseMoney,
  toDecimalString,
  type CurrencyCode,
  type Money,
} from './index.js';

/**
 * Properties of money over every ISO 4217 currency (exponents 0, 2 and 3) and any amount: the
 * decimal form is exact and reads back to the same minor units, lines add up to their total to the
 * minor unit, and what is not money (too many decimals, too long, not a number) is refused.
 */
const CURRENCIES = Object.keys(CURRENCY_EXPONENTS) as CurrencyCode[];
const RUNS = { numRuns: 2_000 };
const currency = fc.constantFrom(...CURRENCIES);
const minor = fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n });
const money = fc.record({ minor, currency });

describe('money (properties)', () => {
  it('writes exactly the currency’s decimals, and reads its own text back to the same minor units', () => {
    fc.assert(
      fc.property(money, (value: Money) => {
        const text = toDecimalString(value);
        const exponent = exponentOf(value.currency);
        expect(text).toMatch(exponent === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${exponent}}$`));
        expect(text.startsWith('-')).toBe(value.minor < 0n);
        expect(parseMoney(text, value.currency)).toEqual(value);
      }),
      RUNS,
    );
  });

  it('reads trailing zeros as the same amount, and refuses a significant digit past the currency’s exponent', () => {
    fc.assert(
      fc.property(money, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 9 }), (value, zeros, digit) => {
        const text = toDecimalString(value);
        const withPoint = text.includes('.') ? text : `${text}.`;
        expect(parseMoney(withPoint + '0'.repeat(zeros), value.currency)).toEqual(value);
        expect(() => parseMoney(withPoint + '0'.repeat(zeros - 1) + String(digit), value.currency)).toThrow(MoneyError);
      }),
      RUNS,
    );
  });

  it('adds lines to their total to the minor unit, in any order, as their decimal texts do', () => {
    fc.assert(
      fc.property(currency, fc.array(minor, { minLength: 1, maxLength: 12 }), (code, minors) => {
        const lines = minors.map((value): Money => ({ minor: value, currency: code }));
        const total = lines.reduce(addMoney);
        expect(total.minor).toBe(minors.reduce((sum, value) => sum + value, 0n));
        expect([...lines].reverse().reduce(addMoney)).toEqual(total);
        // the API shows each line and the total as text: the texts add up too
        const fromTexts = lines.map((line) => parseMoney(toDecimalString(line), code)).reduce(addMoney);
        expect(toDecimalString(fromTexts)).toBe(toDecimalString(total));
      }),
      RUNS,
    );
  });

  it('orders amounts as their minor units do, and refuses to add or compare two currencies', () => {
    fc.assert(
      fc.property(money, minor, currency, (a, other, code) => {
        const b: Money = { minor: other, currency: a.currency };
        expect(compareMoney(a, b)).toBe(a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0);
        expect(compareMoney(a, b) + compareMoney(b, a)).toBe(0);
        fc.pre(code !== a.currency);
        expect(() => addMoney(a, { minor: other, currency: code })).toThrow(MoneyError);
        expect(() => compareMoney(a, { minor: other, currency: code })).toThrow(MoneyError);
      }),
      RUNS,
    );
  });

  it('refuses any text that is not a plain decimal, and any longer than MAX_AMOUNT_LENGTH, without echoing it whole', () => {
    const notDecimal = fc.string({ minLength: 0, maxLength: 40 }).filter((text) => !/^\s*-?\d+(\.\d+)?\s*$/.test(text));
    fc.assert(
      fc.property(notDecimal, currency, (text, code) => {
        expect(() => parseMoney(text, code)).toThrow(MoneyError);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.integer({ min: MAX_AMOUNT_LENGTH + 1, max: 200_000 }), currency, (length, code) => {
        const text = '9'.repeat(length);
        let message = '';
        try {
          parseMoney(text, code);
        } catch (error) {
          expect(error).toBeInstanceOf(MoneyError);
          message = (error as Error).message;
        }
        expect(message).toMatch(/longer than/);
        expect(message.length).toBeLessThan(200);
      }),
      { numRuns: 50 },
    );
  });
});
