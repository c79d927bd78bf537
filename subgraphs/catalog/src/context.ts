import type { Logger } from '../../../packages/log/index.js';
import type { MarketplaceAdapter } from './adapters/ports.js';
import { createLoaders, type CatalogLoaders } from './createLoaders.js';

/** What every catalog resolver gets; one per request. */
export interface Context {
  readonly adapters: ReadonlyMap<string, MarketplaceAdapter>;
  readonly loaders: CatalogLoaders;
  readonly searchDeadlineMs: number;
  readonly logger: Logger;
}

export interface CatalogServices {
  readonly adapters: ReadonlyMap<string, MarketplaceAdapter>;
  readonly searchDeadlineMs: number;
  readonly logger: Logger;
}

export function createContext(services: CatalogServices): Context {
  return { ...services, loaders: createLoaders(services.adapters) };
}
