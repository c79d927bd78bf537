import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getVariableValues,
  Kind,
  parse,
  print,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchCatalogDocument, SearchDocument } from '#operations/__generated__/operations.js';
import { readGatewayConfig } from '../src/config.js';
import { estimateOperationCost } from '../src/demand/estimateOperationCost.js';
import { TRADEGRAPH_COST_MODEL } from '../src/demand/tradegraphCostModel.js';
import { generateApiKey } from '../src/keys/generateApiKey.js';
import { TIERS } from '../src/keys/tiers.js';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { startTestGateway, type TestGateway } from './support/startTestGateway.js';

const apiSchema = buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));
const defaults = readGatewayConfig({}, []);

/** The estimate for `document` against the public API schema, with `variables` coerced as execution would. */
function costOf(document: DocumentNode | string, variables: Record<string, unknown> = {}) {
  const parsed = typeof document === 'string' ? parse(document) : document;
  const operation = parsed.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = new Map(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const coerced = getVariableValues(apiSchema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0]!;
  return estimateOperationCost(apiSchema, operation, fragments, coerced.coerced, TRADEGRAPH_COST_MODEL);
}
const search = (first?: number) => ({ query: 'tea', shipTo: 'DE', currency: 'EUR', ...(first !== undefined && { first }) });

describe('estimateOperationCost over the public schema', () => {
  it('lets the contract’s full search run at the catalog’s largest page for every tier, and not at twice that', () => {
    const atFifty = costOf(SearchDocument, search(50)).cost;
    for (const tier of TIERS) expect(atFifty, tier).toBeLessThanOrEqual(defaults.COST_BUDGETS[tier]);
    expect(costOf(SearchDocument, search(100)).cost).toBeGreaterThan(defaults.COST_BUDGETS.developer);
  });

  it('grows with `first`, reading it from a literal, a variable, or its default', () => {
    const ten = costOf(SearchDocument, search(10)).cost;
    expect(costOf(SearchDocument, search()).cost).toBe(ten); // $first: Int = 10
    expect(costOf(SearchDocument, search(20)).cost).toBeGreaterThan(1.9 * ten);
    const literal = costOf(print(SearchCatalogDocument).replace('first: $first', 'first: 10'), search()).cost;
    expect(literal).toBe(costOf(SearchCatalogDocument, search(10)).cost);
  });

  it('counts fields behind fragments and inline fragments as if written in place', () => {
    const inline = costOf('{ search(query: "tea", first: 5) { edges { node { id seller { name } } } } }').cost;
    const spread = costOf(
      '{ search(query: "tea", first: 5) { edges { node { ...F } } } } fragment F on Offer { id ... on Offer { seller { name } } }',
    ).cost;
    expect(spread).toBe(inline);
  });

  it('reports depth and aliases; introspection fields cost nothing and add no depth', () => {
    expect(costOf(SearchDocument, search(10)).depth).toBe(8);
    expect(costOf('{ a: marketplaces { id } b: marketplaces { id } marketplaces { id } }').aliases).toBe(2);
    const introspection = costOf('{ __schema { types { name fields { type { ofType { ofType { ofType { name } } } } } } } }');
    expect(introspection).toEqual({ cost: 0, depth: 0, aliases: 0, fanOutFields: new Map() });
  });

  it('charges a search per marketplace it calls, and counts the searches of an operation', () => {
    const all = costOf('{ search(query: "tea", first: 1) { edges { cursor } } }');
    const two = costOf('{ search(query: "tea", first: 1, filter: { marketplaces: ["cn-jademarket", "br-feira"] }) { edges { cursor } } }');
    expect(all.cost - two.cost).toBe(5 * 10); // five marketplaces fewer, 10 each
    const aliased = Array.from({ length: 30 }, (_, i) => `s${i}: search(query: "tea", first: 50) { edges { cursor } }`).join(' ');
    const thirty = costOf(`{ ${aliased} }`);
    expect(thirty.fanOutFields.get('Query.search')).toBe(30);
    expect(thirty.cost).toBeGreaterThanOrEqual(30 * 7 * 10);
    const spread = costOf('{ ...A ...A } fragment A on Query { search(query: "tea") { edges { cursor } } }');
    expect(spread.fanOutFields.get('Query.search')).toBe(2);
  });
});

describe('demand control in the gateway', () => {
  let subgraphs: FakeSubgraphs;
  let gateway: TestGateway;
  const analyst = generateApiKey({ tier: 'analyst', scopes: [] });
  beforeAll(async () => {
    subgraphs = await startFakeSubgraphs();
    gateway = await startTestGateway(subgraphs.supergraphPath, {
      COST_BUDGETS: 'developer=40,analyst=500',
      MAX_DEPTH: '2',
      MAX_ALIASES: '2',
      MAX_QUERY_TOKENS: '200',
      API_KEYS: analyst.line,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraphs?.close();
  });

  const refused = async (query: string, code: string, headers: Record<string, string> = {}) => {
    const calls = subgraphs.calls();
    const answer = await gateway.post({ query }, headers);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(subgraphs.calls()).toBe(calls);
    return answer;
  };

  it('refuses an over-budget operation before any subgraph is called, stating its cost and the budget', async () => {
    // 50 offers × weight 1 = 50 > 40
    const answer = await refused('{ offers(first: 50) { id title } }', 'COST_ESTIMATED_TOO_EXPENSIVE');
    expect(answer.body.errors?.[0]?.message).toMatch(/estimated cost is 50, over the budget of 40 for the developer tier/);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ cost: 50, budget: 40, tier: 'developer' });
  });

  it('runs what fits, and gives a higher tier its higher budget', async () => {
    expect((await gateway.post({ query: '{ offers(first: 20) { id title } }' })).body.errors).toBeUndefined();
    const answer = await gateway.post({ query: '{ offers(first: 50) { id title } }' }, { 'x-api-key': analyst.key });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.offers).toHaveLength(50);
  });

  it('refuses operations too deep or with too many aliases', async () => {
    const deep = await refused('{ offers(first: 1) { marketplace { id } } }', 'MAX_DEPTH_LIMIT');
    expect(deep.body.errors?.[0]?.message).toBe('The operation is 3 fields deep; at most 2 are allowed');
    expect((await gateway.post({ query: '{ offers(first: 1) { id } }' })).body.errors).toBeUndefined();
    await refused('{ a: me b: me c: me }', 'MAX_ALIASES_LIMIT');
    expect((await gateway.post({ query: '{ a: me b: me }' })).body.errors).toBeUndefined();
  });

  it('refuses an oversized document while parsing, before validation', async () => {
    const query = `{ ${Array.from({ length: 250 }, () => 'me').join(' ')} }`;
    const answer = await refused(query, 'GRAPHQL_PARSE_FAILED');
    expect(answer.body.errors?.[0]?.message).toMatch(/200 tokens/);
  });
});
