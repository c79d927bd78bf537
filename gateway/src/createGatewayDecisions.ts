import type { AuthorizationPolicy } from './authorization/AuthorizationPolicy.js';
import type { GatewayConfig } from './config.js';
import type { CostModel } from './demand/CostModel.js';
import { createOperationLabels, type GatewayMetrics } from './metrics/createGatewayMetrics.js';
import type { PersistedOperationManifest } from './persisted/PersistedOperationManifest.js';
import { createDemandControl, type DemandControl } from './plugins/useDemandControl.js';
import { createInputChecks, type InputChecks } from './plugins/useInputChecks.js';
import { createAllowList, type AllowList } from './plugins/usePersistedQueries.js';
import { createResponseCache, type ResponseCache } from './plugins/useResponseCache.js';
import { createSupergraphAuthorization, type SupergraphAuthorization } from './plugins/useSupergraphAuthorization.js';
import type { SharedStore } from './store/createSharedStore.js';

export interface GatewayDecisionOptions {
  config: GatewayConfig;
  manifest: PersistedOperationManifest;
  metrics: GatewayMetrics;
  store: SharedStore;
  costModel: CostModel;
  /** The access rules of the supergraph in service (they change on reload). */
  authorizationPolicy: () => AuthorizationPolicy;
}

/**
 * What the production plugins decide, made once per gateway and shared by the two ways a request
 * is served: the Apollo Server plugins (createGatewayPlugins) and the lean request path
 * (createLeanRequestPath). Sharing the objects shares their memos (decisions kept per operation),
 * the response cache's memory of uncacheable operations, and the bounded set of operation names
 * the metrics label by.
 */
export interface GatewayDecisions {
  readonly operationLabel: (name: string | null | undefined) => string;
  /** Undefined when persisted queries are off. */
  readonly allowList: AllowList | undefined;
  readonly authorization: SupergraphAuthorization;
  readonly demandControl: DemandControl;
  readonly inputChecks: InputChecks;
  /** Undefined when the response cache is off. */
  readonly responseCache: ResponseCache | undefined;
}

export function createGatewayDecisions(options: GatewayDecisionOptions): GatewayDecisions {
  const { config, manifest, metrics, store } = options;
  return {
    operationLabel: createOperationLabels(new Set(manifest.operations.map((operation) => operation.name))),
    allowList: config.PERSISTED_QUERIES === 'off' ? undefined : createAllowList(manifest, config.PERSISTED_QUERIES === 'allowlist'),
    authorization: createSupergraphAuthorization(options.authorizationPolicy),
    demandControl: createDemandControl({
      model: options.costModel,
      budgets: config.COST_BUDGETS,
      maxDepth: config.MAX_DEPTH,
      maxAliases: config.MAX_ALIASES,
      maxFanOutFields: { 'Query.search': config.MAX_SEARCHES_PER_OPERATION },
      onEstimate: (cost) => metrics.operationCost(cost),
    }),
    inputChecks: createInputChecks(),
    responseCache: config.RESPONSE_CACHE
      ? createResponseCache({ store: store.cache.withPrefix('response'), onOutcome: (outcome) => metrics.cache('response', outcome) })
      : undefined,
  };
}
