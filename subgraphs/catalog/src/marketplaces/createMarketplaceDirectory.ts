import { isDeepStrictEqual } from 'node:util';
import type { Logger } from '#packages/log/index.js';
import type { ConnectorMarketplace } from '../adapters/connector/ConnectorMarketplace.js';
import type { MarketplaceAdapter } from '../adapters/ports.js';
import { CONNECTOR_ADAPTER, MARKETPLACE_ADAPTERS } from '../adapters/registry.js';
import type { CatalogConfig } from '../config.js';
import { readMarketplacesFile, type MarketplacesFileOptions } from './readMarketplacesFile.js';

export interface MarketplaceDirectory {
  /** The marketplaces now: the built-in adapters, then `MARKETPLACES_FILE`'s, in its order. */
  current(): ReadonlyMap<string, MarketplaceAdapter>;
  /** A marketplace that joined by configuration, with its credentials (for its signed callbacks). */
  connector(marketplaceId: string): ConnectorMarketplace | undefined;
  /**
   * Reads `MARKETPLACES_FILE` again (on SIGHUP). A bad file changes nothing: the marketplaces
   * stay as they were and the error says why. Unchanged entries keep their adapter (its
   * connections, circuit and cache); removed or changed ones are closed once their calls finish.
   */
  reload(): Promise<{ ok: true; ids: string[] } | { ok: false; error: Error }>;
  close(): Promise<void>;
}

interface Configured {
  readonly entry: ConnectorMarketplace;
  readonly adapter: MarketplaceAdapter;
}

/**
 * Every marketplace the catalog reaches. Built once at start-up, where a bad `MARKETPLACES_FILE`
 * throws (start-up stops, naming the entry's line and field); replaced as a whole on reload, so a
 * request sees one consistent set from start to end.
 */
export function createMarketplaceDirectory(
  config: CatalogConfig,
  { logger, decorate }: { logger: Logger; decorate: (adapter: MarketplaceAdapter) => MarketplaceAdapter },
): MarketplaceDirectory {
  const context = { logger, upstreamTimeoutMs: config.UPSTREAM_TIMEOUT_MS };
  const connectorContext = { ...context, statusCallbackUrl: config.CONNECTOR_CALLBACK_URL };
  const builtIn = MARKETPLACE_ADAPTERS.map((module) => decorate(module.create(config, context)));
  const fileOptions: Omit<MarketplacesFileOptions, 'path'> = {
    env: config.environment,
    production: config.NODE_ENV === 'production',
    reservedIds: new Set(builtIn.map((adapter) => adapter.marketplace.id)),
  };

  const read = (previous: ReadonlyMap<string, Configured>): Map<string, Configured> => {
    const path = config.MARKETPLACES_FILE;
    const { marketplaces, warnings } =
      path === undefined ? { marketplaces: [], warnings: [] } : readMarketplacesFile({ path, ...fileOptions });
    for (const warning of warnings) logger.warn(`MARKETPLACES_FILE: ${warning}`, { file: path });
    return new Map(
      marketplaces.map((entry) => {
        const kept = previous.get(entry.marketplace.id);
        const unchanged = kept !== undefined && isDeepStrictEqual(kept.entry, entry);
        return [entry.marketplace.id, unchanged ? kept : { entry, adapter: decorate(CONNECTOR_ADAPTER.create(entry, connectorContext)) }];
      }),
    );
  };

  let configured = read(new Map());
  const assemble = () => new Map([...builtIn, ...[...configured.values()].map(({ adapter }) => adapter)].map((a) => [a.marketplace.id, a]));
  let adapters = assemble();

  return {
    current: () => adapters,
    connector: (marketplaceId) => configured.get(marketplaceId)?.entry,
    async reload() {
      const before = configured;
      try {
        configured = read(before);
      } catch (error) {
        // An operator's mistake, said in one line: which line of the file, which field.
        const reason = error instanceof Error ? error.message : String(error);
        logger.error('MARKETPLACES_FILE reload refused: keeping the marketplaces as they were', { reason });
        return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
      }
      adapters = assemble();
      const retired = [...before.values()].filter(({ adapter }) => ![...configured.values()].some((now) => now.adapter === adapter));
      // Their pools close gracefully: requests already sent finish first.
      await Promise.all(retired.map(({ adapter }) => adapter.close()));
      const ids = [...configured.keys()];
      logger.info('MARKETPLACES_FILE reloaded', { marketplaces: ids, retired: retired.map(({ entry }) => entry.marketplace.id) });
      return { ok: true, ids };
    },
    async close() {
      await Promise.all([...adapters.values()].map((adapter) => adapter.close()));
    },
  };
}
