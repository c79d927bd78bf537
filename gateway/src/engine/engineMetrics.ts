/** Why an operation was handed to `@apollo/gateway`'s own executor instead of ours. */
export type FallbackReason =
  'defer' | 'subscription' | 'introspection' | 'queryPlanHeader' | 'contextRewrites' | 'unsupportedPlanNode' | 'planningFailed';

/**
 * Counters of the Tradegraph execution engine, process-wide. A plain object so the gateway's
 * `/metrics` endpoint can print it as it is, without a metrics library in the hot path.
 */
export interface EngineMetrics {
  /** Operations executed by the engine. */
  executed: number;
  /** Operations handed to the stock executor, and why. */
  fallbacks: number;
  fallbackReasons: Record<FallbackReason, number>;
  /** Plans built (cache misses) and served from the plan cache. */
  plansBuilt: number;
  planCacheHits: number;
  /** Requests that reached a subgraph over HTTP. */
  subgraphRequests: number;
  /** Subgraph requests answered by an identical request already in flight (GATEWAY_DEDUPE=subgraph or on). */
  subgraphRequestsDeduplicated: number;
  /** Requests answered by an identical query's run already in flight (GATEWAY_DEDUPE=on). */
  executionsShared: number;
  /** Entity fetches sent in one request with another fetch of the same request (`EntityBatcher`). */
  entityFetchesBatched: number;
  /** Entity representations the plans asked for, and how many were left out as duplicates. */
  representations: number;
  representationsDeduplicated: number;
  /** Representations not built again: another fetch started with it on the same entities had built the same ones. */
  representationsShared: number;
  /** Values of subgraph answers written to the client as the bytes they came in, never parsed (`RawJson`). */
  valuesPassedAsBytes: number;
}

/** The engine's counters; see {@link EngineMetrics}. */
export const engineMetrics: EngineMetrics = {
  executed: 0,
  fallbacks: 0,
  fallbackReasons: {
    defer: 0,
    subscription: 0,
    introspection: 0,
    queryPlanHeader: 0,
    contextRewrites: 0,
    unsupportedPlanNode: 0,
    planningFailed: 0,
  },
  plansBuilt: 0,
  planCacheHits: 0,
  subgraphRequests: 0,
  subgraphRequestsDeduplicated: 0,
  executionsShared: 0,
  entityFetchesBatched: 0,
  representations: 0,
  representationsDeduplicated: 0,
  representationsShared: 0,
  valuesPassedAsBytes: 0,
};

/** Counts one operation that went to the stock executor. */
export function countFallback(reason: FallbackReason): void {
  engineMetrics.fallbacks++;
  engineMetrics.fallbackReasons[reason]++;
}
