import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError, userInputError } from '../errors/index.js';
import { createLogger } from '../log/index.js';
import { DateTimeScalar } from '../scalars/index.js';
import { createApolloServer } from './createApolloServer.js';
import { createGraphQLHttpServer, listen, type RunningServer } from './createGraphQLHttpServer.js';
import { leanRequestPathOf } from './leanRequestPaths.js';
import { SERVICE_SECRET_HEADER } from './serviceAuth.js';

/**
 * The lean request path (`leanRequests`, the default) against Apollo Server's pipeline alone: the
 * same requests, in the same order, to two servers over the same subgraph schema must get the
 * same status, headers and body text, in production (masking) and outside it (stack traces,
 * compared by their first line: the frames beneath a resolver are the caller's). Each request says
 * whether the lean path must serve it or hand it to Apollo Server, so the comparison cannot pass by
 * never taking the lean path.
 */

const SECRET = 'lean-request-path-test-secret-0123456789';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  enum CacheControlScope { PUBLIC PRIVATE }
  scalar DateTime

  type Parcel @key(fields: "id") @cacheControl(maxAge: 60) { id: ID! amount: Float! weightKg: Float eta: String }
  type Pallet @key(fields: "id") @cacheControl(maxAge: 30) { id: ID! amount: Float! slots: Int }
  enum Sort { CHEAPEST FASTEST }
  input ParcelFilter { maxAmount: Float, countries: [String!] }
  type Query {
    rate(id: ID!): Parcel @cacheControl(maxAge: 120)
    parcels(ids: [ID!]!, sort: Sort = CHEAPEST, filter: ParcelFilter, limit: Int): [Parcel]
    failing(code: String!): String
    upstream: String
    quotes(first: Int!, since: DateTime): [String!]
    cutoff: DateTime!
    required: String!
    mine: String @cacheControl(maxAge: 60, scope: PRIVATE)
  }
  type Mutation { book(id: ID!): String }
`);

interface Context {
  readonly serviceCaller: boolean;
  readonly booked: string[];
}

function createSchema() {
  const resolvers = {
    DateTime: DateTimeScalar,
    Parcel: {
      __resolveReference: (reference: { id: string }) => (reference.id === 'gone' ? null : { id: reference.id, amount: 9.5 }),
      eta: (parcel: { id: string }) => {
        if (parcel.id === 'late') throw new GraphQLError('No carrier answered', { extensions: { code: 'UPSTREAM_TIMEOUT' } });
        return '2 days';
      },
    },
    Pallet: { __resolveReference: (reference: { id: string }) => ({ id: reference.id, amount: 120, slots: 2 }) },
    Query: {
      rate: (_: unknown, { id }: { id: string }) => (id === 'missing' ? null : { id, amount: 12.5, weightKg: 2 }),
      parcels: (_: unknown, args: { ids: string[]; sort: string; filter?: { maxAmount?: number; countries?: string[] }; limit?: number }) =>
        args.ids.slice(0, args.limit ?? undefined).map((id, index) => ({
          id: `${id}:${args.sort}:${(args.filter?.countries ?? []).join('+')}`,
          amount: args.filter?.maxAmount ?? index,
        })),
      failing: (_: unknown, { code }: { code: string }) => {
        if (code === 'HTTP') throw new GraphQLError('Slow down', { extensions: { code: 'RATE_LIMITED', http: { status: 429 } } });
        if (code === 'PLAIN') throw new Error('a bug with a secret inside');
        throw new GraphQLError(`Failed with ${code}`, { extensions: { code } });
      },
      upstream: () => {
        throw new UpstreamError({ upstream: 'carrier', failure: 'timeout', message: 'carrier timed out', detail: 'vendor words' });
      },
      quotes: (_: unknown, { first }: { first: number }) => {
        if (first < 0) throw userInputError('first must be at least 0', 'first');
        return Array.from({ length: first }, (_value, index) => `quote ${index} ≤ 5 €`);
      },
      cutoff: () => new Date(Date.UTC(2026, 0, 1)),
      required: () => null,
      mine: (_: unknown, _args: unknown, context: Context) => (context.serviceCaller ? 'service' : 'gateway'),
    },
    Mutation: {
      book: (_: unknown, { id }: { id: string }, context: Context) => {
        context.booked.push(id);
        return `booked ${id}`;
      },
    },
  };
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as never });
}

interface Step {
  readonly name: string;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
  readonly method?: 'POST' | 'GET';
  /** Whether the lean path answers it itself; otherwise it hands it to Apollo Server (or the server refuses it first). */
  readonly lean: boolean | 'outside production';
}

const RATE = 'query Rate($id: ID!) { rate(id: $id) { id amount weightKg __typename } }';
const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { __typename ... on Parcel { id amount } ... on Pallet { id amount slots } }
}`;
const QUOTES = 'query Quotes($first: Int!, $since: DateTime) { quotes(first: $first, since: $since) }';
const TWO = 'query A { cutoff } query B { mine }';
const PARCELS =
  'query Parcels($ids: [ID!]!, $sort: Sort, $filter: ParcelFilter, $limit: Int) { parcels(ids: $ids, sort: $sort, filter: $filter, limit: $limit) { id amount } }';
