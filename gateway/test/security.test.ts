import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SERVICE_SECRET } from '#test/support/serviceSecret.js';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { PRODUCTION_TEST_API_KEYS, startTestGateway, type TestGateway } from './support/startTestGateway.js';

let subgraphs: FakeSubgraphs;
beforeAll(async () => {
  subgraphs = await startFakeSubgraphs();
});
afterAll(() => subgraphs.close());

const registration = (query: string) => ({
  query,
  extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } },
});

describe('limits on what a client can make the gateway hold', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(subgraphs.supergraphPath, {
      MAX_QUERY_LENGTH: '2000',
      MAX_STRING_LITERAL_LENGTH: '100',
      APQ_REGISTRATION_LIMITS: 'developer=3',
    });
  });
  afterAll(() => gateway?.close());

  it('refuses query text over MAX_QUERY_LENGTH before parsing it, naming the limit', async () => {
    const calls = subgraphs.calls();
    const long = await gateway.post({ query: `{ me } # ${'x'.repeat(2_000)}` });
    expect(long.status).toBe(400);
    expect(long.body.errors?.[0]).toMatchObject({
      message: 'The query is 2009 characters long; at most 2000 are accepted',
      extensions: { code: 'MAX_QUERY_LENGTH_LIMIT', limit: 2_000, length: 2_009 },
    });
    // text that does not even parse is refused for its length first: the parser never sees it
    expect((await gateway.post({ query: `{ ${'('.repeat(3_000)}` })).body.errors?.[0]?.extensions?.code).toBe('MAX_QUERY_LENGTH_LIMIT');
    expect(subgraphs.calls()).toBe(calls);
  });

  it('refuses a string literal over MAX_STRING_LITERAL_LENGTH, however few tokens it makes', async () => {
    const literal = await gateway.post({ query: `{ rateDate(country: "${'D'.repeat(150)}") }` });
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0]?.extensions).toMatchObject({ code: 'MAX_STRING_LITERAL_LIMIT', limit: 100, length: 152 });
    const block = await gateway.post({ query: `{ rateDate(country: """${'D'.repeat(150)}""") }` });
    expect(block.body.errors?.[0]?.extensions?.code).toBe('MAX_STRING_LITERAL_LIMIT');
    // the same characters in a comment are no literal
    expect((await gateway.post({ query: `{ rateDate(country: "DE") } # ${'D'.repeat(150)}` })).body.data).toEqual({
      rateDate: '2025-01-01/DE',
    });
  });

  it('counts APQ registrations against their own, stricter limit, and leaves other requests alone', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await gateway.post(registration(`query Registration${i} { me }`)));
    expect(answers.slice(0, 3).map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers[3]!.status).toBe(429);
    expect(answers[3]!.body.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', limit: 3 } });
    expect(answers[3]!.body.errors?.[0]?.message).toMatch(/3 APQ registrations per 60 s/);
    expect((await gateway.post({ query: '{ me }' })).status).toBe(200);
  });
});

describe('failed API keys', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(subgraphs.supergraphPath, { FAILED_KEY_LIMIT: '3' });
  });
  afterAll(() => gateway?.close());

  it('are throttled per address: past the limit, the address is refused with 429 and Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await gateway.post({ query: '{ me }' }, { 'x-api-key': `tg_guess_${i}` })).status);
    expect(statuses).toEqual([401, 401, 401]);
    const throttled = await gateway.post({ query: '{ me }' }, { 'x-api-key': 'tg_guess_4' });
    expect(throttled.status).toBe(429);
    expect(throttled.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await gateway.post({ query: '{ me }' })).status).toBe(429);
  });
});

describe('in production', () => {
  let production: TestGateway;
  let development: TestGateway;
  beforeAll(async () => {
    production = await startTestGateway(subgraphs.supergraphPath, {
      NODE_ENV: 'production',
      SERVICE_SECRET: TEST_SERVICE_SECRET,
      API_KEYS: PRODUCTION_TEST_API_KEYS,
    });
    development = await startTestGateway(subgraphs.supergraphPath);
  });
  afterAll(async () => {
    await production?.close();
    await development?.close();
  });

  it('suggests no field names ("Did you mean …"), which would show the schema to a client that may not introspect it', async () => {
    const typo = { query: '{ offerz(first: 1) { id } }' };
    expect((await development.post(typo)).body.errors?.[0]?.message).toMatch(/Did you mean "offers"/);
    const answer = await production.post(typo);
    expect(answer.body.errors?.[0]?.message).toBe('Cannot query field "offerz" on type "Query".');
    expect(JSON.stringify(answer.body)).not.toMatch(/Did you mean|offers/);
  });
});

describe('request logs', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(subgraphs.supergraphPath);
  });
  afterAll(() => gateway?.close());

  it('show a GET request’s path, never its query string (variables can hold a buyer’s email)', async () => {
    const search = new URLSearchParams({
      query: 'query ($c: String) { rateDate(country: $c) }',
      variables: JSON.stringify({ c: 'ana@example.com' }),
    });
    const response = await fetch(`${gateway.url}?${search.toString()}`, {
      headers: { 'apollo-require-preflight': '1', 'x-request-id': 'get-log-1' },
    });
    expect(response.status).toBe(200);
    const line = gateway.logs.find((entry) => entry.requestId === 'get-log-1' && entry.msg === 'request');
    expect(line).toMatchObject({ method: 'GET', path: '/graphql' });
    expect(JSON.stringify(gateway.logs)).not.toMatch(/ana@example\.com|ana%40example/);
  });
});

describe('requests that name no runnable operation', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(subgraphs.supergraphPath);
  });
  afterAll(() => gateway?.close());

  it('answers an unknown operationName, or several operations and no name, with 400 and no subgraph call (it was a 500)', async () => {
    const calls = subgraphs.calls();
    const unknown = await gateway.post({ query: 'query Me { me }', operationName: 'NoSuchOperation' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]).toMatchObject({
      message: 'Unknown operation named "NoSuchOperation".',
      extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
    });
    const unnamed = await gateway.post({ query: 'query A { me } query B { me }' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(subgraphs.calls()).toBe(calls);
  });

  it('answers a subscription, which the API has none of, with 400 GRAPHQL_VALIDATION_FAILED (it was a 500)', async () => {
    const subscription = await gateway.post({ query: 'subscription { me }' });
    expect(subscription.status).toBe(400);
    expect(subscription.body.errors?.[0]).toMatchObject({
      message: 'This API has no subscription operations.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
