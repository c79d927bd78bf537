import { describe, expect, it } from 'vitest';
import { isCountryCode } from './countries.js';
import { isSubdivisionCode, subdivisionsOf } from './subdivisions.js';

describe('ISO 3166-2 subdivisions', () => {
  it('lists the 13 provinces and territories of Canada, the 27 federative units of Brazil and the 51 states of the US (with DC)', () => {
    expect(subdivisionsOf('CA')).toHaveLength(13);
    expect(subdivisionsOf('BR')).toHaveLength(27);
    expect(subdivisionsOf('US')?.filter((code) => !['US-AS', 'US-GU', 'US-MP', 'US-PR', 'US-UM', 'US-VI'].includes(code))).toHaveLength(51);
    for (const country of ['CA', 'BR', 'US']) expect(isCountryCode(country)).toBe(true);
  });

  it('knows a region only under its own country', () => {
    expect(isSubdivisionCode('CA-ON')).toBe(true);
    expect(isSubdivisionCode('BR-SP')).toBe(true);
    expect(isSubdivisionCode('US-NY')).toBe(true);
    expect(isSubdivisionCode('CA-SP')).toBe(false);
    expect(isSubdivisionCode('US-ON')).toBe(false);
    expect(isSubdivisionCode('DE-BY')).toBe(false); // a real region, but none of our taxes depend on it
  });
});
