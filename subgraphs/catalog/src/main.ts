import { createLogger } from '#packages/log/index.js';
import { listen, onShutdown } from '#packages/server/index.js';
import { readCatalogConfig } from './config.js';
import { createCatalogService } from './createCatalogService.js';
import { MarketplacesFileError } from './marketplaces/readMarketplacesFile.js';

const config = readCatalogConfig();
const logger = createLogger('catalog', { level: config.LOG_LEVEL });
const service = await createCatalogService(config, logger).catch((error: unknown) => {
  // An operator's mistake in the file, not a bug: say where it is, without a stack.
  if (!(error instanceof MarketplacesFileError)) throw error;
  process.stderr.write(`catalog did not start: ${error.message}\n`);
  process.exit(1);
});
const running = await listen(service.httpServer, config.HOST, config.PORT, () => service.stop());
logger.info('catalog subgraph listening', { url: `${running.url}/graphql`, marketplaces: [...service.adapters.keys()] });
onShutdown(() => running.close());
// `kill -HUP <pid>` after editing MARKETPLACES_FILE: a bad file is logged and changes nothing.
process.on('SIGHUP', () => void service.reloadMarketplaces());
