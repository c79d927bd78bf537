/**
 * The Tradegraph gateway. Serves any composed supergraph:
 *   npm run gateway -- --supergraph schema/supergraph.graphql --port 4555
 * SIGHUP (or a change of the file) reloads the supergraph; SIGTERM/SIGINT drain, then stop.
 */
import { createLogger } from '#packages/log/index.js';
import { listen, onShutdown } from '#packages/server/index.js';
import { readGatewayConfig } from './config.js';

const config = readGatewayConfig();
// @apollo/gateway reads this variable itself when it is constructed; we default it to "off".
process.env.APOLLO_TELEMETRY_DISABLED = String(config.APOLLO_TELEMETRY_DISABLED);
const { createGateway } = await import('./createGateway.js');

const logger = createLogger('gateway', { level: config.LOG_LEVEL });
let gateway: Awaited<ReturnType<typeof createGateway>>;
try {
  gateway = await createGateway({ config, logger });
} catch (error) {
  logger.error('the gateway cannot start', {
    supergraph: config.SUPERGRAPH_PATH,
    error: error instanceof Error ? error.message : String(error),
  });
  process.exit(1);
}
const running = await listen(gateway.httpServer, config.HOST, config.PORT);
logger.info('gateway listening', {
  url: `${running.url}/graphql`,
  supergraph: config.SUPERGRAPH_PATH,
  subgraphs: Object.fromEntries(gateway.subgraphUrls),
  store: gateway.store.shared ? 'redis' : 'memory',
  persistedQueries: config.PERSISTED_QUERIES,
});
// The gateway's stop drains the HTTP server itself (in-flight requests finish first).
onShutdown(async () => {
  logger.info('gateway stopping: draining in-flight requests', { graceMs: config.SHUTDOWN_GRACE_MS });
  await gateway.stop();
  logger.info('gateway stopped');
});
