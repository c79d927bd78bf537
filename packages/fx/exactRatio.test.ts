import { describe, expect, it } from 'vitest';
import { decimalToRatio, formatSignificant, roundRatio } from './exactRatio.js';

const ratio = (numerator: bigint, denominator: bigint) => ({ numerator, denominator });

describe('exact ratios', () => {
  it('reads plain decimals exactly and nothing else', () => {
    expect(decimalToRatio('1.1600')).toEqual(ratio(11600n, 10000n));
    expect(decimalToRatio('180')).toEqual(ratio(180n, 1n));
    for (const bad of ['-1', '1e3', ' 1.2', '1.', '.5', '']) expect(() => decimalToRatio(bad)).toThrow(RangeError);
  });

  it.each([
    [5n, 2n, 2n, 3n], // 2.5
    [7n, 2n, 4n, 4n], // 3.5
    [-5n, 2n, -2n, -3n],
    [11n, 4n, 3n, 3n], // 2.75: not a tie, both round up
    [9n, 4n, 2n, 2n], // 2.25
  ])('rounds %i/%i to %i half-even and %i half-up', (numerator, denominator, even, up) => {
    expect(roundRatio(ratio(numerator, denominator), 'half-even')).toBe(even);
    expect(roundRatio(ratio(numerator, denominator), 'half-up')).toBe(up);
  });

  it('writes significant digits, carrying into a new digit when rounding up', () => {
    expect(formatSignificant(ratio(9999995n, 1000000n), 6)).toBe('10.0000');
    expect(formatSignificant(ratio(1n, 3n), 6)).toBe('0.333333');
    expect(formatSignificant(ratio(19_400_000n, 1n), 6)).toBe('19400000');
    expect(formatSignificant(ratio(1n, 1n), 6)).toBe('1.00000');
  });
});
