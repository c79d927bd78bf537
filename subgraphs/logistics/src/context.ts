import type { Logger } from '#packages/log/index.js';
import type { RestrictionRules } from '#packages/restrictions/index.js';
import type { CarrierAdapter } from './adapters/ports.js';
import type { ClearanceFeeTables } from './createClearanceFeeTables.js';
import { createParcelLoaders, type ParcelLoaders } from './createParcelLoaders.js';
import { createRateLoaders, type RateLoaders } from './createRateLoaders.js';

/** What every logistics resolver gets; one per request. */
export interface Context {
  readonly carriers: readonly CarrierAdapter[];
  readonly rates: RateLoaders;
  /** The carriers' published clearance fee tables, shared across requests. */
  readonly clearanceFees: ClearanceFeeTables;
  /** What the carriers say about labels, batched per carrier. */
  readonly parcels: ParcelLoaders;
  readonly logger: Logger;
  /** What may not cross, or only under conditions (`packages/restrictions`), loaded and checked at start-up. */
  readonly restrictions: RestrictionRules;
  /** The request carried the service secret: the booking mutations are open to it. */
  readonly serviceCaller: boolean;
}

export interface LogisticsServices {
  readonly carriers: readonly CarrierAdapter[];
  readonly clearanceFees: ClearanceFeeTables;
  readonly logger: Logger;
  readonly restrictions: RestrictionRules;
}

export function createContext(services: LogisticsServices, serviceCaller = false): Context {
  return {
    ...services,
    rates: createRateLoaders(services.carriers, services.logger),
    parcels: createParcelLoaders(services.carriers),
    serviceCaller,
  };
}
