import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchDocument, type SearchQuery } from '#operations/__generated__/operations.js';
import { startHiveGateway, type Target } from '#bench/startTarget.js';
import { freePorts } from '#scripts/stack/freePorts.js';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { graphqlRequest, type GraphQLResponse } from '../support/graphqlRequest.js';

/**
 * The contract's search with landed costs on another Federation 2 gateway: `@graphql-hive/gateway`
 * (a devDependency) over the same supergraph file and the same subgraph processes as ours. Its plans
 * reach customs' `@requires` of logistics and payments' `@requires` of customs; its answer must be
 * ours, apart from what differs by the moment it was made.
 */
describe('the contract search through Hive Gateway', () => {
  const secret = randomBytes(32).toString('base64url');
  let stack: RunningStack;
  let hive: Target;
  beforeAll(async () => {
    stack = await launchStack({ ports: 'free', env: { SERVICE_SECRET: secret } });
    const [port] = await freePorts(1);
    const started = await startHiveGateway('hive-gateway', stack.supergraphPath, port!, false, { serviceSecret: secret });
    if (started === undefined) throw new Error('@graphql-hive/gateway is not installed (a devDependency): run npm ci');
    hive = started;
  }, 300_000); // eight services, then Hive Gateway, on a shared machine: launchStack allows each 150 s
  afterAll(async () => {
    await hive?.stop();
    await stack?.stop();
  });

  const VARIABLES = { query: 'tea', shipTo: 'DE', currency: 'EUR', first: 10 } as const;
  /** Both answers from a moment when every marketplace answered both gateways in time (a loaded machine can miss the deadline). */
  const answers = async (): Promise<[GraphQLResponse<SearchQuery>, GraphQLResponse<SearchQuery>]> => {
    let pair: [GraphQLResponse<SearchQuery>, GraphQLResponse<SearchQuery>] | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      pair = await Promise.all([
        graphqlRequest(stack.gatewayUrl, SearchDocument, VARIABLES),
        graphqlRequest(hive.url, SearchDocument, VARIABLES),
      ]);
      if (pair.every((answer) => answer.data?.search.sources.every((source) => source.status === 'OK'))) break;
    }
    return pair!;
  };
  // Made at the moment of each answer: the signed quote (it holds its issue time), its expiry, a marketplace's latency.
  const timeless = (answer: GraphQLResponse<SearchQuery>) =>
    JSON.parse(JSON.stringify(answer), (key, value: unknown) => (['quoteId', 'expiresAt', 'latencyMs'].includes(key) ? undefined : value));

  it('answers search.graphql in full, every option with its import charges and landed cost, as our gateway does', async () => {
    const [ours, theirs] = await answers();
    expect(theirs.errors).toBeUndefined();
    expect(ours.errors).toBeUndefined();
    const options = theirs.data!.search.edges.flatMap((edge) => edge.node.shippingOptions);
    expect(options.length).toBeGreaterThan(10);
    for (const option of options) {
      expect(option.importCharges, option.id).not.toBeNull();
      expect(option.landedCost?.lines.length, option.id).toBeGreaterThan(0);
    }
    expect(timeless(theirs)).toEqual(timeless(ours));
  });

  it("issues quotes our gateway reads back: each of Hive's quote ids fixes the total it showed", async () => {
    const [, theirs] = await answers();
    const option = theirs.data!.search.edges[0]!.node.shippingOptions[0]!;
    const read = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($id: ID!) { quote(quoteId: $id) { total { amount currency } } }',
        variables: { id: option.landedCost!.quoteId },
      }),
    }).then((response) => response.json() as Promise<GraphQLResponse<{ quote: { total: { amount: string; currency: string } } }>>);
    expect(read.errors).toBeUndefined();
    expect(read.data!.quote.total).toEqual(option.landedCost!.total);
  });
});
