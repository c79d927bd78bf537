import { createLogger } from '#packages/log/index.js';
import { listen, onShutdown } from '#packages/server/index.js';
import { readOrdersConfig } from './config.js';
import { createOrdersService } from './createOrdersService.js';

const config = readOrdersConfig();
const logger = createLogger('orders', { level: config.LOG_LEVEL });
const service = await createOrdersService(config, logger);
const running = await listen(service.httpServer, config.HOST, config.PORT, () => service.stop());
logger.info('orders subgraph listening', { url: `${running.url}/graphql`, store: service.store.kind });
onShutdown(() => running.close());
// After listening, once the store is connected: recovery resumes sagas a crash left in progress,
// the follower captures and releases payments.
if (config.BACKGROUND_WORK) await service.startBackgroundWork();
