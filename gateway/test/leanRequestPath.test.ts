import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../src/keys/generateApiKey.js';
import { sha256Hex } from '../src/persisted/PersistedOperationManifest.js';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { startTestGateway, testManifest, type TestGateway } from './support/startTestGateway.js';

/**
 * The lean request path (GATEWAY_LEAN=on, the default) against Apollo Server's pipeline
 * (GATEWAY_LEAN=off): the same requests, in the same order, to two gateways over the same
 * subgraphs must get the same status, headers and body, and leave the same metrics, whichever
 * path served them. Only what depends on the clock is set aside (request ids, seconds until a
 * rate limit resets, stack traces' line numbers).
 */

/** One request of the corpus: a JSON body (or raw text), its headers, and what to do before sending it. */
interface Step {
  readonly name: string;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
  readonly method?: 'POST' | 'GET';
  readonly before?: () => void;
}

/** Headers a client acts on; `retry-after` and `ratelimit-reset` are seconds on the clock: only their presence is compared. */
const COMPARED_HEADERS = [
  'content-type',
  'cache-control',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-policy',
  'www-authenticate',
  'x-cache',
  'age',
  'allow',
];
const CLOCK_HEADERS = ['retry-after', 'ratelimit-reset'];

interface Seen {
  status: number;
  headers: Record<string, string | boolean | null>;
  body: unknown;
}

async function send(gateway: TestGateway, step: Step): Promise<Seen> {
  const headers = { 'content-type': 'application/json', ...step.headers };
  const response =
    step.method === 'GET'
      ? await fetch(`${gateway.url}?${new URLSearchParams(step.body as Record<string, string>).toString()}`, {
          headers: { ...step.headers, 'apollo-require-preflight': 'true' },
        })
      : await fetch(gateway.url, {
          method: 'POST',
          headers,
          body: typeof step.body === 'string' ? step.body : JSON.stringify(step.body),
        });
  const text = await response.text();
  const seenHeaders: Seen['headers'] = {};
  for (const name of COMPARED_HEADERS) seenHeaders[name] = response.headers.get(name);
  for (const name of CLOCK_HEADERS) seenHeaders[name] = response.headers.has(name);
  return { status: response.status, headers: seenHeaders, body: withoutClock(JSON.parse(text) as unknown) };
}

/** The body with stack traces reduced to their presence and seconds-until-retry to a placeholder. */
function withoutClock(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutClock);
  if (typeof value !== 'object' || value === null)
    return typeof value === 'string' ? value.replace(/retry in \d+ s/g, 'retry in N s') : value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => {
      if (key === 'stacktrace') return [key, Array.isArray(entry) && entry.length > 0];
      if (key === 'retryAfterSeconds') return [key, typeof entry];
      return [key, withoutClock(entry)];
    }),
  );
}

