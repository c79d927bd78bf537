import type { CustomsRateSeries, CustomsRatesClient, ReferenceRates, ReferenceRatesClient } from '#packages/fx/index.js';
import type { Logger } from '#packages/log/index.js';
import type { LoadedRules } from '../rules/loadRules.js';

/** What every customs resolver gets; one per request. */
export interface Context {
  readonly rules: LoadedRules;
  readonly logger: Logger;
  /** The latest reference rates, fetched at most once per request (and cached across requests by the client). */
  referenceRates(): Promise<ReferenceRates>;
  /** A customs administration's own series for a date, fetched at most once per period and request. */
  customsRates(series: CustomsRateSeries, date: string): Promise<ReferenceRates>;
  /** Today's date, `YYYY-MM-DD` (UTC): the rules date when the caller gives none. */
  today(): string;
}

/** Shared by every request of one service. */
export interface CustomsServices {
  readonly rules: LoadedRules;
  readonly fx: ReferenceRatesClient;
  readonly customsFx: CustomsRatesClient;
  readonly logger: Logger;
  readonly now?: () => Date;
}

export function createContext({ rules, fx, customsFx, logger, now = () => new Date() }: CustomsServices): Context {
  let rates: Promise<ReferenceRates> | undefined;
  const series = new Map<string, Promise<ReferenceRates>>();
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
    customsRates(name, date) {
      const key = `${name}:${date}`;
      let found = series.get(key);
      if (found === undefined) {
        found = customsFx.ratesFor(name, date);
        series.set(key, found);
      }
      return found;
    },
    today: () => now().toISOString().slice(0, 10),
  };
}
