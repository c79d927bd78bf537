import { createLogger } from '#packages/log/index.js';
import { listen, onShutdown } from '#packages/server/index.js';
import { readTrustConfig } from './config.js';
import { createTrustService } from './createTrustService.js';

const config = readTrustConfig();
const logger = createLogger('trust', { level: config.LOG_LEVEL });
const service = await createTrustService(config, logger);
const running = await listen(service.httpServer, config.HOST, config.PORT, () => service.stop());
await service.startBackgroundWork();
logger.info('trust subgraph listening', { url: `${running.url}/graphql` });
onShutdown(() => running.close());
