import type { GraphQLSchema } from 'graphql';
import { generateOperation, type GeneratedOperation } from './generateOperation.js';
import type { Random } from './Random.js';

/** A request body that is well-formed JSON but a bad GraphQL request, and what is wrong with it. */
export interface CorruptedOperation {
  readonly label: string;
  readonly body: unknown;
}

/** Text a hostile or careless client puts in a string: controls, bidi overrides, quotes, huge runs, odd Unicode. */
export function oddString(random: Random): string {
  return random.pick<() => string>([
    () => '\u0000',
    () => `name\u001b[31m`,
    () => `evil\u202etxt.exe`,
    () => 'line\r\nX-Injected: 1',
    () => '"; DROP TABLE orders; --',
    () => '${7*7}{{7*7}}',
    () => '\ud800',
    () => '𝔱𝔢𝔞'.repeat(random.int(1, 50)),
    () => 'A'.repeat(random.int(10_000, 200_000)),
    () => '9'.repeat(random.int(30, 100_000)),
    () => '../../../../etc/passwd',
    () => 'http://169.254.169.254/latest/meta-data/',
    () => ' ',
    () => '-0',
    () => '1e308',
    () => 'NaN',
  ])();
}

/** A value of the wrong JSON kind, or a scalar in a form no field takes. */
function wrongValue(random: Random): unknown {
  return random.pick<() => unknown>([
    () => oddString(random),
    () => random.pick([2 ** 31, -(2 ** 53), 1.5, Number.MAX_VALUE, -0]),
    () => ({ nested: { deeper: [1, 2, 3] } }),
    () => [[[[]]]],
    () => true,
    () => null,
    () => random.pick(['ZZ', 'de', 'DEU', 'EURO', 'eur', 'XAU', '2026-13-45T25:61:00Z', 'yesterday', '12,50', '1e3', '-1']),
  ])();
}

/** Replaces one variable (or adds one) with a bad value; keeps the document. */
function withBadVariable(operation: GeneratedOperation, random: Random): GeneratedOperation {
  const names = Object.keys(operation.variables);
  const name = names.length > 0 ? random.pick(names) : 'unused';
  const variables = { ...operation.variables };
  const target = variables[name];
  if (target !== null && typeof target === 'object' && !Array.isArray(target) && random.chance(0.6)) {
    // a bad value inside an input object: a field of it, or an unknown field
    const fields = Object.keys(target);
    const field = fields.length > 0 && random.chance(0.8) ? random.pick(fields) : 'unknownField';
    variables[name] = { ...(target as Record<string, unknown>), [field]: wrongValue(random) };
  } else {
    variables[name] = wrongValue(random);
  }
  return { ...operation, variables };
}

/**
 * A bad GraphQL request built from a valid one: a field or argument that does not exist, a value
 * of the wrong type or form, a document cut short or nested past the limits, variables that are
 * not an object, extensions that lie. Each should be a 4xx or a GraphQL error, never a 5xx or an
 * internal error.
 */
export function corruptOperation(schema: GraphQLSchema, random: Random): CorruptedOperation {
  const valid = generateOperation(schema, random);
  const cut = (text: string) => text.slice(0, random.int(0, Math.max(0, text.length - 1)));
  const mutations: ReadonlyArray<readonly [number, () => CorruptedOperation]> = [
    [5, () => ({ label: 'bad variable value', body: withBadVariable(valid, random) })],
    [2, () => ({ label: 'unknown field', body: { ...valid, query: valid.query.replace('{ ', `{ noSuchField${random.int(0, 9)} `) } })],
    [2, () => ({ label: 'unknown argument', body: { ...valid, query: valid.query.replace(/ \{ (\w+)/, ' { $1(bogus: 1)') } })],
    [2, () => ({ label: 'document cut short', body: { ...valid, query: cut(valid.query) } })],
    [1, () => ({ label: 'variables not an object', body: { ...valid, variables: random.pick([[1, 2], 'x', 42, true]) } })],
    [
      1,
      () => ({
        label: 'undeclared variable',
        body: { ...valid, query: valid.query.replace(/\(([a-zA-Z]+): /, '($1: $undeclared, ignored: ') },
      }),
    ],
    [1, () => ({ label: 'unknown operationName', body: { ...valid, operationName: 'NoSuchOperation' } })],
    [1, () => ({ label: 'no query', body: { variables: valid.variables } })],
    [1, () => ({ label: 'query not a string', body: { query: random.pick([42, ['{ __typename }'], { query: '{}' }, null]) } })],
    [1, () => ({ label: 'deep nesting', body: { query: `{ ${nest(random.int(11, 300))} }` } })],
    [
      1,
      () => ({
        label: 'many aliases',
        body: { query: `{ ${Array.from({ length: random.int(31, 500) }, (_, i) => `a${i}: __typename`).join(' ')} }` },
      }),
    ],
    [
      1,
      () => ({ label: 'long literal', body: { query: `{ search(query: "${'x'.repeat(random.int(10_001, 90_000))}") { totalCount } }` } }),
    ],
    [
      1,
      () => ({
        label: 'odd string literal',
        body: { query: `{ search(query: ${JSON.stringify(oddString(random).slice(0, 9_000))}) { totalCount } }` },
      }),
    ],
    [1, () => ({ label: 'control characters in document', body: { query: `{ __typename\u0000 \u001b }` } })],
    [
      1,
      () => ({
        label: 'persisted query that lies',
        body: {
          ...valid,
          query: random.chance(0.5) ? valid.query : undefined,
          extensions: { persistedQuery: { version: random.pick([1, 2, 'x']), sha256Hash: random.pick(['0'.repeat(64), 'abc', 42]) } },
        },
      }),
    ],
    [1, () => ({ label: 'two anonymous operations', body: { query: '{ __typename } { __typename }' } })],
    [1, () => ({ label: 'subscription', body: { query: 'subscription { __typename }' } })],
    [
      1,
      () => ({
        label: 'introspection of a private type',
        body: { query: '{ __type(name: "_Service") { name fields { name } } _service { sdl } }' },
      }),
    ],
    [
      1,
      () => ({
        label: '_entities through the gateway',
        body: { query: '{ _entities(representations: [{ __typename: "Order", id: "x" }]) { __typename } }' },
      }),
    ],
  ];
  return random.weighted(mutations)();
}

/** `marketplaces { x { x … } }` to `depth` levels, past the depth limit. */
function nest(depth: number): string {
  return `marketplaces ${'{ x '.repeat(depth)}${'}'.repeat(depth)}`;
}
