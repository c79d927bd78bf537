import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteKeysWithPrefix, redisUnavailableReason } from '#packages/cache/redisTestServer.js';
import { startCatalog, type TestCatalog } from './startCatalog.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const unavailable = await redisUnavailableReason(REDIS_URL);
if (unavailable !== undefined && process.env.CI !== 'true') {
  console.warn(`Skipping the catalog's Redis cache tests: no Redis at ${REDIS_URL} (${unavailable})`);
}

const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Offer { id title price { amount currency } } } }`;
const SEARCH = `{ search(query: "tea", first: 24) { edges { node { id } } } }`;

async function lookupCalls(catalog: TestCatalog): Promise<number> {
  let calls = 0;
  for (const [id, sandbox] of catalog.sandboxes) {
    if (id.startsWith('fx-')) continue;
    const { byEndpoint } = await sandbox.stats();
    // Every vendor names its lookup differently; search and token calls are not lookups.
    calls += Object.entries(byEndpoint)
      .filter(([endpoint]) => !/search|token|matches/i.test(endpoint))
      .reduce((sum, [, count]) => sum + count, 0);
  }
  return calls;
}

async function resetStats(catalog: TestCatalog) {
  await Promise.all([...catalog.sandboxes.values()].map((sandbox) => sandbox.resetStats()));
}

describe.skipIf(unavailable !== undefined && process.env.CI !== 'true')('offer lookups cached in Redis, shared by replicas', () => {
  const prefix = `tradegraph-test:${randomUUID()}`;
  const started: TestCatalog[] = [];
  afterAll(async () => {
    await Promise.all(started.map((catalog) => catalog.stop()));
    if (unavailable === undefined) await deleteKeysWithPrefix(REDIS_URL, prefix);
  });

  it('reaches Redis (required in CI)', () => {
    expect(unavailable, `Redis at ${REDIS_URL}`).toBeUndefined();
  });

  it('a second replica answers from the first one’s lookups, without calling the marketplaces', async () => {
    const env = { REDIS_URL, CACHE_KEY_PREFIX: prefix };
    const first = await startCatalog(env);
    started.push(first);
    const ids = ((await first.query<{ search: { edges: Array<{ node: { id: string } }> } }>(SEARCH)).data?.search.edges ?? []).map(
      (edge) => edge.node.id,
    );
    expect(ids.length).toBe(24);
    const representations = ids.map((id) => ({ __typename: 'Offer', id }));

    await resetStats(first);
    const fromVendors = await first.query(ENTITIES, { representations });
    expect(fromVendors.errors).toBeUndefined();
    expect(await lookupCalls(first)).toBeGreaterThan(0);

    const second = await startCatalog(env);
    started.push(second);
    await resetStats(second);
    const fromCache = await second.query(ENTITIES, { representations });
    expect(fromCache.data).toEqual(fromVendors.data);
    expect(await lookupCalls(second)).toBe(0);
  });
});
