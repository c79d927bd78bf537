import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#packages/cache/redisTestServer.js';
import { findInputProblem } from '../src/input/findInputProblem.js';
import { generateApiKey } from '../src/keys/generateApiKey.js';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { startTestGateway, type TestGateway } from './support/startTestGateway.js';

const apiSchema = buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));

/** The first input problem of `query` against the public API schema. */
function problemOf(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return findInputProblem(apiSchema, operation, fragments, variables);
}

describe('findInputProblem over the public schema', () => {
  it('names a country, currency, amount or date not in its form, with the form it takes', () => {
    expect(problemOf('{ search(query: "tea", filter: { shipTo: "Germany" }) { edges { cursor } } }')).toEqual({
      argument: 'search(filter.shipTo)',
      problem: expect.stringContaining('"Germany"'),
      accepted: expect.stringContaining('ISO 3166-1 alpha-2'),
    });
    const money = problemOf('query ($input: ImportChargesInput!) { estimateImportCharges(input: $input) { total { amount } } }', {
      input: { origin: 'CN', destination: 'DE', items: [{ hsCode: '090210', quantity: 1, value: { amount: '12.345', currency: 'EUR' } }] },
    });
    expect(money).toMatchObject({
      argument: 'estimateImportCharges(input.items[0].value.amount)',
      problem: expect.stringMatching(/more decimals than EUR/),
    });
    const currency = problemOf('query ($input: ImportChargesInput!) { estimateImportCharges(input: $input) { total { amount } } }', {
      input: { origin: 'CN', destination: 'DE', items: [{ hsCode: '090210', quantity: 1, value: { amount: '12', currency: 'EURO' } }] },
    });
    expect(currency).toMatchObject({
      argument: 'estimateImportCharges(input.items[0].value.currency)',
      accepted: 'an ISO 4217 code such as "EUR"',
    });
    const date = problemOf('query ($input: ImportChargesInput!) { estimateImportCharges(input: $input) { total { amount } } }', {
      input: {
        origin: 'CN',
        destination: 'DE',
        date: '2026-02-30',
        items: [{ hsCode: '090210', quantity: 1, value: { amount: '12', currency: 'EUR' } }],
      },
    });
    expect(date).toMatchObject({ argument: 'estimateImportCharges(input.date)', problem: '"2026-02-30" is not a day of the calendar' });
  });

  it('lets well-formed values through, behind fragments too', () => {
    expect(
      problemOf('{ search(query: "tea", filter: { shipTo: "CA-ON", price: { currency: "JPY", min: "100" } }) { edges { cursor } } }'),
    ).toBeUndefined();
    const spread = problemOf('{ ...F } fragment F on Query { search(query: "tea", filter: { shipTo: "de" }) { edges { cursor } } }');
    expect(spread?.argument).toBe('search(filter.shipTo)');
  });
});

describe('the gateway facing broken subgraphs and stores', () => {
  let subgraphs: FakeSubgraphs;
  let gateway: TestGateway;
  beforeAll(async () => {
    subgraphs = await startFakeSubgraphs();
    gateway = await startTestGateway(subgraphs.supergraphPath);
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraphs?.close();
  });

  it('answers a subgraph’s HTTP 400 as BAD_USER_INPUT, without the subgraph’s URL or a stack', async () => {
    subgraphs.shop.failNext(1, 400);
    const answer = await gateway.post({ query: '{ me }' });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(answer.body)).not.toMatch(/127\.0\.0\.1|stacktrace|INTERNAL_SERVER_ERROR/);
  });

  it('tells a client whose mutation got no answer to send it again with the same idempotency key', async () => {
    const own = await startFakeSubgraphs();
    const writer = generateApiKey({ tier: 'developer', scopes: ['orders:write'] });
    const alone = await startTestGateway(own.supergraphPath, { API_KEYS: writer.line });
    try {
      await own.close(); // the subgraph dies: connections are refused
      const answer = await alone.post({ query: 'mutation { placeOrder(offerId: "o1") }' }, { 'x-api-key': writer.key });
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'RETRYABLE', retryable: true, subgraph: 'shop' });
      expect(answer.body.errors?.[0]?.message).toMatch(/same idempotencyKey/);
      expect(JSON.stringify(answer.body)).not.toMatch(/fetch failed|127\.0\.0\.1/);
    } finally {
      await alone.close();
    }
  });

  it('reports itself ready but degraded while its Redis is unreachable', async () => {
    const port = await freePort();
    const degraded = await startTestGateway(subgraphs.supergraphPath, { REDIS_URL: `redis://127.0.0.1:${port}` });
    try {
      expect((await degraded.post({ query: '{ me }' })).body.errors).toBeUndefined();
      const ready = await fetch(`${degraded.origin}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        ready: true,
        store: 'redis',
        degraded: true,
        reason: expect.stringMatching(/Redis unreachable/),
      });
    } finally {
      await degraded.close();
    }
  });
});
