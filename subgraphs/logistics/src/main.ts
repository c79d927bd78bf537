import { createLogger } from '#packages/log/index.js';
import { listen, onShutdown } from '#packages/server/index.js';
import { readLogisticsConfig } from './config.js';
import { createLogisticsService } from './createLogisticsService.js';

const config = readLogisticsConfig();
const logger = createLogger('logistics', { level: config.LOG_LEVEL });
const service = await createLogisticsService(config, logger);
const running = await listen(service.httpServer, config.HOST, config.PORT, () => service.stop());
logger.info('logistics subgraph listening', {
  url: `${running.url}/graphql`,
  carriers: service.carriers.map((carrier) => carrier.carrier.id),
});
onShutdown(() => running.close());
