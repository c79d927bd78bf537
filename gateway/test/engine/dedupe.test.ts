import { getOperationAST, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutionEngine, engineMetrics, stringifyResponse, type ExecutionEngine } from '../../src/engine/index.js';
import { responseBytes } from '../../src/engine/ExecutionSharing.js';
import type { CacheHint } from '../../src/subgraph/restrictCachePolicy.js';
import { startDifferentialHarness, type DifferentialHarness } from './support/startDifferentialHarness.js';
import { catalogSubgraph } from './support/subgraphs/catalogSubgraph.js';
import { logisticsSubgraph } from './support/subgraphs/logisticsSubgraph.js';
import { ratingsSubgraph } from './support/subgraphs/ratingsSubgraph.js';
import { sellersSubgraph } from './support/subgraphs/sellersSubgraph.js';

let harness: DifferentialHarness;
/** Engines over the same subgraphs: without de-duplication, with `dedupe` (subgraph requests), with `shareExecutions`. */
let plain: ExecutionEngine;
let deduping: ExecutionEngine;
let sharing: ExecutionEngine;
beforeAll(async () => {
  harness = await startDifferentialHarness([catalogSubgraph, logisticsSubgraph, sellersSubgraph, ratingsSubgraph]);
  plain = createExecutionEngine({ supergraphSdl: harness.supergraphSdl });
  deduping = createExecutionEngine({ supergraphSdl: harness.supergraphSdl, dedupe: true });
  sharing = createExecutionEngine({ supergraphSdl: harness.supergraphSdl, shareExecutions: true });
});
afterAll(async () => {
  await Promise.all([plain?.close(), deduping?.close(), sharing?.close()]);
  await harness?.stop();
});

/** GATEWAY_DEDUPE=subgraph: identical queries in flight at once reach a subgraph once; mutations never share. */
describe('in-flight de-duplication', () => {
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

/** GATEWAY_DEDUPE=on: identical client queries in flight at once run once; each request keeps its own cache policy. */
describe('shared executions', () => {
  /** A cache policy as Apollo Server's: narrowed by `restrict`, here remembering each hint. */
  const recordingPolicy = () => {
    const hints: CacheHint[] = [];
    return { hints, restrict: (hint: CacheHint) => void hints.push(hint) };
  };

  interface Call {
    readonly variables?: Record<string, unknown>;
    readonly shareKey?: string;
  }

  const runAll = async (engine: ExecutionEngine, query: string, calls: readonly Call[]) => {
    const document = parse(query);
    const prepared = engine.prepare(query, document, getOperationAST(document)!);
    if (prepared.kind !== 'prepared') throw new Error(`not prepared: ${prepared.reason}`);
    const catalog = harness.subgraphs.get('catalog')!;
    const before = { requests: catalog.requests, shared: engineMetrics.executionsShared };
    const policies = calls.map(() => recordingPolicy());
    const results = await Promise.all(
      calls.map((call, index) =>
        engine.run(prepared, call.variables, { shareKey: call.shareKey ?? 'authorization:key-1', cachePolicy: policies[index] }),
      ),
    );
    return {
      results,
      policies,
      catalogRequests: catalog.requests - before.requests,
      shared: engineMetrics.executionsShared - before.shared,
    };
  };

  const QUERY = 'query Offers($first: Int) { offers(first: $first) { id title seller { name reviews { stars } } } }';

  it('runs five identical queries once and gives each the full answer and every cache hint', async () => {
    const five = Array.from({ length: 5 }, () => ({ variables: { first: 2 } }));
    const shared = await runAll(sharing, QUERY, five);
    const alone = await runAll(plain, QUERY, [{ variables: { first: 2 } }]);
    expect(shared.catalogRequests).toBe(1);
    expect(alone.catalogRequests).toBe(1);
    expect(shared.shared).toBe(4);
    expect(alone.policies[0]!.hints.length).toBeGreaterThan(0);
    for (const [index, result] of shared.results.entries()) {
      expect(result).toEqual(alone.results[0]);
      expect(shared.policies[index]!.hints).toEqual(alone.policies[0]!.hints);
    }
  });

  it('runs separately what differs in variables or in forwarded headers', async () => {
    const byVariables = await runAll(sharing, QUERY, [{ variables: { first: 1 } }, { variables: { first: 2 } }]);
    expect(byVariables.shared).toBe(0);
    expect(byVariables.catalogRequests).toBe(2);
    expect(byVariables.results[0]!.data).not.toEqual(byVariables.results[1]!.data);
    const byHeaders = await runAll(sharing, QUERY, [
      { variables: { first: 2 }, shareKey: 'authorization:key-1' },
      { variables: { first: 2 }, shareKey: 'authorization:key-2' },
    ]);
    expect(byHeaders.shared).toBe(0);
    expect(byHeaders.catalogRequests).toBe(2);
  });

  it('never shares a mutation', async () => {
    const renames = await runAll(sharing, 'mutation { renameOffer(id: "o1", title: "Matcha powder") { id } }', [{}, {}, {}]);
    expect(renames.shared).toBe(0);
    expect(renames.catalogRequests).toBe(3);
  });

  it('writes the text of a shared answer once, and every other answer with JSON.stringify', async () => {
    const { results } = await runAll(sharing, QUERY, [{ variables: { first: 3 } }, { variables: { first: 3 } }]);
    const texts = results.map((result) => stringifyResponse({ errors: undefined, data: result.data, extensions: undefined }));
    expect(texts[0]).toBe(texts[1]);
    expect(texts[0]).toBe(JSON.stringify({ data: results[0]!.data }));
    const [alone] = (await runAll(plain, QUERY, [{ variables: { first: 3 } }])).results;
    expect(stringifyResponse({ data: alone!.data })).toBe(texts[0]);
    const withErrors = { errors: [{ message: 'boom' }], data: results[0]!.data };
    expect(stringifyResponse(withErrors)).toBe(JSON.stringify(withErrors));
  });

  it("writes the bytes of a shared answer once: every request that shared it is sent the same buffer, the text's UTF-8", async () => {
    const { results } = await runAll(sharing, QUERY, [{ variables: { first: 3 } }, { variables: { first: 3 } }]);
    const bytes = results.map((result) => responseBytes({ errors: undefined, data: result.data, extensions: undefined }));
    expect(bytes[0]).toBe(bytes[1]);
    expect(Buffer.from(bytes[0]!).toString('utf8')).toBe(JSON.stringify({ data: results[0]!.data }));
    const [alone] = (await runAll(plain, QUERY, [{ variables: { first: 3 } }])).results;
    const aloneBytes = [responseBytes({ data: alone!.data }), responseBytes({ data: alone!.data })];
    expect(aloneBytes[0]).not.toBe(aloneBytes[1]);
    expect(Buffer.from(aloneBytes[0]!).equals(Buffer.from(bytes[0]!))).toBe(true);
  });
});
