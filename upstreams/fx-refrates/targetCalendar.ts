import { addDays, isoDate, publicationInstant, weekdayOf } from '#packages/fx/index.js';

/**
 * TARGET closing days, on which the ECB publishes no reference rates: Saturdays, Sundays,
 * New Year's Day, Good Friday, Easter Monday, 1 May, 25 and 26 December.
 * (ECB press release "Long-term calendar for TARGET closing days", 14 December 2000, in force since 2002:
 * https://www.ecb.europa.eu/press/pr/date/2000/html/pr001214_4.en.html)
 */
export function isTargetBusinessDay(date: string): boolean {
  const weekday = weekdayOf(date);
  if (weekday === 0 || weekday === 6) return false;
  const monthDay = date.slice(5);
  if (monthDay === '01-01' || monthDay === '05-01' || monthDay === '12-25' || monthDay === '12-26') return false;
  const easter = easterSunday(Number(date.slice(0, 4)));
  return date !== addDays(easter, -2) && date !== addDays(easter, 1);
}

/** The publication a reader finds for `date`: that day's, or the last business day's before it. */
export function publicationFor(date: string): string {
  let day = date;
  while (!isTargetBusinessDay(day)) day = addDays(day, -1);
  return day;
}

/** The newest publication out at instant `now`: today's from 16:00 CET, else the previous one. */
export function latestPublication(now: number): string {
  const today = publicationFor(isoDate(now));
  return publicationInstant(today) <= now ? today : publicationFor(addDays(today, -1));
}

/** Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" computus). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
