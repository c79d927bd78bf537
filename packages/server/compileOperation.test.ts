import { buildSchema, execute, parse, validate, type GraphQLFieldResolver } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CountryCodeScalar } from '../scalars/index.js';
import { compileOperation } from './compileOperation.js';

/**
 * Operations whose list or object literals hold variables, as the gateway sends the catalog's search
 * (`search(filter: { shipTo: $shipTo })`): compiled by graphql-jit with each such literal read from a
 * variable of its own, they must answer as graphql-js's `execute` does, or answer with no data
 * (the lean path then hands the request to Apollo Server, that is graphql-js) where graphql-js finds
 * the literal invalid; where that cannot be exact (a custom scalar written as a constant) graphql-js
 * runs them.
 */

const schema = buildSchema(`
  scalar CountryCode
  enum Mode { POST COURIER FREIGHT }
  input Leg { from: CountryCode!, mode: Mode = POST, days: [Int!] }
  input SearchFilter {
    shipTo: CountryCode
    originCountries: [CountryCode!]
    marketplaces: [ID]
    inStock: Boolean
    legs: [Leg!]
    maxKg: Float
    pieces: Int = 1
    tags: [[String]]
  }
  type Query {
    search(query: String!, filter: SearchFilter, first: Int = 10, after: String): String
    modes(modes: [Mode]!): String
    parcels(parcel: Parcel): String
  }
  input Parcel { pieces: Int! = 1, shipTo: CountryCode }
`);
Object.assign(schema.getType('CountryCode')!, {
  parseValue: CountryCodeScalar.parseValue,
  parseLiteral: CountryCodeScalar.parseLiteral,
  serialize: CountryCodeScalar.serialize,
});
/** What a resolver was given, `undefined` spelled out (the order of keys is graphql-jit's own, for variables too). */
const echo: GraphQLFieldResolver<unknown, unknown> = (_source, args) => JSON.stringify(sorted(args));
function sorted(value: unknown): unknown {
  if (value === undefined) return '(undefined)';
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
  );
}
for (const field of Object.values(schema.getQueryType()!.getFields())) field.resolve = echo;

interface Case {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** `same`: graphql-jit answers as graphql-js; `handed over`: no data, graphql-js answers; `graphql-js`: not compiled. */
  readonly answer: 'same' | 'handed over' | 'graphql-js';
}

const SEARCH = 'query Search($q: String!, $shipTo: CountryCode) { search(query: $q, first: 5, filter: { shipTo: $shipTo }) }';
const LEGS = `query Legs($from: CountryCode!, $mode: Mode, $day: Int = 3, $id: ID, $pieces: Int, $tags: [String], $tag: String) {
  search(query: "tea", filter: {
    legs: [{ from: $from, mode: $mode, days: [2, $day] }, { from: $from, mode: FREIGHT }]
    marketplaces: [12345678901234567890123, $id, "m-1"]
    pieces: $pieces
    maxKg: 3
    inStock: true
    tags: [[$tag], $tags, "loose"]
  })
}`;
const CASES: Case[] = [
  { name: 'the catalog search', query: SEARCH, variables: { q: 'tea', shipTo: 'CA-ON' }, answer: 'same' },
  { name: 'a missing variable in an object', query: SEARCH, variables: { q: 'tea' }, answer: 'same' },
  { name: 'a null variable in an object', query: SEARCH, variables: { q: 'tea', shipTo: null }, answer: 'same' },
  { name: 'a bad custom scalar', query: SEARCH, variables: { q: 'tea', shipTo: 'Atlantis' }, answer: 'handed over' },
  {
    name: 'nested lists and objects, enums, IDs, defaults',
    query: LEGS,
    variables: { from: 'FR', mode: 'COURIER', day: 4, id: 7, pieces: 3, tags: ['a', null] },
    answer: 'same',
  },
  { name: 'missing variables in lists and objects, defaults', query: LEGS, variables: { from: 'DE' }, answer: 'same' },
  { name: 'a single value for a list', query: LEGS, variables: { from: 'DE', tags: 'one' }, answer: 'same' },
  { name: 'null for a field with a default', query: LEGS, variables: { from: 'DE', pieces: null }, answer: 'same' },
  {
    name: 'null for a non-null item from a variable with a default',
    query: LEGS,
    variables: { from: 'DE', day: null },
    answer: 'handed over',
  },
  { name: 'a missing non-null variable', query: LEGS, variables: {}, answer: 'handed over' },
  { name: 'an unknown enum value', query: LEGS, variables: { from: 'DE', mode: 'DRONE' }, answer: 'handed over' },
  { name: 'a float for an Int', query: LEGS, variables: { from: 'DE', day: 1.5 }, answer: 'handed over' },
  {
    name: 'a list of enums',
    query: 'query ($a: Mode, $b: Mode) { modes(modes: [$a, POST, $b]) }',
    variables: { a: 'FREIGHT' },
    answer: 'same',
  },
  {
    name: 'a custom scalar written as a constant',
    query: 'query ($shipTo: CountryCode) { search(query: "tea", filter: { shipTo: $shipTo, originCountries: ["CN"] }) }',
    variables: { shipTo: 'DE' },
    answer: 'graphql-js',
  },
  {
    name: 'a custom scalar variable with a default',
    query: 'query ($shipTo: CountryCode = "DE") { search(query: "tea", filter: { shipTo: $shipTo }) }',
    variables: {},
    answer: 'graphql-js',
  },
  {
    // graphql-jit's coercion asks for a non-null input field even where it has a default
    name: 'a non-null input field with a default',
    query: 'query ($shipTo: CountryCode) { parcels(parcel: { shipTo: $shipTo }) }',
    variables: { shipTo: 'DE' },
    answer: 'graphql-js',
  },
  {
    name: 'a variable in a fragment',
    query: 'query ($shipTo: CountryCode) { ...Found } fragment Found on Query { search(query: "x", filter: { shipTo: $shipTo }) }',
    variables: { shipTo: 'US-NY' },
    answer: 'same',
  },
];

describe('compileOperation over literals holding variables', () => {
  it.each(CASES)('$name', async ({ query, variables, answer }) => {
    const document = parse(query);
    expect(validate(schema, document)).toEqual([]);
    const operation = compileOperation(schema, document, undefined)!;
    const expected = JSON.parse(JSON.stringify(await execute({ schema, document, variableValues: variables }))) as object;
    const seen = JSON.parse(JSON.stringify(await operation.execute(undefined, variables))) as object;
    expect(operation.compiled).toBe(answer !== 'graphql-js');
    if (answer === 'handed over') {
      expect(seen).not.toHaveProperty('data');
      expect(expected).toHaveProperty('errors');
    } else {
      expect(seen).toEqual(expected);
    }
  });
});
