import { createHash } from 'node:crypto';

/** At most this many statement texts get a name; past it, statements go unnamed, as before. */
const MAX_NAMED_STATEMENTS = 500;

/**
 * Names for the statements a store sends again and again, so that each pooled connection parses
 * them once (a `pg` named statement: the server keeps it per connection and, after a few runs,
 * its plan) instead of parsing, analysing and planning the text on every call. A booking's writes
 * are a handful of texts, sent thousands of times.
 *
 * Only for statements whose result has a fixed shape (writes without `RETURNING *`, reads of named
 * columns): PostgreSQL refuses to run a prepared `SELECT *` once a migration (another replica's)
 * has added a column ("cached plan must not change result type"), while a statement that returns
 * no rows, or the same columns, is planned again after any such change.
 *
 * The names come from the text, so the same text has the same name on every connection and two
 * texts never share one. Texts are built from a bounded set of shapes (the columns a change sets);
 * should that ever stop being true, statements past `MAX_NAMED_STATEMENTS` go unnamed.
 */
export function createStatementNames(prefix: string): (sql: string) => string | undefined {
  const names = new Map<string, string>();
  return (sql) => {
    const known = names.get(sql);
    if (known !== undefined || names.size >= MAX_NAMED_STATEMENTS) return known;
    // PostgreSQL keeps the first 63 bytes of a name
    const name = `${prefix}_${createHash('sha256').update(sql).digest('base64url').slice(0, 32)}`;
    names.set(sql, name);
    return name;
  };
}
