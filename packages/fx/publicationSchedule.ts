/**
 * When euro reference rates appear: around 16:00 CET on every TARGET business day (the ECB's
 * words; "CET" is Central European local time, so 14:00 UTC in summer and 15:00 UTC in winter).
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Local hour of publication in Frankfurt. */
const PUBLICATION_HOUR = 16;

/** `YYYY-MM-DD` → milliseconds at 00:00 UTC of that day; throws on anything that is not a real date. */
export function utcMidnight(date: string): number {
  const match = ISO_DATE.exec(date);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) throw new RangeError(`"${date}" is not a date YYYY-MM-DD`);
  return time;
}

/** The `YYYY-MM-DD` (UTC) of an instant. */
export const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The date `days` after (or before, if negative) `date`. */
export const addDays = (date: string, days: number): string => isoDate(utcMidnight(date) + days * DAY_MS);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => new Date(utcMidnight(date)).getUTCDay();

/** The instant rates for `date` are published: 16:00 Central European (summer) time. */
export function publicationInstant(date: string): number {
  const midnight = utcMidnight(date);
  const offsetHours = isCentralEuropeanSummerTime(date) ? 2 : 1;
  return midnight + (PUBLICATION_HOUR - offsetHours) * 3_600_000;
}

/**
 * When the publication after the one of `date` is due: 16:00 CET on the next weekday. TARGET
 * holidays are not known here, so on one a reader simply finds the same day's file again.
 */
export function nextPublicationDue(date: string): number {
  let next = addDays(date, 1);
  while (weekdayOf(next) === 0 || weekdayOf(next) === 6) next = addDays(next, 1);
  return publicationInstant(next);
}

/**
 * EU summer time (Directive 2000/84/EC) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC
 * on the last Sunday of October. At 16:00 local on either Sunday the switch has already happened.
 */
function isCentralEuropeanSummerTime(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return date >= lastSunday(year, 3) && date < lastSunday(year, 10);
}

function lastSunday(year: number, month: number): string {
  const lastDay = new Date(Date.UTC(year, month, 0)); // day 0 of the next month
  return isoDate(lastDay.getTime() - lastDay.getUTCDay() * DAY_MS);
}
