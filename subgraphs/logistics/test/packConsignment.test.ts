import { describe, expect, it } from 'vitest';
import { packConsignment } from '../src/shipping/packConsignment.js';
import { fromShippingOptionId, toShippingOptionId } from '../src/shipping/shippingOptionId.js';

describe('packConsignment', () => {
  const tea = { weightGrams: 250, dimensionsCm: [15, 10, 6] as const };

  it('leaves one item as it is', () => {
    expect(packConsignment(tea, 1)).toEqual({ weightGrams: 250, dimensionsCm: [15, 10, 6] });
  });

  it('packs items into the box with the shortest longest side, not a tall stack', () => {
    expect(packConsignment(tea, 8)).toEqual({ weightGrams: 2_000, dimensionsCm: [24, 20, 15] }); // 1 × 2 × 4 items
    const many = packConsignment(tea, 999);
    expect(many.weightGrams).toBe(249_750);
    expect(many.dimensionsCm![0]).toBeLessThan(120); // a stack would be 59.94 m tall
    const [a, b, c] = many.dimensionsCm!;
    expect(a * b * c).toBeGreaterThanOrEqual(999 * 15 * 10 * 6);
  });

  it('scales only the weight of an item never measured', () => {
    expect(packConsignment({ weightGrams: 100, dimensionsCm: undefined }, 3)).toEqual({ weightGrams: 300, dimensionsCm: undefined });
  });
});

describe('shipping option ids', () => {
  it('are deterministic, opaque and readable back', () => {
    const key = { offerId: 'T2ZmZXI6Y24', carrierId: 'post-intl', service: 'ECONOMY', to: 'DE', quantity: 2 };
    const id = toShippingOptionId(key);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(toShippingOptionId({ ...key })).toBe(id);
    expect(toShippingOptionId({ ...key, quantity: 3 })).not.toBe(id);
    expect(fromShippingOptionId(id)).toEqual(key);
    expect(fromShippingOptionId('hello')).toBeUndefined();
  });
});
