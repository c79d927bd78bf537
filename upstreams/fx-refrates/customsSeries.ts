import { addDays, isoDate, utcMidnight, weekdayOf } from '#packages/fx/index.js';
import { ratesOn } from './referenceRates.js';
import { publicationFor } from './targetCalendar.js';

/** The customs exchange-rate series the sandbox publishes, each in its administration's rhythm. */
export type CustomsSeries = 'EU_CUSTOMS_MONTHLY' | 'US_CBP' | 'JP_CUSTOMS_WEEKLY';
export const CUSTOMS_SERIES: readonly CustomsSeries[] = ['EU_CUSTOMS_MONTHLY', 'US_CBP', 'JP_CUSTOMS_WEEKLY'];

/** One publication of a series: the period it applies to, the day it was fixed, its rates per EUR. */
export interface CustomsPublication {
  readonly series: CustomsSeries;
  readonly validFrom: string;
  readonly validTo: string;
  /** When the rates were fixed (and could first be read). */
  readonly fixedOn: string;
  readonly rates: ReadonlyArray<readonly [currency: string, rate: string]>;
}

/**
 * The publication of `series` that applies on `date`. The values are the sandbox's (its reference
 * rates of the day the real administration fixes them); the rhythm is the real one:
 * - EU_CUSTOMS_MONTHLY (Impl. Reg. (EU) 2015/2447 art. 146): one rate per calendar month, the
 *   reference rate of the penultimate Wednesday of the month before;
 * - US_CBP (19 CFR 159.32-159.36): the certified rate of the day (of exportation), i.e. that
 *   business day's rate, daily;
 * - JP_CUSTOMS_WEEKLY (Customs Tariff Act art. 4-7): one rate per week from Sunday, fixed from the
 *   week before last (here: its Wednesday's reference rate).
 */
export function customsPublication(series: CustomsSeries, date: string): CustomsPublication {
  switch (series) {
    case 'EU_CUSTOMS_MONTHLY': {
      const validFrom = `${date.slice(0, 8)}01`;
      const validTo = addDays(firstOfNextMonth(validFrom), -1);
      const fixedOn = publicationFor(penultimateWednesday(addDays(validFrom, -1)));
      return { series, validFrom, validTo, fixedOn, rates: ratesOn(fixedOn) };
    }
    case 'US_CBP': {
      const fixedOn = publicationFor(date);
      return { series, validFrom: date, validTo: date, fixedOn, rates: ratesOn(fixedOn) };
    }
    case 'JP_CUSTOMS_WEEKLY': {
      const validFrom = addDays(date, -weekdayOf(date));
      const fixedOn = publicationFor(addDays(validFrom, -11)); // the Wednesday of the week before last
      return { series, validFrom, validTo: addDays(validFrom, 6), fixedOn, rates: ratesOn(fixedOn) };
    }
  }
}

function firstOfNextMonth(firstOfMonth: string): string {
  const [year, month] = [Number(firstOfMonth.slice(0, 4)), Number(firstOfMonth.slice(5, 7))];
  return isoDate(Date.UTC(month === 12 ? year + 1 : year, month === 12 ? 0 : month, 1));
}

/** The second-to-last Wednesday of the month that `lastDay` (its last day) ends. */
function penultimateWednesday(lastDay: string): string {
  let day = lastDay;
  while (weekdayOf(day) !== 3) day = addDays(day, -1);
  return addDays(day, -7);
}

/** Whether a publication could be read at instant `now` (the sandbox refuses to tell the future). */
export function isPublished(publication: CustomsPublication, now: number): boolean {
  return utcMidnight(publication.fixedOn) <= now;
}
