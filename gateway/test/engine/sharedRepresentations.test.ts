import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKLOAD_SUBGRAPHS } from '#bench/workload/workloadSubgraphs.js';
import { BENCHMARK_QUERY } from '#bench/workload/workloadData.js';
import { engineMetrics } from '../../src/engine/index.js';
import { startDifferentialHarness, type DifferentialHarness } from './support/startDifferentialHarness.js';

/**
 * On the public benchmark's subgraphs, `reviews` and `inventory` both take `{ __typename upc }` of
 * the top products, in fetches started together: the representations are built once, and the
 * answer is still stock's.
 */
describe('representations built once for fetches started together', () => {
  let harness: DifferentialHarness;
  beforeAll(async () => {
    harness = await startDifferentialHarness(WORKLOAD_SUBGRAPHS);
  });
  afterAll(() => harness?.stop());

  it('shares them and answers what stock answers', async () => {
    const shared = engineMetrics.representationsShared;
    const asked = engineMetrics.representations;
    const { stock, engine } = await harness.run({ query: '{ topProducts { name inStock reviews { body author { name } } } }' });
    expect(engine).toEqual(stock);
    expect(JSON.stringify(engine)).not.toContain('"errors"');
    // five top products, for reviews and for inventory
    expect(engineMetrics.representationsShared - shared).toBe(5);
    expect(engineMetrics.representations - asked).toBeGreaterThan(10);
  });

  it('answers the benchmark query as stock does', async () => {
    const { stock, engine } = await harness.run({ query: BENCHMARK_QUERY });
    expect(engine).toEqual(stock);
    expect(JSON.stringify(engine)).not.toContain('"errors"');
  });
});
