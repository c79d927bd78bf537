import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { BOOLEAN, DOUBLE, DuckDBDataChunk, DuckDBInstance, VARCHAR, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { EXPORT_JOB_COLUMNS, exportJobAssignments, exportJobValues, toDeadLetter, toExportJob } from './storeRows.js';
import { tableStatements } from './tables.js';
import {
  applyDeltaStatements,
  COMPACT_EVERY_BATCHES,
  compactStatements,
  contributionSql,
  DELTA,
  NEEDS_REBUILD_SQL,
  newOrdersToCellsSql,
  rebuildStatements,
  rollupTableStatements,
} from './tradeFlowRollup.js';
import { FACT_COLUMNS } from './TradeFlowFact.js';
import { transitUpdateSql } from './transitColumn.js';
import type { SqlRow, SqlStatement, TradeFlowStore } from './TradeFlowStore.js';

const STAGING = 'trade_flows_staging';
/** The staged orders `trade_flows` already holds: updated in place; the rest are inserted. */
const KNOWN = 'trade_flows_staging_known';
/** DuckDB's vector size: the most rows one data chunk holds. */
const VECTOR_SIZE = 2_048;
type Kind = (typeof FACT_COLUMNS)[number][1];
/**
 * How a column is staged: numbers as DOUBLE (instants in ms and grams are whole numbers far below
 * 2^53, so exact, and a JavaScript number goes in as it is, where BIGINT needs a bigint made per
 * value), money as its decimal text; both are cast once in SQL when the batch is merged.
 */
const stagingType = (kind: Kind) => (kind === 'boolean' ? BOOLEAN : kind === 'bigint' || kind === 'integer' ? DOUBLE : VARCHAR);
const STAGING_TYPES = FACT_COLUMNS.map(([, kind]) => stagingType(kind));
const stagingSql = (kind: Kind) => (kind === 'boolean' ? 'BOOLEAN' : kind === 'bigint' || kind === 'integer' ? 'DOUBLE' : 'VARCHAR');
/** A staged column as `trade_flows` holds it. */
const fromStaging = (name: string, kind: Kind, alias = '') =>
  kind === 'money'
    ? `CAST(${alias}${name} AS DECIMAL(18,2))`
    : kind === 'bigint'
      ? `CAST(${alias}${name} AS BIGINT)`
      : kind === 'integer'
        ? `CAST(${alias}${name} AS INTEGER)`
        : `${alias}${name}`;

/**
 * The default store: an embedded DuckDB file (columnar, vectorized: a group-by over a million
 * orders takes tens of milliseconds). One process owns the file; replicas need PostgreSQL.
 * Facts are appended to a staging table with DuckDB's appender (the fast path for bulk rows);
 * the staged orders `trade_flows` already holds are updated in place and the rest inserted plainly
 * (`INSERT … ON CONFLICT` cost three times a plain insert, for the few known orders of a batch).
 */
export async function createDuckDbStore(options: {
  file: string;
}): Promise<TradeFlowStore & Required<Pick<TradeFlowStore, 'copyTo'>> & { connection(): Promise<DuckDBConnection> }> {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const instance = await DuckDBInstance.create(options.file);
  const writer = await instance.connect();
  const reader = await instance.connect();
  // One statement at a time per connection: calls queue here rather than interleave inside DuckDB.
  let writing: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writing.then(work, work);
    writing = next.catch(() => undefined);
    return next;
  };
  const rowsOf = async (connection: DuckDBConnection, text: string, params: readonly DuckDBValue[] = []): Promise<SqlRow[]> => {
    const result = await connection.runAndReadAll(text, params.length > 0 ? [...params] : undefined);
    return result.getRowObjects().map(plainRow);
  };
  const inTransaction = async (statements: readonly (string | false)[]) => {
    await writer.run('BEGIN TRANSACTION');
    try {
      for (const statement of statements) if (statement !== false) await writer.run(statement);
      await writer.run('COMMIT');
    } catch (error) {
      await writer.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };
  let batchesSinceCompaction = 0;
  const compact = async () => {
    await inTransaction(compactStatements('duckdb'));
    batchesSinceCompaction = 0;
  };
  const columnList = FACT_COLUMNS.map(([name]) => name).join(', ');
  const castFromStaging = FACT_COLUMNS.map(([name, kind]) => fromStaging(name, kind)).join(', ');
  // A known value replaces the stored one, an unknown (null) one keeps it, as `mergeFacts` merges.
  const mergeFromStaging = FACT_COLUMNS.filter(([name]) => name !== 'order_id')
    .map(([name, kind]) => `${name} = COALESCE(${fromStaging(name, kind, 's.')}, trade_flows.${name})`)
    .join(', ');

  return {
    dialect: 'duckdb',
    async connection() {
      return instance.connect();
    },

    async migrate() {
      await serially(async () => {
        for (const statement of tableStatements('duckdb')) await writer.run(statement);
        // Staged as it is appended (a file written by an earlier version had BIGINT columns here).
        await writer.run(`DROP TABLE IF EXISTS ${STAGING}`);
        await writer.run(`CREATE TABLE ${STAGING} (${FACT_COLUMNS.map(([name, kind]) => `${name} ${stagingSql(kind)}`).join(', ')})`);
        await writer.run(`CREATE TABLE IF NOT EXISTS ${KNOWN} (order_id VARCHAR)`);
        for (const statement of rollupTableStatements('duckdb')) await writer.run(statement);
        const [check] = await rowsOf(writer, NEEDS_REBUILD_SQL);
        if (check?.needed === true) await inTransaction(rebuildStatements());
      });
    },

    async upsertFacts(facts) {
      if (facts.length === 0) return;
      await serially(async () => {
        // The whole batch is one transaction, staging included, so it commits once rather than once
        // per statement. What is left of a small batch's cost is mostly fixed: for 12 orders, the
        // new orders' rollup insert about 40%, the commit and the trade_flows writes about 10% each.
        await writer.run('BEGIN TRANSACTION');
        try {
          // A crash mid-batch of an earlier version may have left rows behind: a batch starts from an empty staging table.
          await writer.run(`DELETE FROM ${STAGING}`);
          await writer.run(`DELETE FROM ${KNOWN}`);
          const appender = await writer.createAppender(STAGING);
          // Column by column, a vector at a time: one call per column of 2,048 rows, not one per value.
          for (let start = 0; start < facts.length; start += VECTOR_SIZE) {
            const slice = facts.slice(start, start + VECTOR_SIZE);
            const chunk = DuckDBDataChunk.create(STAGING_TYPES, slice.length);
            chunk.setColumns(FACT_COLUMNS.map(([, , key]) => slice.map((fact) => fact[key])));
            appender.appendDataChunk(chunk);
          }
          appender.closeSync();
          const touched = `order_id IN (SELECT order_id FROM ${STAGING})`;
          // The small table builds the join: `trade_flows` is only probed, never hashed.
          const known = await writer.run(`INSERT INTO ${KNOWN} SELECT order_id FROM trade_flows WHERE ${touched}`);
          const anyKnown = known.rowsChanged > 0;
          const statements = [
            // The rollup loses the touched orders as they were, and gains them as they are now.
            anyKnown && contributionSql(`order_id IN (SELECT order_id FROM ${KNOWN})`, -1),
            anyKnown &&
              `UPDATE trade_flows SET ${mergeFromStaging} FROM ${STAGING} s
               WHERE trade_flows.order_id = s.order_id AND s.order_id IN (SELECT order_id FROM ${KNOWN})`,
            `INSERT INTO trade_flows (${columnList}) SELECT ${castFromStaging} FROM ${STAGING}
             ${anyKnown ? `WHERE order_id NOT IN (SELECT order_id FROM ${KNOWN})` : ''}`,
            transitUpdateSql(touched),
            ...(anyKnown ? [contributionSql(touched, 1), ...applyDeltaStatements()] : [newOrdersToCellsSql(touched)]),
            `DELETE FROM ${STAGING}`,
            `DELETE FROM ${KNOWN}`,
          ];
          for (const statement of statements) if (statement !== false) await writer.run(statement);
          await writer.run('COMMIT');
        } catch (error) {
          await writer.run('ROLLBACK').catch(() => undefined);
          await writer.run(`DELETE FROM ${STAGING}`).catch(() => undefined);
          await writer.run(`DELETE FROM ${KNOWN}`).catch(() => undefined);
          await writer.run(`DELETE FROM ${DELTA}`).catch(() => undefined);
          throw error;
        }
        if (++batchesSinceCompaction >= COMPACT_EVERY_BATCHES) await compact();
      });
    },

    async compactRollup() {
      await serially(compact);
    },

    query(statement) {
      return rowsOf(reader, statement.text, statement.params);
    },

    async copyTo(statement, target, options) {
      // Its own connection: a long export does not hold up the questions on the reader.
      const connection = await instance.connect();
      try {
        return await copyWithDuckDb(connection, statement, target, options);
      } finally {
        connection.closeSync();
      }
    },

    async addDeadLetter(letter, at) {
      await serially(() =>
        writer.run('INSERT INTO event_dead_letters VALUES ($1, $2, $3, $4, $5)', [
          letter.eventId,
          letter.source,
          letter.payload,
          letter.error,
          at,
        ]),
      );
    },

    async listDeadLetters(limit) {
      const rows = await rowsOf(reader, 'SELECT * FROM event_dead_letters ORDER BY received_at LIMIT $1', [limit]);
      return rows.map(toDeadLetter);
    },

    async createExportJob(job) {
      await serially(() =>
        writer.run(
          `INSERT INTO export_jobs (${EXPORT_JOB_COLUMNS.join(', ')}) VALUES (${EXPORT_JOB_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
          exportJobValues(job),
        ),
      );
    },

    async getExportJob(id) {
      const [row] = await rowsOf(reader, 'SELECT * FROM export_jobs WHERE id = $1', [id]);
      return row && toExportJob(row);
    },

    async updateExportJob(id, patch, now) {
      const pairs = exportJobAssignments(patch, now);
      await serially(() =>
        writer.run(
          `UPDATE export_jobs SET ${pairs.map(([column], i) => `${column} = $${i + 1}`).join(', ')} WHERE id = $${pairs.length + 1}`,
          [...pairs.map(([, value]) => value), id],
        ),
      );
    },

    async claimExportJob(now, leaseUntil) {
      return serially(async () => {
        const [row] = await rowsOf(
          writer,
          `UPDATE export_jobs SET status = 'RUNNING', lease_until = $1, updated_at = $2
           WHERE id = (SELECT id FROM export_jobs WHERE status = 'PENDING' OR (status = 'RUNNING' AND lease_until <= $2) ORDER BY created_at LIMIT 1)
           RETURNING *`,
          [leaseUntil, now],
        );
        return row && toExportJob(row);
      });
    },

    async close() {
      await writing.catch(() => undefined);
      writer.closeSync();
      reader.closeSync();
      instance.closeSync();
    },
  };
}

/** `COPY (statement) TO target (options)` on a DuckDB connection; resolves to the rows written. */
export async function copyWithDuckDb(
  connection: DuckDBConnection,
  statement: SqlStatement,
  target: string,
  options: string,
): Promise<number> {
  const result = await connection.runAndReadAll(
    `COPY (${statement.text}) TO '${target.replaceAll("'", "''")}' (${options})`,
    statement.params.length > 0 ? [...(statement.params as DuckDBValue[])] : undefined,
  );
  return Number(result.getRows()[0]?.[0] ?? 0);
}

/** DuckDB gives BIGINT as bigint and DECIMAL as objects: plain numbers and strings for the rest of the service. */
function plainRow(row: Record<string, DuckDBValue>): SqlRow {
  const plain: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') plain[key] = value;
    else if (typeof value === 'bigint') plain[key] = Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    else plain[key] = String(value);
  }
  return plain;
}
