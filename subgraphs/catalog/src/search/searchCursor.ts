import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { userInputError } from '#packages/errors/index.js';

/**
 * Where a search stands in each marketplace: the vendor's own position of the page being read
 * (offset, page number, token or link, as its adapter wrote it) and how many offers of that
 * page were already shown. `done` means the marketplace has nothing more.
 */
export interface SourcePosition {
  readonly page: string | null;
  readonly skip: number;
  readonly done: boolean;
}

export interface SearchCursor {
  /** Which search this cursor belongs to: a hash of the query and filter. */
  readonly search: string;
  readonly sources: Readonly<Record<string, SourcePosition>>;
  /** Which marketplace goes first among equally relevant offers, so turns carry across pages. */
  readonly turn: number;
}

const VERSION = 1;

export function searchFingerprint(query: string, filter: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([query.trim().toLowerCase(), filter ?? null]))
    .digest('base64url')
    .slice(0, 16);
}

/**
 * Cursors are signed: their positions go back to vendors (a DE position is a link), so a client
 * must not be able to edit them.
 */
export function encodeCursor(cursor: SearchCursor, key: Buffer): string {
  const sources = Object.fromEntries(Object.entries(cursor.sources).map(([id, p]) => [id, [p.page, p.skip, p.done ? 1 : 0]]));
  const payload = Buffer.from(JSON.stringify({ v: VERSION, s: cursor.search, t: cursor.turn, p: sources }), 'utf8').toString('base64url');
  return `${payload}.${signature(payload, key)}`;
}

function signature(payload: string, key: Buffer): string {
  return createHmac('sha256', key).update(payload).digest('base64url').slice(0, 22);
}

/** Reads an `after` cursor, refusing one that is malformed or belongs to another search. */
export function decodeCursor(text: string, expectedSearch: string, key: Buffer): SearchCursor {
  const [payload = '', mac = ''] = text.split('.');
  const expected = signature(payload, key);
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) throw malformed();
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  if (typeof raw !== 'object' || raw === null) throw malformed();
  const { v, s, t, p } = raw as { v?: unknown; s?: unknown; t?: unknown; p?: unknown };
  if (v !== VERSION || typeof s !== 'string' || typeof p !== 'object' || p === null || Array.isArray(p)) throw malformed();
  if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0) throw malformed();
  if (s !== expectedSearch) throw userInputError('after: this cursor belongs to a different search (query or filter changed)', 'after');

  const sources: Record<string, SourcePosition> = {};
  for (const [id, value] of Object.entries(p)) {
    if (!Array.isArray(value) || value.length !== 3) throw malformed();
    const [page, skip, done] = value as unknown[];
    if ((page !== null && typeof page !== 'string') || !Number.isSafeInteger(skip) || (skip as number) < 0 || (done !== 0 && done !== 1))
      throw malformed();
    sources[id] = { page: page, skip: skip as number, done: done === 1 };
  }
  return { search: s, sources, turn: t };
}

function malformed() {
  return userInputError('after: not a cursor from this API', 'after');
}
