/**
 * The Tradegraph gateway. Serves any composed supergraph:
 *   npm run gateway -- --supergraph schema/supergraph.graphql --port 4555
 */
import { readFileSync } from 'node:fs';
import { createLogger } from '../../packages/log/index.js';
import { listen, onShutdown } from '../../packages/server/index.js';
import { readGatewayConfig } from './config.js';

const config = readGatewayConfig();
// @apollo/gateway reads this variable itself when it is constructed; we default it to "off".
process.env.APOLLO_TELEMETRY_DISABLED = String(config.APOLLO_TELEMETRY_DISABLED);
const { createGateway } = await import('./createGateway.js');

const logger = createLogger('gateway', { level: config.LOG_LEVEL });
let supergraphSdl: string;
try {
  supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
} catch (error) {
  logger.error('cannot read the supergraph', {
    path: config.SUPERGRAPH_PATH,
    error: error instanceof Error ? error.message : String(error),
  });
  process.exit(1);
}

const gateway = await createGateway({
  supergraphSdl,
  logger,
  production: config.NODE_ENV === 'production',
  subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
  subgraphTimeouts: config.SUBGRAPH_TIMEOUTS,
  subgraphConnections: config.SUBGRAPH_CONNECTIONS,
});
const running = await listen(gateway.httpServer, config.HOST, config.PORT, () => gateway.stop());
logger.info('gateway listening', {
  url: `${running.url}/graphql`,
  supergraph: config.SUPERGRAPH_PATH,
  subgraphs: Object.fromEntries(gateway.subgraphUrls),
});
onShutdown(() => running.close());
