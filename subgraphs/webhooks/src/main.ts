import { createLogger } from '#packages/log/index.js';
import { listen, onShutdown } from '#packages/server/index.js';
import { readWebhooksConfig } from './config.js';
import { createWebhooksService } from './createWebhooksService.js';

const config = readWebhooksConfig();
const logger = createLogger('webhooks', { level: config.LOG_LEVEL });
const service = await createWebhooksService(config, logger);
const running = await listen(service.httpServer, config.HOST, config.PORT, () => service.stop());
await service.startBackgroundWork();
logger.info('webhooks subgraph listening', { url: `${running.url}/graphql` });
onShutdown(() => running.close());
