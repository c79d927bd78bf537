import { createLogger } from '#packages/log/index.js';
import { listen, onShutdown } from '#packages/server/index.js';
import { readInsightsConfig } from './config.js';
import { createInsightsService } from './createInsightsService.js';

const config = readInsightsConfig();
const logger = createLogger('insights', { level: config.LOG_LEVEL });
const service = await createInsightsService(config, logger);
const running = await listen(service.httpServer, config.HOST, config.PORT, () => service.stop());
await service.startBackgroundWork();
logger.info('insights subgraph listening', { url: `${running.url}/graphql`, store: service.store.dialect });
onShutdown(() => running.close());
