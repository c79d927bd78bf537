/**
 * The Tradegraph gateway as the benchmark runs it: Apollo Server with our server stack
 * (packages/server: error formatting, request ids, node:http) over `@apollo/gateway`, with the
 * Tradegraph execution engine in front (`useExecutionEngine`), on any supergraph file.
 *
 *   node --import tsx bench/gateways/tradegraphGateway.ts --supergraph FILE --port N [--dedupe off|subgraph|on] [--engine stock] [--service-secret S] [--lean on|off]
 *
 * Subgraphs are reached as `createGateway` reaches them: through `UndiciDataSource`s (one pool per
 * subgraph, timeouts, one retry for queries, per-subgraph metrics), whichever engine executes.
 * Left out are the production plugins (API keys, rate limits, demand control, response and entity
 * caches), which the public benchmark's gateways do not run either. Requests are served as the
 * gateway serves them: by the lean request path (gateway/src/lean), with none of the plugins'
 * decisions, handing to Apollo Server what it does not serve; `--lean off` serves every request
 * through Apollo Server.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApolloGateway } from '@apollo/gateway';
import { createLogger } from '#packages/log/index.js';
import { createPrincipalSigner, principalKeyFrom } from '#packages/principal/index.js';
import { createApolloServer, createGraphQLHttpServer, listen, type IncomingRequestInfo } from '#packages/server/index.js';
import { engineMetrics, keepNamesOneByte, stringifyResponse, useExecutionEngine } from '#gateway/src/engine/index.js';
import type { GatewayContext } from '#gateway/src/GatewayContext.js';
import { createGatewayMetrics } from '#gateway/src/metrics/createGatewayMetrics.js';
import { UndiciDataSource } from '#gateway/src/UndiciDataSource.js';
import type { Principal } from '#gateway/src/keys/Principal.js';
import { createLeanRequestPath } from '#gateway/src/lean/createLeanRequestPath.js';
import { errorFormattingOf } from '#packages/server/formatResultErrors.js';
import { createReloadGate } from '#gateway/src/lifecycle/createReloadGate.js';
import { createQueryHashes } from '#gateway/src/persisted/createQueryHashes.js';
import { acceptEnforcedFeatures } from '#gateway/src/authorization/acceptEnforcedFeatures.js';

const { values } = parseArgs({
  options: {
    supergraph: { type: 'string' },
    port: { type: 'string', default: '0' },
    dedupe: { type: 'string', default: 'off' },
    engine: { type: 'string', default: 'tradegraph' },
    'service-secret': { type: 'string' },
    lean: { type: 'string', default: 'on' },
  },
});
// Tradegraph's subgraphs answer nothing unsigned: each request carries a keyless caller's principal, as the gateway signs it
const signer = values['service-secret'] === undefined ? undefined : createPrincipalSigner(principalKeyFrom(values['service-secret']));
if (!values.supergraph) throw new Error('--supergraph FILE is required');

const logger = createLogger('gateway', { level: 'warn' });
const metrics = createGatewayMetrics({ storeErrors: () => ({ cache: 0, rateLimit: 0 }) });
const gateway = new ApolloGateway({
  // as the gateway hands it over (its access rules are enforced by a plugin this benchmark leaves out)
  supergraphSdl: acceptEnforcedFeatures(keepNamesOneByte(readFileSync(values.supergraph, 'utf8'))),
  // the gateway's defaults (config.ts): 10 s per attempt, 64 connections, one retry for queries
  buildService: ({ name, url }) =>
    new UndiciDataSource({
      name,
      url: url!,
      timeoutMs: 10_000,
      connections: 64,
      retries: 1,
      onAttempt: (subgraph, outcome, seconds) => metrics.subgraphAttempt(subgraph, outcome, seconds),
    }),
});
const engineGateway = useExecutionEngine(gateway, {
  engine: values.engine === 'stock' ? 'stock' : 'tradegraph',
  dedupe: values.dedupe !== 'off',
  shareExecutions: values.dedupe === 'on',
});
const apollo = createApolloServer<GatewayContext>({
  gateway: engineGateway,
  logger,
  production: true,
  stringifyResult: stringifyResponse,
});
await apollo.start();
const principalHeader = signer?.({ keyId: undefined, tier: 'developer', scopes: [], marketplaceId: undefined });
const anonymous: Principal = Object.freeze({
  keyId: undefined,
  tier: 'developer',
  scopes: new Set<string>(),
  marketplaceId: undefined,
  testMode: false,
  rateLimitKey: 'anonymous',
});
const context = ({ requestId }: IncomingRequestInfo): GatewayContext => ({
  requestId,
  ...(principalHeader !== undefined && { principalHeader }),
});
const lean =
  values.lean === 'off'
    ? undefined
    : createLeanRequestPath({
        engine: () => engineGateway.engine,
        contexts: { admit: () => anonymous, complete: async (request) => context(request), create: async (request) => context(request) },
        decisions: {},
        queryHashes: createQueryHashes(),
        gate: createReloadGate(),
        parseOptions: {},
        errorFormatting: () => errorFormattingOf(apollo),
      });
const httpServer = createGraphQLHttpServer<GatewayContext>({
  apollo,
  logger,
  asyncRequestContext: false, // as createGateway
  access: 'public',
  context: async (request) => context(request),
  ...(lean !== undefined && { serveGraphQLPost: lean.serve }),
  routes: new Map([
    [
      '/__engine',
      (_request, response) => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(engineMetrics));
      },
    ],
  ]),
});
const running = await listen(httpServer, '127.0.0.1', Number(values.port), () => apollo.stop());
process.stdout.write(`${JSON.stringify({ listening: `${running.url}/graphql` })}\n`);
process.on('SIGTERM', () => void running.close().finally(() => process.exit(0)));
