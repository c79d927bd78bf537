import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isCountryCode } from '../countries/index.js';
import { ErrorCode } from '../errors/index.js';
import { isCurrencyCode } from '../money/index.js';

/** A string scalar that only admits codes from a closed list, and says which list. */
function codeScalar(name: string, description: string, isValid: (value: string) => boolean): GraphQLScalarType<string, string> {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !isValid(value)) {
      throw new GraphQLError(`${JSON.stringify(value)} is not a valid ${name} (${description})`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      });
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: check,
    parseValue: check,
    parseLiteral(node: ValueNode) {
      return check(node.kind === Kind.STRING ? node.value : undefined);
    },
  });
}

export const CountryCodeScalar = codeScalar('CountryCode', 'an ISO 3166-1 alpha-2 code such as "DE"', isCountryCode);
export const CurrencyCodeScalar = codeScalar('CurrencyCode', 'an ISO 4217 code such as "EUR"', isCurrencyCode);
