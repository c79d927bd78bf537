import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ErrorCode } from '../errors/index.js';

/** ISO 8601 with a time and an offset (`Z` or `±hh:mm`), as RFC 3339 has it. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant as the API writes it: always UTC with milliseconds, e.g. `2026-12-05T09:30:00.000Z`. */
function toInstant(value: unknown): string | undefined {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'number'
        ? new Date(value)
        : typeof value === 'string' && RFC3339.test(value)
          ? new Date(value)
          : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

function check(value: unknown): string {
  const instant = toInstant(value);
  if (instant === undefined) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a DateTime: an ISO 8601 instant with an offset, e.g. "2026-12-05T09:30:00Z"`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return instant;
}

/**
 * Every timestamp of the API. Resolvers may hand it a `Date`, ms since the epoch or an ISO string
 * with an offset; clients always get UTC with milliseconds. An instant without an offset is
 * refused: it would mean a different moment in every time zone.
 */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant in ISO 8601, in UTC with milliseconds, e.g. `2026-12-05T09:30:00.000Z`.',
  serialize: check,
  parseValue: check,
  parseLiteral: (node: ValueNode) => check(node.kind === Kind.STRING ? node.value : undefined),
});
