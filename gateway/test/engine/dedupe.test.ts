import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutionEngine, type ExecutionEngine } from '../../src/engine/index.js';
import { startDifferentialHarness, type DifferentialHarness } from './support/startDifferentialHarness.js';
import { catalogSubgraph } from './support/subgraphs/catalogSubgraph.js';
import { logisticsSubgraph } from './support/subgraphs/logisticsSubgraph.js';
import { ratingsSubgraph } from './support/subgraphs/ratingsSubgraph.js';
import { sellersSubgraph } from './support/subgraphs/sellersSubgraph.js';

/** GATEWAY_DEDUPE=on: identical queries in flight at once reach a subgraph once; mutations never share. */
describe('in-flight de-duplication', () => {
  let harness: DifferentialHarness;
  let deduping: ExecutionEngine;
  let plain: ExecutionEngine;
  beforeAll(async () => {
    harness = await startDifferentialHarness([catalogSubgraph, logisticsSubgraph, sellersSubgraph, ratingsSubgraph]);
    deduping = createExecutionEngine({ supergraphSdl: harness.supergraphSdl, dedupe: true });
    plain = createExecutionEngine({ supergraphSdl: harness.supergraphSdl });
  });
  afterAll(async () => {
    await Promise.all([deduping?.close(), plain?.close()]);
    await harness?.stop();
  });

  const catalogRequests = async (engine: ExecutionEngine, query: string, times: number) => {
    const catalog = harness.subgraphs.get('catalog')!;
    const before = catalog.requests;
    const results = await Promise.all(Array.from({ length: times }, () => engine.execute({ query })));
    return { calls: catalog.requests - before, results };
  };

  it('sends concurrent identical queries once, and each caller gets the full answer', async () => {
    const query = '{ offers(first: 2) { id title seller { name } } }';
    const shared = await catalogRequests(deduping, query, 5);
    const separate = await catalogRequests(plain, query, 5);
    expect(separate.calls).toBe(5); // the catalog answers offers and sellers in one fetch
    expect(shared.calls).toBe(1);
    for (const result of shared.results) expect(result).toEqual(separate.results[0]);
  });

  it('never shares a mutation', async () => {
    const { calls } = await catalogRequests(deduping, 'mutation { renameOffer(id: "o1", title: "Matcha powder") { id } }', 3);
    expect(calls).toBe(3);
  });

  it('answers alike with and without sharing, errors included', async () => {
    const query = '{ offers(first: 5) { id flaky strictNote seller { reviews { stars } } } }';
    const [withSharing] = (await catalogRequests(deduping, query, 3)).results;
    const [without] = (await catalogRequests(plain, query, 1)).results;
    expect(JSON.parse(JSON.stringify(withSharing))).toEqual(JSON.parse(JSON.stringify(without)));
  });
});