const caller = { [SERVICE_SECRET_HEADER]: SECRET };

const CORPUS: Step[] = [
  { name: 'a query', body: { query: RATE, variables: { id: 'p1' } }, lean: true },
  { name: 'the same text again', body: { query: RATE, variables: { id: 'p2' }, operationName: 'Rate' }, lean: true },
  { name: 'a null answer', body: { query: RATE, variables: { id: 'missing' } }, lean: true },
  { name: 'a cacheable answer', body: { query: '{ rate(id: "p3") { id eta } }' }, lean: true },
  { name: 'a cacheable operation with an error', body: { query: '{ rate(id: "late") { id eta } }' }, lean: true },
  {
    name: '_entities over two types',
    body: {
      query: ENTITIES,
      variables: {
        representations: [
          { __typename: 'Parcel', id: 'a' },
          { __typename: 'Pallet', id: 'b' },
        ],
      },
    },
    lean: true,
  },
  {
    name: '_entities with a null entity',
    body: { query: ENTITIES, variables: { representations: [{ __typename: 'Parcel', id: 'gone' }] } },
    lean: true,
  },
  {
    name: '_entities as a literal holding a variable',
    body: {
      query: 'query ($id: ID!) { _entities(representations: [{ __typename: "Parcel", id: $id }]) { ... on Parcel { id amount } } }',
      variables: { id: 'p9' },
    },
    lean: true,
  },
  {
    name: 'variables inside an input object and a list literal',
    body: {
      query:
        'query ($max: Float, $c: String!) { parcels(ids: ["a", "b"], filter: { maxAmount: $max, countries: [$c, "FR"] }) { id amount } }',
      variables: { max: 2, c: 'DE' },
    },
    lean: true,
  },
  {
    name: 'a defaulted variable inside a literal, and one not sent',
    body: {
      query: 'query ($c: String = "NL", $max: Float) { parcels(ids: "a", filter: { countries: [$c], maxAmount: $max }) { id amount } }',
      variables: {},
    },
    lean: true,
  },
  {
    // a defaulted variable may stand where a null may not; sent as null, the argument does not coerce
    name: 'a null inside a literal where the list takes none',
    body: { query: 'query ($c: String = "NL") { parcels(ids: "a", filter: { countries: [$c] }) { id } }', variables: { c: null } },
    lean: false,
  },
  {
    name: '_entities of an unknown type',
    body: { query: ENTITIES, variables: { representations: [{ __typename: 'Crate', id: 'c' }] } },
    lean: false,
  },
  { name: '_service', body: { query: '{ _service { sdl } }' }, lean: true },
  { name: 'a custom scalar', body: { query: '{ cutoff }' }, lean: true },
  { name: 'a custom scalar as a variable', body: { query: QUOTES, variables: { first: 2, since: '2026-01-01T00:00:00Z' } }, lean: true },
  { name: 'a bad custom scalar variable', body: { query: QUOTES, variables: { first: 2, since: 'yesterday' } }, lean: false },
  { name: 'a variable of the wrong type', body: { query: QUOTES, variables: { first: 'two' } }, lean: false },
  { name: 'a missing variable', body: { query: QUOTES, variables: {} }, lean: false },
  {
    name: 'lists, enums, input objects',
    body: {
      query: PARCELS,
      variables: { ids: ['a', 'b', 'c'], sort: 'FASTEST', filter: { maxAmount: 3, countries: ['DE', 'FR'] }, limit: 2 },
    },
    lean: true,
  },
  {
    name: 'a single value for a list, a default',
    body: { query: PARCELS, variables: { ids: 'a', filter: { countries: 'DE' } } },
    lean: true,
  },
  { name: 'a literal list and input object', body: { query: '{ parcels(ids: "x", filter: { maxAmount: 1 }) { id } }' }, lean: true },
  { name: 'an unknown enum value', body: { query: PARCELS, variables: { ids: ['a'], sort: 'SLOWEST' } }, lean: false },
  { name: 'an unknown input field', body: { query: PARCELS, variables: { ids: ['a'], filter: { color: 'red' } } }, lean: false },
  { name: 'a float for an Int', body: { query: PARCELS, variables: { ids: ['a'], limit: 1.5 } }, lean: false },
  { name: 'a null in a non-null list', body: { query: PARCELS, variables: { ids: ['a', null] } }, lean: false },
  { name: 'BAD_USER_INPUT naming the argument', body: { query: QUOTES, variables: { first: -1 } }, lean: true },
  { name: 'a resolver error with a code', body: { query: '{ failing(code: "NOT_FOUND") }' }, lean: true },
  { name: 'a resolver error with an HTTP status', body: { query: '{ failing(code: "HTTP") }' }, lean: true },
  { name: 'a bug in a resolver', body: { query: '{ failing(code: "PLAIN") }' }, lean: true },
  { name: 'an upstream error', body: { query: '{ upstream cutoff }' }, lean: true },
  { name: 'a null in a non-null root field', body: { query: '{ required }' }, lean: true },
  { name: 'a private answer', body: { query: '{ mine }' }, lean: true },
  { name: 'two operations, one named', body: { query: TWO, operationName: 'B' }, lean: true },
  { name: 'two operations, none named', body: { query: TWO }, lean: false },
  { name: 'an unknown operation name', body: { query: TWO, operationName: 'C' }, lean: false },
  { name: 'a mutation', body: { query: 'mutation Book($id: ID!) { book(id: $id) }', variables: { id: 'o1' } }, lean: true },
  { name: 'a mutation again', body: { query: 'mutation Book($id: ID!) { book(id: $id) }', variables: { id: 'o2' } }, lean: true },
  { name: '__typename only', body: { query: '{ __typename }' }, lean: true },
  // refused by Apollo Server's validation in production, answered like any query outside it
  { name: 'introspection', body: { query: '{ __schema { queryType { name } } }' }, lean: 'outside production' },
  { name: 'a syntax error', body: { query: '{ rate(id: "x") { id ' }, lean: false },
  { name: 'an unknown field', body: { query: '{ rate(id: "x") { idd } }' }, lean: false },
  { name: 'null variables and operationName', body: { query: '{ cutoff }', variables: null, operationName: null }, lean: true },
  { name: 'variables as a string', body: { query: '{ cutoff }', variables: '{}' }, lean: false },
  { name: 'no query', body: { variables: {} }, lean: false },
  { name: 'an empty body', body: {}, lean: false },
  { name: 'APQ', body: { query: '{ cutoff }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }, lean: false },
  { name: 'a batch', body: [{ query: '{ cutoff }' }], lean: false },
  { name: 'GET', body: { query: '{ cutoff }' }, method: 'GET', lean: false },
  { name: 'text/plain (CSRF)', body: { query: '{ cutoff }' }, headers: { 'content-type': 'text/plain' }, lean: false },
  {
    name: 'accept graphql-response+json',
    body: { query: '{ cutoff }' },
    headers: { accept: 'application/graphql-response+json' },
    lean: false,
  },
  { name: 'accept json', body: { query: '{ cutoff }' }, headers: { accept: 'application/json' }, lean: true },
  { name: 'a context that cannot be made', body: { query: '{ cutoff }' }, headers: { 'x-break-context': '1' }, lean: false },
  { name: 'no service secret', body: { query: '{ cutoff }' }, headers: { [SERVICE_SECRET_HEADER]: 'wrong' }, lean: false },
];

const COMPARED_HEADERS = ['content-type', 'content-length', 'cache-control', 'www-authenticate', 'allow'];

interface Seen {
  status: number;
  headers: Record<string, string | null>;
  body: string;
}

async function send(server: RunningServer, step: Step): Promise<Seen> {
  const url = `${server.url}/graphql`;
  const response =
    step.method === 'GET'
      ? await fetch(`${url}?${new URLSearchParams(step.body as Record<string, string>).toString()}`, {
          headers: { ...caller, 'apollo-require-preflight': 'true', ...step.headers },
        })
      : await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...caller, ...step.headers },
          body: JSON.stringify(step.body),
        });
  const headers: Seen['headers'] = {};
  for (const name of COMPARED_HEADERS) headers[name] = response.headers.get(name);
  return { status: response.status, headers, body: await response.text() };
}

