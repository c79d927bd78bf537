import { describe, expect, it } from 'vitest';
import { COUNTRY_COUNT, isCountryCode } from './countries.js';
import { countryName, regionOf } from './regions.js';

describe('M49 regions', () => {
  it('places every assigned country in exactly one region', () => {
    const codes = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].flatMap((a) => [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((b) => a + b));
    const countries = codes.filter(isCountryCode);
    expect(countries).toHaveLength(COUNTRY_COUNT);
    expect(countries.filter((code) => regionOf(code) === undefined)).toEqual([]);
  });

  it('names the lanes analysts look at first', () => {
    expect([regionOf('CN'), regionOf('DE'), regionOf('BR'), regionOf('AU'), regionOf('NG')]).toEqual([
      'Asia',
      'Europe',
      'Americas',
      'Oceania',
      'Africa',
    ]);
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('XX')).toBeUndefined();
  });
});
