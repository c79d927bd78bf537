import { readFileSync } from 'node:fs';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { acceptEnforcedFeatures } from '#gateway/src/authorization/acceptEnforcedFeatures.js';

// As the gateway hands it to its planner: the access-rule links it enforces itself lose their `for: SECURITY`.
const supergraph = Supergraph.build(
  acceptEnforcedFeatures(readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8')),
);
const planner = new QueryPlanner(supergraph);

function fetchesOf(node: QueryPlan['node'] | PlanNode): { serviceName: string; operation: string }[] {
  if (!node) return [];
  switch (node.kind) {
    case 'Fetch':
      return [{ serviceName: node.serviceName, operation: node.operation }];
    case 'Sequence':
    case 'Parallel':
      return node.nodes.flatMap(fetchesOf);
    case 'Flatten':
      return fetchesOf(node.node);
    default:
      return [];
  }
}

describe('Seller.trust in search results', () => {
  it('is fetched once per page: one batched _entities call to trust, with the catalog fields it requires', () => {
    const document = parse(/* GraphQL */ `
      query {
        search(query: "basket", first: 20) {
          edges {
            node {
              id
              seller {
                name
                trust {
                  level
                  score
                }
              }
            }
          }
        }
      }
    `);
    const plan: QueryPlan = planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), document));
    const fetches = fetchesOf(plan.node);
    const trust = fetches.filter((fetch) => fetch.serviceName === 'trust');
    expect(trust).toHaveLength(1);
    expect(trust[0]!.operation).toContain('_entities');
    // The catalog fetch that precedes it brings what trust requires, for every seller of the page.
    const catalog = fetches
      .filter((fetch) => fetch.serviceName === 'catalog')
      .map((fetch) => fetch.operation)
      .join('\n');
    expect(catalog).toMatch(/verification\s*\{\s*level/);
    expect(catalog).toMatch(/rating\s*\{\s*average\s+worst\s+best\s+count/);
  });
});
