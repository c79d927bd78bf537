import { userInputError } from '#packages/errors/index.js';
import { reachDay } from '#packages/reach/index.js';

/** Days a period covers by default: the last 30, today included. */
export const DEFAULT_REACH_DAYS = 30;
/** Longest period one request may ask for (about two years): the answer is summed over it in the store. */
export const MAX_REACH_DAYS = 731;

const DAY_MS = 86_400_000;

/** `from`/`to` of `Marketplace.reach`, checked: whole UTC days, `from` ≤ `to`, at most `MAX_REACH_DAYS`. */
export function readReachPeriod(args: { from?: string | null; to?: string | null }, now: number): { fromDay: string; toDay: string } {
  const toDay = args.to == null ? reachDay(now) : readDay(args.to, 'to');
  const fromDay =
    args.from == null ? reachDay(Date.parse(`${toDay}T00:00:00Z`) - (DEFAULT_REACH_DAYS - 1) * DAY_MS) : readDay(args.from, 'from');
  const days = (Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS + 1;
  if (days < 1) throw userInputError(`from: ${fromDay} is after to (${toDay})`, 'from');
  if (days > MAX_REACH_DAYS) throw userInputError(`from: at most ${MAX_REACH_DAYS} days before to (asked ${days})`, 'from');
  return { fromDay, toDay };
}

function readDay(text: string, field: 'from' | 'to'): string {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  // Date.parse rolls 2026-02-30 over to March: a real day reads back as itself
  if (Number.isNaN(at) || reachDay(at) !== text) throw userInputError(`${field}: "${text}" is not a day (YYYY-MM-DD)`, field);
  return text;
}
