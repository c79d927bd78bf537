import { isCountryCode, isSubdivisionCode, subdivisionsOf } from '../countries/index.js';

/** A place as the `CountryCode` scalar admits it: a country, and where given, its ISO 3166-2 subdivision. */
export interface CountryOrRegion {
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** ISO 3166-2, e.g. `CA-ON`; undefined for a country alone. */
  readonly region: string | undefined;
}

/**
 * Reads `DE` or `CA-ON`. The one parser for the `CountryCode` scalar, for resolvers that must refuse
 * a region where it means nothing, and for the gateway's own checks of the same scalars. Returns the
 * reason when the text is neither (a region not of that country, or unknown, is refused).
 */
export function parseCountryOrRegion(value: unknown): CountryOrRegion | { readonly problem: string } {
  if (typeof value !== 'string') return { problem: 'a country code must be a string' };
  const match = /^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?$/.exec(value);
  if (match === null) return { problem: `"${value}" is neither an ISO 3166-1 alpha-2 code ("DE") nor an ISO 3166-2 subdivision ("CA-ON")` };
  const country = match[1]!;
  if (!isCountryCode(country)) return { problem: `"${country}" is not an assigned ISO 3166-1 alpha-2 code` };
  if (match[2] === undefined) return { country, region: undefined };
  if (isSubdivisionCode(value)) return { country, region: value };
  const known = subdivisionsOf(country);
  return {
    problem:
      known === undefined
        ? `"${value}": subdivisions are accepted only for ${['CA', 'BR', 'US'].join(', ')} (where taxes depend on them)`
        : `"${value}" is not a subdivision of ${country} (ISO 3166-2: ${known.slice(0, 6).join(', ')}, …)`,
  };
}

/** The country alone; a subdivision is refused with `problem` (for fields where a region means nothing). */
export function parseCountryOnly(value: unknown): { readonly country: string } | { readonly problem: string } {
  const parsed = parseCountryOrRegion(value);
  if ('problem' in parsed) return parsed;
  if (parsed.region !== undefined) return { problem: `"${parsed.region}" is a region; this field takes a country (${parsed.country})` };
  return { country: parsed.country };
}