/** Stack traces cut to their first line (the message): the frames beneath the resolver are the caller's. */
function withoutFrames(seen: Seen): Seen {
  if (!seen.body.includes('"stacktrace"')) return seen;
  const answer = JSON.parse(seen.body) as { errors?: Array<{ extensions?: { stacktrace?: string[] } }> };
  for (const error of answer.errors ?? [])
    if (error.extensions?.stacktrace) error.extensions.stacktrace = error.extensions.stacktrace.slice(0, 1);
  const { 'content-length': _length, ...headers } = seen.headers;
  return { ...seen, headers, body: JSON.stringify(answer) };
}

interface Served {
  server: RunningServer;
  /** Requests the lean path answered, and handed to Apollo Server, by step name. */
  lean: Set<string>;
  handedOver: Set<string>;
  /** The kind of body each step's answer had: a text (`complete`) or bytes written in pieces (`bytes`). */
  bodies: Map<string, string>;
}

async function start(production: boolean, leanRequests: boolean): Promise<Served> {
  const logger = createLogger('test', { level: 'silent' });
  const apollo = createApolloServer<Context>({ logger, production, schema: createSchema(), leanRequests });
  await apollo.start();
  const lean = new Set<string>();
  const handedOver = new Set<string>();
  const bodies = new Map<string, string>();
  const path = leanRequestPathOf(apollo);
  expect(path !== undefined).toBe(leanRequests);
  const http = createGraphQLHttpServer<Context>({
    apollo,
    logger,
    access: { serviceSecret: SECRET },
    context: async (info) => {
      if (info.headers['x-break-context'] !== undefined) throw new Error('no context today');
      return { serviceCaller: info.serviceCaller === true, booked: [] };
    },
    ...(path !== undefined && {
      serveGraphQLPost: async (request) => {
        const name = String(request.headers['x-step']);
        let handed = false;
        const answer = await path({
          ...request,
          viaApollo: (context) => {
            handed = true;
            return request.viaApollo(context);
          },
        });
        (handed ? handedOver : lean).add(name);
        bodies.set(name, answer.body.kind);
        return answer;
      },
    }),
  });
  return { server: await listen(http, '127.0.0.1', 0, () => apollo.stop()), lean, handedOver, bodies };
}

