import type { ReferenceRates, ReferenceRatesClient } from '#packages/fx/index.js';
import type { Logger } from '#packages/log/index.js';
import type { LoadedRules } from '../rules/loadRules.js';

/** What every customs resolver gets; one per request. */
export interface Context {
  readonly rules: LoadedRules;
  readonly logger: Logger;
  /** The latest reference rates, fetched at most once per request (and cached across requests by the client). */
  referenceRates(): Promise<ReferenceRates>;
  /** Today's date, `YYYY-MM-DD` (UTC): the rules date when the caller gives none. */
  today(): string;
}

/** Shared by every request of one service. */
export interface CustomsServices {
  readonly rules: LoadedRules;
  readonly fx: ReferenceRatesClient;
  readonly logger: Logger;
  readonly now?: () => Date;
}

export function createContext({ rules, fx, logger, now = () => new Date() }: CustomsServices): Context {
  let rates: Promise<ReferenceRates> | undefined;
  return {
    rules,
    logger,
    referenceRates() {
      rates ??= fx.latest().then((latest) => {
        if (latest.stale) logger.warn('import charges use stale reference rates', { date: latest.rates.date, reason: latest.staleReason });
        return latest.rates;
      });
      return rates;
    },
    today: () => now().toISOString().slice(0, 10),
  };
}
