import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from '#packages/log/index.js';
import { PROMETHEUS_CONTENT_TYPE, renderProcessMetrics } from '#packages/metrics/index.js';
import { createPrincipalSigner, PRINCIPAL_HEADER, principalKeyFrom } from '#packages/principal/index.js';
import { createApolloServer, createGraphQLHttpServer, loadServiceSecret } from '#packages/server/index.js';
import type { ExecutionEngine } from './engine/createExecutionEngine.js';
import { engineMetrics } from './engine/engineMetrics.js';
import { stringifyResponse } from './engine/ExecutionSharing.js';
import { useExecutionEngine } from './engine/useExecutionEngine.js';
import { keepNamesOneByte } from './engine/keepNamesOneByte.js';
import { createSubgraphFetchCache } from './cache/createSubgraphFetchCache.js';
import { acceptEnforcedFeatures } from './authorization/acceptEnforcedFeatures.js';
import { readAuthorizationPolicy } from './authorization/readAuthorizationPolicy.js';
import { checkSubgraphs } from './checkSubgraphs.js';
import type { GatewayConfig } from './config.js';
import { createGatewayPlugins } from './createGatewayPlugins.js';
import { createGatewayDecisions } from './createGatewayDecisions.js';
import { createRequestContexts } from './createRequestContext.js';
import { TRADEGRAPH_COST_MODEL } from './demand/tradegraphCostModel.js';
import type { GatewayContext } from './GatewayContext.js';
import { PUBLIC_GATEWAY_ERROR_CODES } from './gatewayError.js';
import { createApiKeyAuthenticator } from './keys/createApiKeyAuthenticator.js';
import { createLeanRequestPath } from './lean/createLeanRequestPath.js';
import { errorFormattingOf } from '#packages/server/formatResultErrors.js';
import { readApiKeys } from './keys/readApiKeys.js';
import { ANONYMOUS_TIER } from './keys/tiers.js';
import { createReloadGate } from './lifecycle/createReloadGate.js';
import { supergraphFromFile } from './lifecycle/supergraphFromFile.js';
import { withReloadGate } from './lifecycle/withReloadGate.js';
import { createFailedKeyThrottle } from './limits/createFailedKeyThrottle.js';
import { createRateLimiter } from './limits/createRateLimiter.js';
import { createGatewayMetrics, type GatewayMetrics } from './metrics/createGatewayMetrics.js';
import { developmentKeyRecord } from './keys/developmentKeyRecord.js';
import { explorerRoutes } from './web/explorerRoutes.js';
import { WEB_PAGES, webPageRoutes } from './web/webPageRoutes.js';
import { createPersistedQueryStore } from './persisted/createPersistedQueryStore.js';
import { asPersistedQuery, createQueryHashes, withRequestTexts } from './persisted/createQueryHashes.js';
import { loadPersistedOperations } from './persisted/loadPersistedOperations.js';
import { readSubgraphUrls } from './readSubgraphUrls.js';
import { createSharedStore, type SharedStore } from './store/createSharedStore.js';
import { LogSpanExporter } from './tracing/LogSpanExporter.js';
import { startTracing } from './tracing/startTracing.js';
import { UndiciDataSource } from './UndiciDataSource.js';

export interface GatewayOptions {
  config: GatewayConfig;
  logger: Logger;
  /** Where spans go when OTEL_TRACES is on. Default: JSON log lines. Tests pass an in-memory exporter. */
  spanExporter?: SpanExporter;
}

export interface Gateway {
  readonly httpServer: Server;
  /** The subgraphs of the supergraph in service (it changes on reload). */
  readonly subgraphUrls: ReadonlyMap<string, string>;
  readonly metrics: GatewayMetrics;
  readonly store: SharedStore;
  /** The Tradegraph execution engine serving the current supergraph; undefined with GATEWAY_ENGINE=stock. */
  readonly engine: ExecutionEngine | undefined;
  /** Requests the lean request path answered and handed to Apollo Server; undefined when it is off (GATEWAY_LEAN). */
  readonly leanRequests: { readonly served: number; readonly handedOver: number } | undefined;
  /** Drains in-flight requests (up to SHUTDOWN_GRACE_MS), then releases subgraph pools, store and tracing. */
  stop(): Promise<void>;
}

