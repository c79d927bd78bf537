import type { ApolloServerPlugin } from '@apollo/server';
import { createGatewayDecisions, type GatewayDecisionOptions, type GatewayDecisions } from './createGatewayDecisions.js';
import type { GatewayContext } from './GatewayContext.js';
import { useDemandControl } from './plugins/useDemandControl.js';
import { useKnownOperation } from './plugins/useKnownOperation.js';
import { useInputChecks } from './plugins/useInputChecks.js';
import { useMetrics } from './plugins/useMetrics.js';
import { usePersistedQueries } from './plugins/usePersistedQueries.js';
import { useRateLimitHeaders } from './plugins/useRateLimitHeaders.js';
import { useSupergraphAuthorization } from './plugins/useSupergraphAuthorization.js';
import { useResponseCache } from './plugins/useResponseCache.js';

/**
 * The gateway's Apollo Server plugins, in the order a request meets them: API key and rate limit
 * are settled earlier, in the context; then the allow-list, the supergraph's access rules, demand control
 * and the checks of argument values refuse an operation before it is planned; then the response cache
 * may answer it without any subgraph. Their decisions are `decisions` (made here when not given),
 * which the lean request path shares.
 */
export function createGatewayPlugins(
  options: GatewayDecisionOptions & {
    /** The decisions the plugins make, shared with the lean request path. Default: made here. */
    decisions?: GatewayDecisions;
    /** Which `persistedQuery` extensions the gateway made from a request's text (not APQ hits). Default: none. */
    isRewrittenQuery?: (persistedQuery: unknown) => boolean;
  },
): ApolloServerPlugin<GatewayContext>[] {
  const { config, manifest, metrics } = options;
  const decisions = options.decisions ?? createGatewayDecisions(options);
  return [
    useMetrics(metrics, decisions.operationLabel),
    useRateLimitHeaders(),
    ...(config.PERSISTED_QUERIES === 'off'
      ? []
      : [
          usePersistedQueries({
            manifest,
            allowlist: config.PERSISTED_QUERIES === 'allowlist',
            ...(decisions.allowList !== undefined && { allowList: decisions.allowList }),
            onOutcome: (outcome) => metrics.cache('apq', outcome),
            ...(options.isRewrittenQuery !== undefined && { isRewritten: options.isRewrittenQuery }),
          }),
        ]),
    useKnownOperation(),
    useSupergraphAuthorization(decisions.authorization),
    useDemandControl(decisions.demandControl),
    useInputChecks(decisions.inputChecks),
    ...(decisions.responseCache !== undefined ? [useResponseCache(decisions.responseCache)] : []),
  ];
}
