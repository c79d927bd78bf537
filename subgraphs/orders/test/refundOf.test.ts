import { describe, expect, it } from 'vitest';
import { parseMoney } from '#packages/money/index.js';
import { refundOf } from '../src/returns/refundOf.js';

const parts = { item: parseMoney('100.01', 'EUR'), shipping: parseMoney('12.50', 'EUR') };
const policy = { windowDays: 14, returnShippingPaidBy: 'BUYER' as const, restockingFeeBp: 1500 };

describe('refundOf (what a return gives back)', () => {
  it('gives back goods and outbound shipping when the goods were faulty, with no restocking fee', () => {
    const { lines, total } = refundOf(parts, 3, 3, 'DEFECTIVE', policy);
    expect(lines.map((line) => [line.kind, line.amount.amount])).toEqual([
      ['GOODS', '100.01'],
      ['SHIPPING', '12.50'],
    ]);
    expect(total).toEqual(parseMoney('112.51', 'EUR'));
  });

  it('keeps back the restocking fee and the shipping on a change of mind, rounding each share down once', () => {
    // 1 of 3 units: 100.01 / 3 = 33.336… → 33.33; fee 15 % of 33.33 = 4.9995 → 4.99
    const { lines, total } = refundOf(parts, 1, 3, 'CHANGED_MIND', policy);
    expect(lines.map((line) => [line.kind, line.amount.amount])).toEqual([
      ['GOODS', '33.33'],
      ['RESTOCKING_FEE', '-4.99'],
    ]);
    expect(total).toEqual(parseMoney('28.34', 'EUR'));
  });

  it('has no fee line when the policy has no restocking fee, and works in currencies without minor units', () => {
    const yen = { item: parseMoney('1980', 'JPY'), shipping: parseMoney('700', 'JPY') };
    const { lines, total } = refundOf(yen, 1, 2, 'CHANGED_MIND', { ...policy, restockingFeeBp: 0 });
    expect(lines.map((line) => line.kind)).toEqual(['GOODS']);
    expect(total).toEqual(parseMoney('990', 'JPY'));
  });
});