/** How long a `/ready` answer about the subgraphs is reused, so probes don't flood them. */
const READINESS_TTL_MS = 2_000;

/** Apollo Server + @apollo/gateway over a supergraph file, served on node:http, ready for production. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config, logger } = options;
  const production = config.NODE_ENV === 'production';
  const initialSdl = keepNamesOneByte(readFileSync(config.SUPERGRAPH_PATH, 'utf8'));
  let subgraphUrls = readSubgraphUrls(initialSdl);
  let authorizationPolicy = readAuthorizationPolicy(initialSdl);
  if (subgraphUrls.size === 0) throw new Error('The supergraph names no subgraphs (no @join__graph): is it a composed supergraph?');

  const manifest = loadPersistedOperations(config.PERSISTED_QUERIES_MANIFEST, config.PERSISTED_QUERIES, logger);
  const apiKeys = readApiKeys({ file: config.API_KEYS_FILE, inline: config.API_KEYS });
  const authenticate = createApiKeyAuthenticator([
    ...apiKeys,
    ...(config.DEVELOPMENT_API_KEY !== undefined ? [developmentKeyRecord(config.DEVELOPMENT_API_KEY, production)] : []),
  ]);
  const signPrincipal = createPrincipalSigner(principalKeyFrom(loadServiceSecret(config)));
  if (production && apiKeys.length === 0 && authorizationPolicy.size > 0) {
    throw new Error(
      'API keys are required when NODE_ENV is production and the supergraph declares @authenticated or @requiresScopes: ' +
        'set API_KEYS_FILE or API_KEYS (make a key with `npm run apikey`)',
    );
  }
  const store = await createSharedStore({
    redisUrl: config.REDIS_URL,
    keyPrefix: config.CACHE_KEY_PREFIX,
    maxEntries: config.STORE_MAX_ENTRIES,
    maxBytes: config.STORE_MAX_BYTES,
    maxValueBytes: config.STORE_MAX_VALUE_BYTES,
    logger,
  });
  const metrics = createGatewayMetrics({ storeErrors: () => store.errors() });
  if (config.GATEWAY_ENGINE === 'tradegraph') {
    metrics.registry.collected(
      'tradegraph_gateway_engine_operations_total',
      "Operations the Tradegraph engine executed (reason none), or handed to @apollo/gateway's executor, by reason. Process-wide.",
      'counter',
      () => [
        { labels: { executor: 'tradegraph', reason: 'none' }, value: engineMetrics.executed },
        ...Object.entries(engineMetrics.fallbackReasons).map(([reason, value]) => ({ labels: { executor: 'stock', reason }, value })),
      ],
    );
    metrics.registry.collected(
      'tradegraph_gateway_engine_values_passed_as_bytes_total',
      'Values of subgraph answers the engine wrote to clients as the bytes they came in, never parsed. Process-wide.',
      'counter',
      () => [{ labels: {}, value: engineMetrics.valuesPassedAsBytes }],
    );
  }
  const tracing = config.OTEL_TRACES
    ? startTracing(options.spanExporter ?? new LogSpanExporter(logger.child({ component: 'tracing' })))
    : undefined;
  const rateLimiter = createRateLimiter({
    window: store.windows,
    limits: config.RATE_LIMITS,
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    onLimited: (principal) => metrics.rateLimited(principal.tier),
  });
  const fetchCache = config.SUBGRAPH_CACHE
    ? createSubgraphFetchCache({
        store: store.cache.withPrefix('subgraph'),
        onOutcome: ({ kind, result, count }) => metrics.cache(kind, result, count),
      })
    : undefined;

  const dataSources = new Map<string, UndiciDataSource>();
  const retiring = new Set<Promise<void>>();
  const gate = createReloadGate();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile({
      path: config.SUPERGRAPH_PATH,
      initialSdl,
      pollMs: config.SUPERGRAPH_POLL_MS,
      logger,
      gate,
      handOver: (sdl) => acceptEnforcedFeatures(keepNamesOneByte(sdl)),
      onReload: (result) => {
        metrics.supergraphReload(result.ok ? 'ok' : 'failed');
        if (result.ok) {
          subgraphUrls = readSubgraphUrls(result.supergraphSdl);
          authorizationPolicy = readAuthorizationPolicy(result.supergraphSdl);
        }
      },
    }),
    // Query plans are cached by @apollo/gateway per operation (an LRU of ~30 MiB), cleared on each reload.
    // Showing a plan to a client that asks for it (a request header) is for development only.
    __exposeQueryPlanExperimental: !production,
    logger: {
      debug: (message) => logger.debug(String(message)),
      info: (message) => logger.info(String(message)),
      warn: (message) => logger.warn(String(message)),
      error: (message) => logger.error(String(message)),
    },
    buildService: ({ name, url }) => {
      if (url === undefined) throw new Error(`Subgraph ${name} has no routing URL in the supergraph`);
      const source = new UndiciDataSource({
        name,
        url,
        timeoutMs: config.SUBGRAPH_TIMEOUTS.get(name) ?? config.SUBGRAPH_TIMEOUT_MS,
        connections: config.SUBGRAPH_CONNECTIONS,
        retries: config.SUBGRAPH_RETRIES,
        ...(fetchCache !== undefined && { fetchCache }),
        onAttempt: (subgraph, outcome, seconds) => metrics.subgraphAttempt(subgraph, outcome, seconds),
      });
      // A reload that moved a subgraph (built while the reload gate holds executions back): nothing uses its old pool any more.
      const replaced = dataSources.get(name);
      if (replaced !== undefined) {
        const closing = replaced.pool.close().finally(() => retiring.delete(closing));
        retiring.add(closing);
      }
      dataSources.set(name, source);
      return source;
    },
  });

  // a full-text request's hash is computed once per text, and Apollo Server looks the request up by it (createQueryHashes)
  const textHashes = createQueryHashes();
  const queryHashes = config.PERSISTED_QUERIES === 'off' ? undefined : textHashes;
  const persistedQueries =
    config.PERSISTED_QUERIES === 'off' || queryHashes === undefined
      ? (false as const)
      : {
          cache: withRequestTexts(
            createPersistedQueryStore({
              manifest,
              mode: config.PERSISTED_QUERIES,
              store: store.cache.withPrefix('apq'),
              ttlSeconds: config.APQ_TTL_SECONDS,
            }),
            queryHashes,
          ),
          ttl: config.APQ_TTL_SECONDS,
        };
  const engineGateway = useExecutionEngine(gateway, {
    engine: config.GATEWAY_ENGINE,
    dedupe: config.GATEWAY_DEDUPE !== 'off',
    shareExecutions: config.GATEWAY_DEDUPE === 'on',
    tracing: config.OTEL_TRACES,
    // its subgraph calls go through the data sources built above (cache, retries, metrics, headers);
    // these apply only if the gateway's internals could not be shared (see borrowStockGateway)
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    subgraphTimeouts: config.SUBGRAPH_TIMEOUTS,
    subgraphConnections: config.SUBGRAPH_CONNECTIONS,
  });
  const decisionOptions = {
    config,
    manifest,
    metrics,
    store,
    costModel: TRADEGRAPH_COST_MODEL,
    authorizationPolicy: () => authorizationPolicy,
  };
  const decisions = createGatewayDecisions(decisionOptions);
  const apollo = createApolloServer<GatewayContext>({
    gateway: withReloadGate(engineGateway, gate),
    logger,
    production,
    introspection: config.INTROSPECTION ?? !production,
    persistedQueries,
    parseOptions: { maxTokens: config.MAX_QUERY_TOKENS },
    publicErrorCodes: PUBLIC_GATEWAY_ERROR_CODES,
    // Shutdown is ours (main.ts): drain first, then stop; Apollo's own signal handler would race it.
    stopOnTerminationSignals: false,
    // Apollo's Sandbox loads from a CDN and reports telemetry: the gateway serves its own explorer instead.
    landingPage: false,
    stringifyResult: stringifyResponse,
    plugins: createGatewayPlugins({
      ...decisionOptions,
      decisions,
      ...(queryHashes !== undefined && { isRewrittenQuery: queryHashes.isRewritten }),
    }),
  });

  const explorerOn = config.EXPLORER ?? !production;
  const pages = webPageRoutes(
    config.WEB_DIST_DIR,
    Object.keys(WEB_PAGES).filter((page) => page !== 'explorer' || explorerOn),
  );
  const explorer = explorerOn
    ? explorerRoutes(pages, production || config.DEVELOPMENT_API_KEY === undefined ? {} : { developmentKey: config.DEVELOPMENT_API_KEY })
    : undefined;

  const contexts = createRequestContexts({
    authenticate,
    rateLimiter,
    registrationLimiter: createRateLimiter({
      window: store.windows,
      limits: config.APQ_REGISTRATION_LIMITS,
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
      counted: { keyPrefix: 'apq-registrations', noun: 'APQ registrations' },
      onLimited: (principal) => metrics.rateLimited(principal.tier),
    }),
    failedKeys: createFailedKeyThrottle({
      window: store.windows,
      limit: config.FAILED_KEY_LIMIT,
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    }),
    querySize: { maxQueryLength: config.MAX_QUERY_LENGTH, maxStringLiteralLength: config.MAX_STRING_LITERAL_LENGTH },
    signPrincipal,
  });
  // tracing keeps Apollo Server's pipeline, whose spans it records around each request
  const lean =
    config.GATEWAY_LEAN === 'on' && config.GATEWAY_ENGINE === 'tradegraph' && !config.OTEL_TRACES
      ? createLeanRequestPath({
          engine: () => engineGateway.engine,
          contexts,
          decisions,
          metrics,
          queryHashes: textHashes,
          gate,
          parseOptions: { maxTokens: config.MAX_QUERY_TOKENS },
          errorFormatting: () => errorFormattingOf(apollo),
        })
      : undefined;

  let stopping = false;
  let readiness: { at: number; report: Promise<{ ready: boolean; subgraphs: unknown }> } | undefined;
  const httpServer = createGraphQLHttpServer<GatewayContext>({
    apollo: queryHashes === undefined ? apollo : asPersistedQuery(apollo, queryHashes),
    logger,
    // clients: keys are checked by the gateway itself (createRequestContext)
    access: 'public',
    maxBodyBytes: config.MAX_BODY_BYTES,
    // the request id reaches subgraphs in the headers of each call (subgraphRequestHeaders), and
    // the request log line names it: no async context, whose hook on every promise costs ~2% CPU
    asyncRequestContext: false,
    context: contexts.create,
    ...(lean !== undefined && { serveGraphQLPost: lean.serve }),
    ...(explorer !== undefined && { browserPage: explorer.browserPage }),
    routes: new Map([
      ...pages,
      ...(explorer?.routes ?? []),
      [
        '/metrics',
        async (_request, response) => {
          // the gateway's own series, then the process's (event loop, heap, GC, upstream clients)
          const processSeries = await renderProcessMetrics();
          response.setHeader('content-type', PROMETHEUS_CONTENT_TYPE);
          response.end(metrics.registry.render() + processSeries);
        },
      ],
    ]),
    onRejected: (code, status) => {
      metrics.request('__refused', 'unknown', status);
      metrics.error(code);
    },
    readiness: async () => {
      if (stopping) return { ready: false, stopping: true };
      if (!readiness || Date.now() - readiness.at > READINESS_TTL_MS) {
        readiness = {
          at: Date.now(),
          report: checkSubgraphs(subgraphUrls, 2_000, {
            [PRINCIPAL_HEADER]: signPrincipal({ keyId: undefined, tier: ANONYMOUS_TIER, scopes: [], marketplaceId: undefined }),
          }).then((subgraphs) => ({
            ready: subgraphs.every((subgraph) => subgraph.reachable),
            supergraph: 'loaded',
            // a Redis outage degrades the gateway (it keeps serving) rather than making it unready
            ...store.health(),
            subgraphs,
          })),
        };
      }
      return readiness.report;
    },
  });
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_GRACE_MS }));
  await apollo.start();

  return {
    httpServer,
    get subgraphUrls() {
      return subgraphUrls;
    },
    metrics,
    store,
    get engine() {
      return engineGateway.engine;
    },
    leanRequests: lean?.counts,
    async stop() {
      if (stopping) return;
      stopping = true;
      // Drains the HTTP server (in-flight requests finish, idle keep-alive connections close), then stops the gateway.
      await apollo.stop();
      await Promise.all([...dataSources.values()].map((source) => source.pool.close()));
      await Promise.all(retiring);
      await store.close();
      await tracing?.stop();
    },
  };
}
