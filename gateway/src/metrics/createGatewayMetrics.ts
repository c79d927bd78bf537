import type { AttemptOutcome } from '../createSubgraphFetcher.js';
import { MetricsRegistry } from './MetricsRegistry.js';

export type CacheName = 'apq' | 'response' | 'entity' | 'subgraph';

export interface GatewayMetrics {
  readonly registry: MetricsRegistry;
  /** A GraphQL request answered (by Apollo Server or refused before it), with its HTTP status. */
  request(operation: string, type: string, status: number, seconds?: number): void;
  /** One error code in an answer. */
  error(code: string): void;
  subgraphAttempt(subgraph: string, outcome: AttemptOutcome, seconds: number): void;
  cache(cache: CacheName, result: 'hit' | 'miss' | 'registered', count?: number): void;
  rateLimited(tier: string): void;
  operationCost(cost: number): void;
  supergraphReload(result: 'ok' | 'failed'): void;
}

/** Labels for an operation's name: bounded, because clients choose names and Prometheus pays per series. */
export function createOperationLabels(known: ReadonlySet<string>, maxNames = 100): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (name === null || name === undefined || name === '') return '__anonymous';
    if (known.has(name) || seen.has(name)) return name;
    if (seen.size >= maxNames || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return '__other';
    seen.add(name);
    return name;
  };
}

/**
 * The gateway's series. Store outages show as `tradegraph_gateway_store_errors_total` (operations
 * the shared store failed and that were served as misses or decided in process).
 */
export function createGatewayMetrics(options: { storeErrors: () => { cache: number; rateLimit: number } }): GatewayMetrics {
  const registry = new MetricsRegistry();
  const requests = registry.counter('tradegraph_gateway_requests_total', 'GraphQL requests answered, by operation, type and HTTP status.');
  const duration = registry.histogram('tradegraph_gateway_request_duration_seconds', 'Time to answer a GraphQL request, by operation.');
  const errors = registry.counter('tradegraph_gateway_errors_total', 'Errors in answers, by extensions.code.');
  const subgraphRequests = registry.counter(
    'tradegraph_gateway_subgraph_requests_total',
    'HTTP attempts to subgraphs, by subgraph and upstream status (HTTP status, timeout or network_error).',
  );
  const subgraphDuration = registry.histogram('tradegraph_gateway_subgraph_request_duration_seconds', 'Time of one subgraph attempt.');
  const cacheLookups = registry.counter(
    'tradegraph_gateway_cache_lookups_total',
    'Lookups by cache (apq, response, entity, subgraph) and result (hit, miss, registered).',
  );
  const limited = registry.counter('tradegraph_gateway_rate_limited_total', 'Requests refused by a rate limit, by tier.');
  const cost = registry.histogram(
    'tradegraph_gateway_operation_cost',
    'Estimated static cost of operations.',
    [10, 100, 500, 1_000, 5_000, 10_000, 50_000, 100_000],
  );
  const reloads = registry.counter('tradegraph_gateway_supergraph_reloads_total', 'Supergraph reloads from its file, by result.');
  // the process's memory, read when scraped: a heap that keeps growing under steady load is a leak (BENCHMARKS.md, the soak)
  registry.collected(
    'tradegraph_gateway_process_memory_bytes',
    'Memory of the gateway process by kind (rss, heap_used, heap_total, external).',
    'gauge',
    () => {
      const memory = process.memoryUsage();
      return [
        { labels: { kind: 'rss' }, value: memory.rss },
        { labels: { kind: 'heap_used' }, value: memory.heapUsed },
        { labels: { kind: 'heap_total' }, value: memory.heapTotal },
        { labels: { kind: 'external' }, value: memory.external },
      ];
    },
  );
  registry.collected('tradegraph_gateway_store_errors_total', 'Shared-store operations that failed and were degraded.', 'counter', () => {
    const counts = options.storeErrors();
    return [
      { labels: { store: 'cache' }, value: counts.cache },
      { labels: { store: 'rate_limit' }, value: counts.rateLimit },
    ];
  });

  // every request, subgraph attempt and cache lookup lands here: each label set's series is resolved once
  const attemptSeries = boundSeries((subgraph: string, outcome: string) => ({
    count: subgraphRequests.bind({ subgraph, status: outcome }),
    observe: subgraphDuration.bind({ subgraph }),
  }));
  const requestSeries = boundSeries((operation: string, typeAndStatus: string) => {
    const [type = '', status = ''] = typeAndStatus.split(' ');
    return { count: requests.bind({ operation, type, status }), observe: duration.bind({ operation }) };
  });
  const cacheSeries = boundSeries((cache: string, result: string) => cacheLookups.bind({ cache, result }));
  return {
    registry,
    request(operation, type, status, seconds) {
      const series = requestSeries(operation, `${type} ${status}`);
      series.count();
      if (seconds !== undefined) series.observe(seconds);
    },
    error: (code) => errors.inc({ code }),
    subgraphAttempt(subgraph, outcome, seconds) {
      const series = attemptSeries(subgraph, outcome);
      series.count();
      series.observe(seconds);
    },
    cache: (cache, result, count = 1) => cacheSeries(cache, result)(count),
    rateLimited: (tier) => limited.inc({ tier }),
    operationCost: (value) => cost.observe({}, value),
    supergraphReload: (result) => reloads.inc({ result }),
  };
}

/** Series bound once per pair of label values, found again by two map lookups (no label object, no key string). */
function boundSeries<T>(bind: (first: string, second: string) => T): (first: string, second: string) => T {
  const byFirst = new Map<string, Map<string, T>>();
  return (first, second) => {
    let bySecond = byFirst.get(first);
    if (bySecond === undefined) byFirst.set(first, (bySecond = new Map<string, T>()));
    let series = bySecond.get(second);
    if (series === undefined) bySecond.set(second, (series = bind(first, second)));
    return series;
  };
}
