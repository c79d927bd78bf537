import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDifferentialHarness, type DifferentialHarness } from './support/startDifferentialHarness.js';
import type { TestSubgraph } from './support/TestSubgraph.js';

/** Parties of a shipment: an interface with no object type implementing it anywhere in the supergraph. */
const partiesTypeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  interface Party @key(fields: "id") {
    id: ID!
  }

  type Query {
    consignee: Party
  }
`);

const parties: TestSubgraph = {
  name: 'parties',
  typeDefs: partiesTypeDefs,
  schema: buildSubgraphSchema({
    typeDefs: partiesTypeDefs,
    resolvers: { Query: { consignee: () => ({ __typename: 'Party', id: 'p1' }) } },
  }),
};

/** Denied-party screening: sees every party as one object type, and cannot be asked for one by key. */
const screeningTypeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject"])

  type Party @key(fields: "id", resolvable: false) @interfaceObject {
    id: ID!
    deniedListMatch: Boolean
  }

  type Query {
    lastScreened: Party
  }
`);

const screening: TestSubgraph = {
  name: 'screening',
  typeDefs: screeningTypeDefs,
  schema: buildSubgraphSchema({
    typeDefs: screeningTypeDefs,
    resolvers: { Query: { lastScreened: () => ({ id: 'p2', deniedListMatch: false }) } },
  }),
};

describe('a root field the query planner finds no way to fetch', () => {
  let harness: DifferentialHarness;
  beforeAll(async () => {
    harness = await startDifferentialHarness([parties, screening]);
  });
  afterAll(() => harness?.stop());

  const requestsSent = () => [...harness.subgraphs.values()].reduce((sum, subgraph) => sum + subgraph.requests, 0);

  it('is refused with QUERY_PLANNING_FAILED naming the field, where stock answers null without an error', async () => {
    const before = requestsSent();
    const { stock, engine } = await harness.run({ query: '{ consignee { deniedListMatch } }' });
    expect(stock).toEqual({ data: { consignee: null } });
    expect(engine.data).toBeUndefined();
    expect(engine.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Query.consignee') as unknown,
        extensions: expect.objectContaining({ code: 'QUERY_PLANNING_FAILED', field: 'Query.consignee' }) as unknown,
      }),
    ]);
    expect(requestsSent(), 'neither executor called a subgraph').toBe(before);
  });

  it('is found under an alias, through fragments, beside fields that can be fetched', async () => {
    const query = /* GraphQL */ `
      query Screening {
        lastScreened {
          id
        }
        ...Receiver
      }
      fragment Receiver on Query {
        ... on Query {
          receiver: consignee {
            deniedListMatch
          }
        }
      }
    `;
    const { engine } = await harness.run({ query });
    expect(engine.data).toBeUndefined();
    expect(engine.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'QUERY_PLANNING_FAILED', field: 'Query.consignee' }) as unknown,
      }),
    ]);
  });

  it.each([
    ['a field the planner fetches', '{ lastScreened { id deniedListMatch } }', undefined],
    ['the same field left out by a literal @skip', '{ consignee @skip(if: true) { deniedListMatch } lastScreened { id } }', undefined],
    // whether it is asked for is known per request: the planner's answer stands, as stock gives it
    [
      'the same field under a variable @include',
      'query ($asked: Boolean!) { consignee @include(if: $asked) { deniedListMatch } lastScreened { id } }',
      { asked: true },
    ],
    ['__typename alone', '{ __typename }', undefined],
  ])('is not counted for %s: the engine answers as stock', async (_name, query, variables) => {
    const { stock, engine } = await harness.run({ query, ...(variables && { variables }) });
    expect(engine).toEqual(stock);
    expect(engine.errors).toBeUndefined();
  });
});
