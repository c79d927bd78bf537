import { userInputError } from './userInputError.js';

/**
 * A country input the schema renamed, read under either name: the new one, or the former one that stays
 * (deprecated) for older clients. Given twice with different values, or not at all, it is refused
 * with BAD_USER_INPUT naming the new name. `path` is the name the client used, for later errors.
 * Names are paths as a client writes them (`input.originCountry`, `filter.destinationCountry`).
 */
export function renamedCountryInput(
  value: string | null | undefined,
  name: string,
  formerValue: string | null | undefined,
  formerName: string,
): { readonly value: string; readonly path: string } {
  if (value != null && formerValue != null && value !== formerValue)
    throw userInputError(`${name}: give it once (\`${formerName}\` is its former name)`, name);
  if (value != null) return { value, path: name };
  if (formerValue != null) return { value: formerValue, path: formerName };
  throw userInputError(`${name}: required, a country code (e.g. "DE")`, name);
}
