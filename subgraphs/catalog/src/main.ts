import { createLogger } from '#packages/log/index.js';
import { listen, onShutdown } from '#packages/server/index.js';
import { readCatalogConfig } from './config.js';
import { createCatalogService } from './createCatalogService.js';

const config = readCatalogConfig();
const logger = createLogger('catalog', { level: config.LOG_LEVEL });
const service = await createCatalogService(config, logger);
const running = await listen(service.httpServer, config.HOST, config.PORT, () => service.stop());
logger.info('catalog subgraph listening', { url: `${running.url}/graphql`, marketplaces: [...service.adapters.keys()] });
onShutdown(() => running.close());
// `kill -HUP <pid>` after editing MARKETPLACES_FILE: a bad file is logged and changes nothing.
process.on('SIGHUP', () => void service.reloadMarketplaces());
