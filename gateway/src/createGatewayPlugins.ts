import type { ApolloServerPlugin } from '@apollo/server';
import type { AuthorizationPolicy } from './authorization/AuthorizationPolicy.js';
import type { GatewayConfig } from './config.js';
import type { CostModel } from './demand/CostModel.js';
import type { GatewayContext } from './GatewayContext.js';
import { createOperationLabels, type GatewayMetrics } from './metrics/createGatewayMetrics.js';
import type { PersistedOperationManifest } from './persisted/PersistedOperationManifest.js';
import { useDemandControl } from './plugins/useDemandControl.js';
import { useKnownOperation } from './plugins/useKnownOperation.js';
import { useInputChecks } from './plugins/useInputChecks.js';
import { useMetrics } from './plugins/useMetrics.js';
import { usePersistedQueries } from './plugins/usePersistedQueries.js';
import { useRateLimitHeaders } from './plugins/useRateLimitHeaders.js';
import { useSupergraphAuthorization } from './plugins/useSupergraphAuthorization.js';
import { useResponseCache } from './plugins/useResponseCache.js';
import type { SharedStore } from './store/createSharedStore.js';

/**
 * The gateway's Apollo Server plugins, in the order a request meets them: API key and rate limit
 * are settled earlier, in the context; then the allow-list, the supergraph's access rules, demand control
 * and the checks of argument values refuse an operation before it is planned; then the response cache
 * may answer it without any subgraph.
 */
export function createGatewayPlugins(options: {
  config: GatewayConfig;
  manifest: PersistedOperationManifest;
  metrics: GatewayMetrics;
  store: SharedStore;
  costModel: CostModel;
  /** The access rules of the supergraph in service (they change on reload). */
  authorizationPolicy: () => AuthorizationPolicy;
  /** Which `persistedQuery` extensions the gateway made from a request's text (not APQ hits). Default: none. */
  isRewrittenQuery?: (persistedQuery: unknown) => boolean;
}): ApolloServerPlugin<GatewayContext>[] {
  const { config, manifest, metrics, store } = options;
  const operationLabel = createOperationLabels(new Set(manifest.operations.map((operation) => operation.name)));
  return [
    useMetrics(metrics, operationLabel),
    useRateLimitHeaders(),
    ...(config.PERSISTED_QUERIES === 'off'
      ? []
      : [
          usePersistedQueries({
            manifest,
            allowlist: config.PERSISTED_QUERIES === 'allowlist',
            onOutcome: (outcome) => metrics.cache('apq', outcome),
            ...(options.isRewrittenQuery !== undefined && { isRewritten: options.isRewrittenQuery }),
          }),
        ]),
    useKnownOperation(),
    useSupergraphAuthorization(options.authorizationPolicy),
    useDemandControl({
      model: options.costModel,
      budgets: config.COST_BUDGETS,
      maxDepth: config.MAX_DEPTH,
      maxAliases: config.MAX_ALIASES,
      maxFanOutFields: { 'Query.search': config.MAX_SEARCHES_PER_OPERATION },
      onEstimate: (cost) => metrics.operationCost(cost),
    }),
    useInputChecks(),
    ...(config.RESPONSE_CACHE
      ? [useResponseCache({ store: store.cache.withPrefix('response'), onOutcome: (outcome) => metrics.cache('response', outcome) })]
      : []),
  ];
}
