import type { Logger } from '../../../packages/log/index.js';
import type { CarrierAdapter } from './adapters/ports.js';
import { createRateLoaders, type RateLoaders } from './createRateLoaders.js';

/** What every logistics resolver gets; one per request. */
export interface Context {
  readonly carriers: readonly CarrierAdapter[];
  readonly rates: RateLoaders;
  readonly logger: Logger;
}

export interface LogisticsServices {
  readonly carriers: readonly CarrierAdapter[];
  readonly logger: Logger;
}

export function createContext(services: LogisticsServices): Context {
  return { ...services, rates: createRateLoaders(services.carriers, services.logger) };
}
