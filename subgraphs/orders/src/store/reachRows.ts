import type { ReachKind } from '#packages/reach/index.js';
import type { ReachRow } from './OrderStore.js';
import { scalarText, type Row } from './rowMapping.js';

const ADD = (placeholders: string) => `INSERT INTO marketplace_reach (marketplace_id, day, country, kind, count) VALUES (${placeholders})
  ON CONFLICT (marketplace_id, day, country, kind) DO UPDATE SET count = marketplace_reach.count + excluded.count`;

/** Adds one counter's count to its row (created at the first count). */
export const ADD_REACH_COUNT = ADD('?, ?, ?, ?, ?');
export const ADD_REACH_COUNT_POSTGRES = ADD('$1, $2, $3, $4, $5');

const KINDS: ReadonlySet<string> = new Set<ReachKind>(['SHOWN', 'QUOTED', 'BOOKED']);

/** A summed row; PostgreSQL answers SUM and COUNT of BIGINT as text, hence `Number`. */
export function toReachRow(row: Row): ReachRow {
  const kind = String(row.kind);
  if (!KINDS.has(kind)) throw new Error(`marketplace_reach: unknown kind ${kind}`);
  return { country: row.country == null ? '' : scalarText(row.country), kind: kind as ReachKind, count: Number(row.count) };
}