describe.each([
  { mode: 'production', production: true },
  { mode: 'development', production: false },
])('the lean request path in $mode', ({ production }) => {
  let withLean: Served;
  let apolloOnly: Served;
  beforeAll(async () => {
    [withLean, apolloOnly] = await Promise.all([start(production, true), start(production, false)]);
  });
  afterAll(async () => {
    await Promise.all([withLean?.server.close(), apolloOnly?.server.close()]);
  });

  it('answers every request of the corpus as Apollo Server does, byte for byte', async () => {
    for (const step of CORPUS) {
      const tagged = { ...step, headers: { ...step.headers, 'x-step': step.name } };
      const expected = await send(apolloOnly.server, tagged);
      const seen = await send(withLean.server, tagged);
      const compare = (answer: Seen) => (production ? answer : withoutFrames(answer));
      expect({ step: step.name, ...compare(seen) }).toEqual({ step: step.name, ...compare(expected) });
    }
    expect([...withLean.lean].sort()).toEqual(
      CORPUS.filter((step) => step.lean === true || (step.lean !== false && !production))
        .map((step) => step.name)
        .sort(),
    );
  });

  it('writes a long answer beyond Latin-1 as the same bytes, in pieces rather than as one text', async () => {
    // 20,000 quotes holding ≤ and €: a 420,000-character two-byte text, a large object in V8 as one string
    const step = {
      name: 'a long answer',
      body: { query: QUOTES, variables: { first: 20_000 } },
      lean: true,
      headers: { 'x-step': 'long' },
    };
    const expected = await send(apolloOnly.server, step);
    const seen = await send(withLean.server, step);
    expect(withLean.lean.has('long')).toBe(true);
    expect(seen).toEqual(expected);
    expect(expected.body.length).toBeGreaterThan(2 * 65_536);
    // writeResponseBytes (its own test: the same bytes, no piece a large object), not Apollo Server's one string
    expect(withLean.bodies.get('long')).toBe('bytes');
  });
});
