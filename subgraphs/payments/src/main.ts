import { createLogger } from '#packages/log/index.js';
import { listen, onShutdown } from '#packages/server/index.js';
import { readPaymentsConfig } from './config.js';
import { createPaymentsService } from './createPaymentsService.js';

const config = readPaymentsConfig();
const logger = createLogger('payments', { level: config.LOG_LEVEL });
const service = await createPaymentsService(config, logger);
const running = await listen(service.httpServer, config.HOST, config.PORT, () => service.stop());
logger.info('payments subgraph listening', { url: `${running.url}/graphql`, providers: [...service.providers.keys()] });
onShutdown(() => running.close());
