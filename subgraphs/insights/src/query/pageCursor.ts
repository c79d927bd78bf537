import { createHash } from 'node:crypto';
import { userInputError } from '#packages/errors/index.js';
import type { TradeFlowQuery } from './TradeFlowQuery.js';

/** Cursors name the question they page through: a cursor from another query is refused, not misread. */
const fingerprint = (query: TradeFlowQuery) => createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 12);

export function encodeCursor(query: TradeFlowQuery, offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, q: fingerprint(query) }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, query: TradeFlowQuery): number {
  try {
    const { o, q } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    if (typeof o === 'number' && Number.isSafeInteger(o) && o >= 0 && q === fingerprint(query)) return o;
  } catch {
    // answered below
  }
  throw userInputError('after: not a cursor of this query (use the endCursor of the previous page, with the same arguments)', 'after');
}
