import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineMetrics } from '../../src/engine/index.js';
import { batchedCorpus, corpus, mergedCorpus, partialFailureCorpus } from './support/corpus.js';
import { startDifferentialHarness, type DifferentialHarness } from './support/startDifferentialHarness.js';
import { catalogSubgraph } from './support/subgraphs/catalogSubgraph.js';
import { logisticsSubgraph } from './support/subgraphs/logisticsSubgraph.js';
import { ratingsSubgraph } from './support/subgraphs/ratingsSubgraph.js';
import { sellersSubgraph } from './support/subgraphs/sellersSubgraph.js';
import type { SubgraphFault } from './support/TestSubgraph.js';

/** The ways a subgraph is made to fail: an HTTP 500, an answer that is not JSON, no answer. */
const FAULTS: readonly SubgraphFault[] = ['http500', 'garbage', 'down'];

/** The partial-failure corpus with the ratings subgraph failing each way: the engine answers as stock, with errors. */
function answersAsStockWithRatingsFailing(harnessOf: () => DifferentialHarness): void {
  for (const fault of FAULTS) {
    it.each(partialFailureCorpus.map((entry) => [entry.name, entry] as const))(`ratings ${fault}: %s`, async (_name, entry) => {
      const ratings = harnessOf().subgraphs.get('ratings')!;
      ratings.fault = fault;
      try {
        const { stock, engine } = await harnessOf().run(entry);
        expect(engine).toEqual(stock);
        expect(JSON.stringify(engine)).toContain('"errors"');
      } finally {
        ratings.fault = 'none';
      }
    });
  }
}

/** The hand-written corpus: stock @apollo/gateway and the engine must answer every operation the same. */
describe('the engine answers what stock @apollo/gateway answers', () => {
  let harness: DifferentialHarness;
  beforeAll(async () => {
    harness = await startDifferentialHarness([catalogSubgraph, logisticsSubgraph, sellersSubgraph, ratingsSubgraph]);
  });
  afterAll(() => harness?.stop());

  it.each(corpus.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const fallbacks = engineMetrics.fallbacks;
    const { stock, engine } = await harness.run(entry);
    expect(engine).toEqual(stock);
    expect(engineMetrics.fallbacks, 'the engine executed it itself').toBe(fallbacks);
  });

  answersAsStockWithRatingsFailing(() => harness);

  it.each(batchedCorpus.map((entry) => [entry.name, entry] as const))('batched: %s', async (_name, entry) => {
    const batched = engineMetrics.entityFetchesBatched;
    const { stock, engine } = await harness.run(entry);
    expect(engine).toEqual(stock);
    expect(engineMetrics.entityFetchesBatched, 'two fetches went as one request').toBeGreaterThan(batched);
  });

  for (const fault of FAULTS) {
    it.each(batchedCorpus.map((entry) => [entry.name, entry] as const))(`sellers ${fault}, batched: %s`, async (_name, entry) => {
      const sellers = harness.subgraphs.get('sellers')!;
      sellers.fault = fault;
      try {
        const { stock, engine } = await harness.run(entry);
        expect(engine).toEqual(stock);
      } finally {
        sellers.fault = 'none';
      }
    });
  }

  it.each(mergedCorpus.map((entry) => [entry.name, entry] as const))('merged: %s', async (_name, entry) => {
    const sent = engineMetrics.subgraphRequests;
    const { stock, engine } = await harness.run(entry);
    expect(engine).toEqual(stock);
    expect(engineMetrics.subgraphRequests - sent, 'entity fetches to one subgraph at different levels went as one request').toBe(
      entry.requests,
    );
  });

  for (const fault of FAULTS) {
    it.each(mergedCorpus.map((entry) => [entry.name, entry] as const))(`sellers ${fault}, merged: %s`, async (_name, entry) => {
      const sellers = harness.subgraphs.get('sellers')!;
      sellers.fault = fault;
      try {
        const { stock, engine } = await harness.run(entry);
        expect(engine).toEqual(stock);
        expect(JSON.stringify(engine)).toContain('"errors"');
      } finally {
        sellers.fault = 'none';
      }
    });
  }

  it('leaves introspection and @defer to stock, and counts it', async () => {
    const before = { ...engineMetrics.fallbackReasons };
    const { stock, engine } = await harness.run({ query: '{ __schema { queryType { name } } offers(first: 1) { id } }' });
    expect(engine).toEqual(stock);
    expect(engineMetrics.fallbackReasons.introspection).toBe(before.introspection + 1);
  });
});

/**
 * The same corpus with every subgraph answer read in pieces (as answers over about 64 KiB are), so the
 * fields each plan allows are passed to the client as the bytes they came in (`RawJson`).
 */
describe('the engine answers what stock answers when it passes fields through as bytes', () => {
  let harness: DifferentialHarness;
  let passedBefore = 0;
  beforeAll(async () => {
    harness = await startDifferentialHarness([catalogSubgraph, logisticsSubgraph, sellersSubgraph, ratingsSubgraph], {
      answerPieceBytes: 1,
    });
    passedBefore = engineMetrics.valuesPassedAsBytes;
  });
  afterAll(() => harness?.stop());

  const entries = [...corpus, ...batchedCorpus, ...mergedCorpus];
  it.each(entries.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const { stock, engine } = await harness.run(entry);
    expect(engine).toEqual(stock);
  });

  answersAsStockWithRatingsFailing(() => harness);

  it('passed values through as bytes on the way', () => {
    expect(engineMetrics.valuesPassedAsBytes).toBeGreaterThan(passedBefore);
  });
});
