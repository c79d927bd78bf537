import { describe, expect, it } from 'vitest';
import { CountryCodeScalar } from './codeScalars.js';
import { parseCountryOnly, parseCountryOrRegion } from './parseCountryOrRegion.js';

describe('parseCountryOrRegion', () => {
  it('reads a country and a subdivision of it', () => {
    expect(parseCountryOrRegion('DE')).toEqual({ country: 'DE', region: undefined });
    expect(parseCountryOrRegion('CA-ON')).toEqual({ country: 'CA', region: 'CA-ON' });
    expect(parseCountryOrRegion('BR-SP')).toEqual({ country: 'BR', region: 'BR-SP' });
  });

  it('refuses a region of another country, an unknown one, and junk, saying why', () => {
    expect(parseCountryOrRegion('CA-SP')).toMatchObject({ problem: expect.stringContaining('not a subdivision of CA') });
    expect(parseCountryOrRegion('US-XX')).toMatchObject({ problem: expect.stringContaining('not a subdivision of US') });
    expect(parseCountryOrRegion('FR-75')).toMatchObject({ problem: expect.stringContaining('only for CA, BR, US') });
    expect(parseCountryOrRegion('XX')).toMatchObject({ problem: expect.stringContaining('not an assigned') });
    expect(parseCountryOrRegion('de')).toHaveProperty('problem');
  });

  it('lets a field that takes a country refuse a region', () => {
    expect(parseCountryOnly('US')).toEqual({ country: 'US' });
    expect(parseCountryOnly('US-NY')).toMatchObject({ problem: expect.stringContaining('is a region') });
  });

  it('is what the CountryCode scalar accepts', () => {
    expect(CountryCodeScalar.parseValue('CA-QC')).toBe('CA-QC');
    expect(() => CountryCodeScalar.parseValue('CA-XX')).toThrow(/not a subdivision of CA/);
  });
});
