import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ErrorCode } from '../errors/index.js';
import { isCurrencyCode } from '../money/index.js';
import { parseCountryOrRegion } from './parseCountryOrRegion.js';

/** A string scalar that only admits codes that `read` accepts, and says why it refused one. */
function codeScalar(
  name: string,
  description: string,
  read: (value: unknown) => string | { problem: string },
): GraphQLScalarType<string, string> {
  const check = (value: unknown): string => {
    const result = read(value);
    if (typeof result !== 'string') {
      throw new GraphQLError(`${JSON.stringify(value)} is not a valid ${name}: ${result.problem}`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      });
    }
    return result;
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

/**
 * A country (ISO 3166-1 alpha-2, `DE`) or one of its ISO 3166-2 subdivisions (`CA-ON`). Fields where a
 * region means nothing refuse one in their resolver (`parseCountryOnly`), naming the field.
 */
export const CountryCodeScalar = codeScalar(
  'CountryCode',
  'an ISO 3166-1 alpha-2 code such as "DE", or an ISO 3166-2 subdivision such as "CA-ON"',
  (value) => {
    const parsed = parseCountryOrRegion(value);
    return 'problem' in parsed ? parsed : (parsed.region ?? parsed.country);
  },
);
export const CurrencyCodeScalar = codeScalar('CurrencyCode', 'an ISO 4217 code such as "EUR"', (value) =>
  typeof value === 'string' && isCurrencyCode(value) ? value : { problem: 'not an ISO 4217 code' },
);
