import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_EXPONENTS, exponentOf, type CurrencyCode, type Money } from '../money/index.js';
import { decimalToRatio, formatSignificant, roundRatio, type RoundingMode } from './exactRatio.js';
import { convert, type ReferenceRates } from './index.js';

/**
 * Properties of `convert` over any currencies (every ISO 4217 exponent: 0, 2 and 3), any amounts
 * and any published rates: the result is the exact value rounded once to the target's minor unit,
 * conversion keeps order and sign, and converting there and back loses at most one minor unit when
 * the target's minor unit is the finer one. Failures print the seed (`fc.assert`) to replay.
 */
const CURRENCIES = Object.keys(CURRENCY_EXPONENTS) as CurrencyCode[];
const MODES: readonly RoundingMode[] = ['half-even', 'half-up'];
const RUNS = { numRuns: 2_000 };

const currency = fc.constantFrom(...CURRENCIES);
const minor = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
const mode = fc.constantFrom(...MODES);
/** A rate as the ECB writes one: a positive decimal with up to 6 decimals, from 0.000001 to about 10^7. */
const rate = fc
  .tuple(fc.integer({ min: 1, max: 2_000_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([digits, decimals]) => decimalText(BigInt(digits), decimals));

function decimalText(digits: bigint, decimals: number): string {
  const text = digits.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? text : `${text.slice(0, text.length - decimals)}.${text.slice(text.length - decimals)}`;
}

/** Rates for two currencies (EUR is the base: it has no entry). */
function ratesFor(from: CurrencyCode, to: CurrencyCode, fromRate: string, toRate: string): ReferenceRates {
  const table: Partial<Record<CurrencyCode, string>> = {};
  if (from !== 'EUR') table[from] = fromRate;
  if (to !== 'EUR') table[to] = toRate;
  return { date: '2026-12-04', source: { name: 'Generated', url: 'http://rates.test/' }, rates: table };
}
const pair = fc.record({ from: currency, to: currency, fromRate: rate, toRate: rate });
const tableOf = (p: { from: CurrencyCode; to: CurrencyCode; fromRate: string; toRate: string }) =>
  ratesFor(p.from, p.to, p.fromRate, p.toRate);

/** The exact value of `money` in minor units of `to`, as a fraction, computed independently of convert's own formula. */
function exactTarget(money: Money, to: CurrencyCode, rates: ReferenceRates): { numerator: bigint; denominator: bigint } {
  const perEuro = (code: CurrencyCode) => (code === 'EUR' ? { numerator: 1n, denominator: 1n } : decimalToRatio(rates.rates[code]!));
  const from = perEuro(money.currency);
  const target = perEuro(to);
  // money in euros = minor / 10^e(from) / rate(from); in `to` = that × rate(to); in minor units × 10^e(to)
  return {
    numerator: money.minor * from.denominator * target.numerator * 10n ** BigInt(exponentOf(to)),
    denominator: 10n ** BigInt(exponentOf(money.currency)) * from.numerator * target.denominator,
  };
}
const abs = (value: bigint) => (value < 0n ? -value : value);

describe('convert (properties)', () => {
  it('is exact: an integer of minor units within half a unit of the true value, ties settled by the rounding mode', () => {
    fc.assert(
      fc.property(pair, minor, mode, (p, amount, rounding) => {
        const rates = tableOf(p);
        const money: Money = { minor: amount, currency: p.from };
        const result = convert(money, p.to, rates, rounding).money;
        expect(result.currency).toBe(p.to);
        expect(typeof result.minor).toBe('bigint');
        const { numerator, denominator } = exactTarget(money, p.to, rates);
        const twiceError = abs(2n * (result.minor * denominator - numerator));
        expect(twiceError <= denominator).toBe(true);
        if (twiceError === denominator) {
          // a tie: half-even lands on the even neighbour, half-up away from zero
          if (rounding === 'half-even') expect(result.minor % 2n).toBe(0n);
          else expect(abs(result.minor * denominator) > abs(numerator)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('is monotonic: a ≤ b ⇒ convert(a) ≤ convert(b)', () => {
    fc.assert(
      fc.property(pair, minor, minor, mode, (p, a, b, rounding) => {
        const rates = tableOf(p);
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lowConverted = convert({ minor: low, currency: p.from }, p.to, rates, rounding).money.minor;
        const highConverted = convert({ minor: high, currency: p.from }, p.to, rates, rounding).money.minor;
        expect(lowConverted <= highConverted).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps signs: convert(−a) = −convert(a), zero stays zero, and a currency into itself is unchanged', () => {
    fc.assert(
      fc.property(pair, minor, mode, (p, amount, rounding) => {
        const rates = tableOf(p);
        const positive = convert({ minor: amount, currency: p.from }, p.to, rates, rounding).money.minor;
        const negative = convert({ minor: -amount, currency: p.from }, p.to, rates, rounding).money.minor;
        expect(negative).toBe(-positive);
        expect(convert({ minor: 0n, currency: p.from }, p.to, rates, rounding).money.minor).toBe(0n);
        expect(convert({ minor: amount, currency: p.from }, p.from, rates, rounding).money).toEqual({ minor: amount, currency: p.from });
        // a charge is never negative after conversion, and never turns a positive amount negative
        if (amount >= 0n) expect(positive >= 0n).toBe(true);
      }),
      RUNS,
    );
  });

  it('round-trips within one minor unit when the target’s minor unit is worth no more than the source’s', () => {
    fc.assert(
      fc.property(pair, minor, mode, (p, amount, rounding) => {
        const rates = tableOf(p);
        // value of one minor unit of `to`, in minor units of `from`: ≤ 1 when `to` is the finer
        const unit = exactTarget({ minor: 1n, currency: p.to }, p.from, rates);
        fc.pre(unit.numerator <= unit.denominator);
        const there = convert({ minor: amount, currency: p.from }, p.to, rates, rounding).money;
        const back = convert(there, p.from, rates, rounding).money;
        expect(abs(back.minor - amount) <= 1n).toBe(true);
      }),
      RUNS,
    );
  });

  it('converts parts so that the sum of converted parts is within one minor unit per part of the converted sum', () => {
    fc.assert(
      fc.property(
        pair,
        fc.array(
          minor.map((value) => abs(value)),
          { minLength: 1, maxLength: 8 },
        ),
        mode,
        (p, parts, rounding) => {
          const rates = tableOf(p);
          const sumOfConverted = parts.reduce(
            (sum, part) => sum + convert({ minor: part, currency: p.from }, p.to, rates, rounding).money.minor,
            0n,
          );
          const total = parts.reduce((sum, part) => sum + part, 0n);
          const convertedSum = convert({ minor: total, currency: p.from }, p.to, rates, rounding).money.minor;
          // each part's rounding moves it at most half a unit, the sum's at most another half
          expect(2n * abs(sumOfConverted - convertedSum) <= BigInt(parts.length) + 1n).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('exact ratios (properties)', () => {
  const ratio = fc.record({
    numerator: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
    denominator: fc.bigInt({ min: 1n, max: 10n ** 20n }),
  });

  it('roundRatio is the nearest integer, symmetric around zero, and monotonic', () => {
    fc.assert(
      fc.property(ratio, fc.bigInt({ min: 0n, max: 10n ** 20n }), mode, ({ numerator, denominator }, step, rounding) => {
        const rounded = roundRatio({ numerator, denominator }, rounding);
        expect(abs(2n * (rounded * denominator - numerator)) <= denominator).toBe(true);
        expect(roundRatio({ numerator: -numerator, denominator }, rounding)).toBe(-rounded);
        expect(roundRatio({ numerator: numerator + step, denominator }, rounding) >= rounded).toBe(true);
      }),
      RUNS,
    );
  });

  it('decimalToRatio reads back every decimal the rates can hold, and formatSignificant shows 6 significant digits within half a unit of the last', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 18n }), fc.integer({ min: 0, max: 12 }), (digits, decimals) => {
        const parsed = decimalToRatio(decimalText(digits, decimals));
        expect(parsed.numerator * 10n ** BigInt(decimals)).toBe(digits * parsed.denominator);

        const shown = formatSignificant(parsed, 6);
        // six significant digits: exactly six with a decimal point; a large integer is padded with zeros
        expect(shown.replace('.', '').replace(/^0+/, '')).toMatch(shown.includes('.') ? /^\d{6}$/ : /^\d{6}0*$/);
        const back = decimalToRatio(shown);
        // |shown − value| ≤ half a unit of the 6th significant digit: 10^-fraction digits, or 10^(integer digits − 6)
        const [whole = '', fraction] = shown.split('.');
        const unitExponent = fraction === undefined ? whole.length - 6 : -fraction.length;
        const twiceError = 2n * abs(back.numerator * parsed.denominator - parsed.numerator * back.denominator);
        const scale = parsed.denominator * back.denominator;
        if (unitExponent >= 0) expect(twiceError <= 10n ** BigInt(unitExponent) * scale).toBe(true);
        else expect(twiceError * 10n ** BigInt(-unitExponent) <= scale).toBe(true);
      }),
      RUNS,
    );
  });
});