/** The gateway's own series that count requests, errors, cache lookups, limits and costs (not latencies). */
async function countedSeries(gateway: TestGateway): Promise<string[]> {
  const text = await (await fetch(`${gateway.origin}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('tradegraph_gateway_'))
    .filter((line) => !/_duration_seconds_(bucket|sum)|process_memory|engine_operations/.test(line))
    .filter((line) => !line.startsWith('tradegraph_gateway_subgraph_request_duration_seconds'))
    .sort();
}

const writer = generateApiKey({ tier: 'developer', scopes: ['orders:write'], id: 'writer' });
const reader = generateApiKey({ tier: 'developer', scopes: [], id: 'reader' });
const analyst = generateApiKey({ tier: 'analyst', scopes: [], id: 'analyst' });
const KEYS = [writer.line, reader.line, analyst.line].join('\n');

/** A registered operation's text, as its client ships it. */
const registered = (name: string) => testManifest.operations.find((operation) => operation.name === name)!.body;
const OFFERS = 'query Offers($first: Int) { offers(first: $first) { id title } }';
const APQ_TEXT = '{ offers(first: 2) { id marketplace { id } } }';

/** Every kind of request a client sends, the common ones twice (the second time an operation is served from its caches). */
function corpus(subgraphs: FakeSubgraphs): Step[] {
  return [
    { name: 'a query that the response cache may hold', body: { query: '{ marketplaces { id name } }' } },
    { name: 'the same, again', body: { query: '{ marketplaces { id name } }' } },
    { name: 'variables', body: { query: OFFERS, variables: { first: 3 } } },
    { name: 'variables, again', body: { query: OFFERS, variables: { first: 3 } } },
    { name: 'variables, other values', body: { query: OFFERS, variables: { first: 4 }, operationName: 'Offers' } },
    { name: 'variables null', body: { query: OFFERS, variables: null, operationName: null } },
    { name: 'an entity join', body: { query: '{ offers(first: 3) { id duty marketplace { name } } }' } },
    { name: 'an entity join, again', body: { query: '{ offers(first: 3) { id duty marketplace { name } } }' } },
    { name: 'bad variables', body: { query: OFFERS, variables: { first: 'three' } } },
    { name: 'a missing variable', body: { query: 'query Q($n: Int!) { offers(first: $n) { id } }', variables: {} } },
    { name: 'a parse error', body: { query: '{ marketplaces { id ' } },
    { name: 'a validation error', body: { query: '{ marketplaces { id nme } }' } },
    { name: 'a validation error, again', body: { query: '{ marketplaces { id nme } }' } },
    { name: 'two operations, one named', body: { query: 'query A { me } query B { marketplaces { id } }', operationName: 'B' } },
    { name: 'two operations, none named', body: { query: 'query A { offers(first: 1) { id } } query B { marketplaces { id } }' } },
    { name: 'an unknown operation name', body: { query: '{ offers(first: 1) { id } }', operationName: 'Nope' } },
    { name: '__typename', body: { query: '{ __typename offers(first: 1) { __typename id } }' } },
    { name: 'introspection', body: { query: '{ __schema { queryType { name } } }' } },
    { name: 'unknown persisted hash', body: { extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } } },
    {
      name: 'APQ registration',
      body: { query: APQ_TEXT, extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(APQ_TEXT) } } },
    },
    { name: 'APQ hit', body: { extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(APQ_TEXT) } } } },
    { name: 'the APQ text as text', body: { query: APQ_TEXT } },
    { name: 'a registered operation', body: { query: registered('Offers'), variables: { first: 2 } } },
    { name: 'a registered operation, again', body: { query: registered('Offers'), variables: { first: 2 } } },
    { name: 'another registered operation', body: { query: registered('Marketplaces') } },
    { name: 'an invalid key', body: { query: '{ offers(first: 1) { id } }' }, headers: { 'x-api-key': 'tg_nope' } },
    { name: 'an @authenticated field without a key', body: { query: '{ myOrders }' } },
    { name: 'an @authenticated field with a key', body: { query: '{ myOrders }' }, headers: { 'x-api-key': reader.key } },
    { name: 'a scope refusal', body: { query: 'mutation { placeOrder(offerId: "offer-1") }' }, headers: { 'x-api-key': reader.key } },
    { name: 'a mutation', body: { query: 'mutation { placeOrder(offerId: "offer-1") }' }, headers: { 'x-api-key': writer.key } },
    { name: 'over budget', body: { query: '{ offers(first: 50) { id title } }' } },
    { name: 'over budget for one tier only', body: { query: '{ offers(first: 50) { id } }' }, headers: { 'x-api-key': analyst.key } },
    { name: 'too deep', body: { query: '{ offers(first: 1) { marketplace { id name } } }' } },
    { name: 'a bad argument', body: { query: '{ rateDate(country: "Germany") }' } },
    { name: 'a bad argument in a variable', body: { query: 'query R($c: String) { rateDate(country: $c) }', variables: { c: 'deu' } } },
    { name: 'a good argument', body: { query: 'query R($c: String) { rateDate(country: $c) }', variables: { c: 'DE' } } },
    { name: 'a subgraph error', body: { query: '{ broken offers(first: 1) { id } }' } },
    { name: 'a subgraph error, again', body: { query: '{ broken offers(first: 1) { id } }' } },
    {
      name: 'a subgraph that is down',
      body: { query: '{ offers(first: 2) { id duty } }' },
      before: () => subgraphs.rates.failNext(2, 503),
    },
    { name: 'accept: graphql-response+json', body: { query: OFFERS }, headers: { accept: 'application/graphql-response+json' } },
    { name: 'accept: json', body: { query: OFFERS }, headers: { accept: 'application/json' } },
    { name: 'accept: nothing we speak', body: { query: OFFERS }, headers: { accept: 'text/csv' } },
    { name: 'text/plain', body: { query: OFFERS }, headers: { 'content-type': 'text/plain' } },
    { name: 'a batch', body: [{ query: OFFERS }] },
    { name: 'a body with no query', body: { variables: {} } },
    { name: 'variables as a string', body: { query: OFFERS, variables: '{}' } },
    { name: 'extensions besides', body: { query: OFFERS, extensions: { tracing: true } } },
    { name: 'a GET', method: 'GET', body: { query: '{ offers(first: 1) { id } }' } },
    { name: 'a buyer language', body: { query: '{ offers(first: 1) { id duty } }' }, headers: { 'accept-language': 'de-DE' } },
  ];
}

describe('the lean request path answers as Apollo Server does', () => {
  let subgraphs: FakeSubgraphs;
  beforeAll(async () => {
    subgraphs = await startFakeSubgraphs();
  });
  afterAll(() => subgraphs?.close());

  const configurations: Array<{ name: string; env: Record<string, string>; steps?: (all: Step[]) => Step[] }> = [
    { name: 'development defaults', env: { API_KEYS: KEYS, COST_BUDGETS: 'developer=40,analyst=500', MAX_DEPTH: '3' } },
    {
      name: 'production (masked errors, no suggestions, introspection off)',
      env: { NODE_ENV: 'production', API_KEYS: KEYS, COST_BUDGETS: 'developer=40,analyst=500', MAX_DEPTH: '3' },
    },
    {
      name: 'production, caches off (masked errors served by the lean path)',
      env: { NODE_ENV: 'production', API_KEYS: KEYS, RESPONSE_CACHE: 'false', SUBGRAPH_CACHE: 'false', MAX_DEPTH: '3' },
    },
    {
      name: 'allow-list, caches off',
      env: { API_KEYS: KEYS, PERSISTED_QUERIES: 'allowlist', RESPONSE_CACHE: 'false', SUBGRAPH_CACHE: 'false' },
    },
    {
      name: 'a rate limit that bites',
      env: { API_KEYS: KEYS, RATE_LIMITS: 'developer=6,marketplace=100,analyst=100', RESPONSE_CACHE: 'false' },
      steps: (all) => all.slice(2, 14),
    },
  ];

  /** A step, with the subgraphs' failures it asks for set before and cleared after. */
  const sendAlone = async (gateway: TestGateway, step: Step) => {
    step.before?.();
    try {
      return await send(gateway, step);
    } finally {
      subgraphs.rates.failNext(0, 503);
      subgraphs.shop.failNext(0, 503);
    }
  };

  for (const configuration of configurations) {
    it(`${configuration.name}: same status, headers, body and metrics`, async () => {
      const lean = await startTestGateway(subgraphs.supergraphPath, { ...configuration.env, GATEWAY_LEAN: 'on' });
      const apollo = await startTestGateway(subgraphs.supergraphPath, { ...configuration.env, GATEWAY_LEAN: 'off' });
      try {
        expect(apollo.gateway.leanRequests).toBeUndefined();
        const steps = (configuration.steps ?? ((all) => all))(corpus(subgraphs));
        for (const step of steps) {
          const viaLean = await sendAlone(lean, step);
          const viaApollo = await sendAlone(apollo, step);
          expect(viaLean, step.name).toEqual(viaApollo);
        }
        expect(await countedSeries(lean)).toEqual(await countedSeries(apollo));
        // the comparison is only worth something if the lean path served much of it
        expect(lean.gateway.leanRequests?.served).toBeGreaterThan(configuration.env.PERSISTED_QUERIES === 'allowlist' ? 1 : 5);
        expect(lean.gateway.leanRequests?.handedOver).toBeGreaterThan(5);
      } finally {
        await Promise.all([lean.close(), apollo.close()]);
      }
    });
  }
});
