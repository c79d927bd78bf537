import { isCountryCode } from '#packages/countries/index.js';
import { PayloadError } from '#packages/validate/index.js';
import type { PostalAddress } from './ports.js';

/** Longest line a label has room for; carriers refuse longer ones. */
const MAX_LINE = 100;

/**
 * A vendor's address parts as our `PostalAddress`, checked the way a label needs it: at least one
 * street line, a city and a real country; blank optional parts are absent rather than "". A line
 * too long for a label is refused here, where the vendor's field can be named, not at the carrier.
 */
export function postalAddress(
  parts: {
    readonly lines: ReadonlyArray<string | undefined>;
    readonly city: string;
    readonly region?: string | undefined;
    readonly postalCode?: string | undefined;
    readonly country: string;
  },
  path: string,
): PostalAddress {
  const lines = parts.lines.map((line) => line?.trim() ?? '').filter((line) => line !== '');
  if (lines.length === 0 || lines.length > 3) throw new PayloadError(`${path}`, 'one to three street lines', parts.lines);
  for (const line of [...lines, parts.city, parts.region ?? '', parts.postalCode ?? '']) {
    if (line.length > MAX_LINE) throw new PayloadError(path, `address parts of at most ${MAX_LINE} characters`, line);
  }
  if (parts.city.trim() === '') throw new PayloadError(`${path}.city`, 'a city', parts.city);
  if (!isCountryCode(parts.country)) throw new PayloadError(`${path}.country`, 'an ISO 3166-1 alpha-2 country code', parts.country);
  const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());
  return {
    lines,
    city: parts.city.trim(),
    region: blankToUndefined(parts.region),
    postalCode: blankToUndefined(parts.postalCode),
    country: parts.country,
  };
}
