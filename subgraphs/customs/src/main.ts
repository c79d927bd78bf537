import { createLogger } from '#packages/log/index.js';
import { listen, onShutdown } from '#packages/server/index.js';
import { readCustomsConfig } from './config.js';
import { createCustomsService } from './createCustomsService.js';

const config = readCustomsConfig();
const logger = createLogger('customs', { level: config.LOG_LEVEL });
const service = await createCustomsService(config, logger);
const running = await listen(service.httpServer, config.HOST, config.PORT, () => service.stop());
logger.info('customs subgraph listening', {
  url: `${running.url}/graphql`,
  destinations: [...service.rules.destinations.keys()].filter((code) => code !== 'EU'),
});
onShutdown(() => running.close());
