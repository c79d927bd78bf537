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
import { TRANSIT_COLUMN, transitHundredthsSql, transitUpdateSql } from './transitColumn.js';
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

const COLUMN_LIST = FACT_COLUMNS.map(([name]) => name).join(', ');
/** The staged rows with the columns and types of `trade_flows`. */
const STAGED = `(SELECT ${FACT_COLUMNS.map(([name, kind]) => `${fromStaging(name, kind)} AS ${name}`).join(', ')} FROM ${STAGING}) AS staged`;
const INSERT_STAGED = (where: string) =>
  `INSERT INTO trade_flows (${COLUMN_LIST}, ${TRANSIT_COLUMN})
   SELECT ${COLUMN_LIST}, ${transitHundredthsSql('duckdb')} FROM ${STAGED} ${where}`;
const TOUCHED = `order_id IN (SELECT order_id FROM ${STAGING})`;
const KNOWN_ORDERS = `order_id IN (SELECT order_id FROM ${KNOWN})`;
const NEW_ORDERS = `order_id NOT IN (SELECT order_id FROM ${KNOWN})`;
const CLEAR_STAGING = [`DELETE FROM ${STAGING}`, `DELETE FROM ${KNOWN}`];
/** The staged orders `trade_flows` already holds, into `KNOWN` (the small table builds the join: `trade_flows` is only probed). */
const FIND_KNOWN_SQL = `INSERT INTO ${KNOWN} SELECT order_id FROM trade_flows WHERE ${TOUCHED}`;
/**
 * A batch of orders new to the store: inserted with their transit days, and their contribution
 * added to the cells from the staged rows, so nothing reads `trade_flows` back.
 */
const MERGE_NEW = [INSERT_STAGED(''), newOrdersToCellsSql(STAGED), ...CLEAR_STAGING];
/**
 * A batch with orders the store holds: the rollup loses them as they were and gains them as they
 * are now; a known value replaces the stored one, an unknown (null) one keeps it, as `mergeFacts` merges.
 */
const MERGE_WITH_KNOWN = [
  contributionSql(KNOWN_ORDERS, -1),
  `UPDATE trade_flows SET ${FACT_COLUMNS.filter(([name]) => name !== 'order_id')
    .map(([name, kind]) => `${name} = COALESCE(${fromStaging(name, kind, 's.')}, trade_flows.${name})`)
    .join(', ')} FROM ${STAGING} s
   WHERE trade_flows.order_id = s.order_id AND s.order_id IN (SELECT order_id FROM ${KNOWN})`,
  INSERT_STAGED(`WHERE ${NEW_ORDERS}`),
  transitUpdateSql(KNOWN_ORDERS),
  contributionSql(TOUCHED, 1),
  ...applyDeltaStatements(),
  ...CLEAR_STAGING,
];

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
        // A crash mid-batch of a version that staged outside the batch's transaction may have left rows here.
        await writer.run(`DELETE FROM ${KNOWN}`);
        for (const statement of rollupTableStatements('duckdb')) await writer.run(statement);
        const [check] = await rowsOf(writer, NEEDS_REBUILD_SQL);
        if (check?.needed === true) await inTransaction(rebuildStatements());
      });
    },

    async upsertFacts(facts) {
      if (facts.length === 0) return;
      await serially(async () => {
        // The whole batch is one transaction, staging included, so it commits once rather than once
        // per statement. The staging tables are empty here: `migrate` empties them, and every batch
        // empties them before it commits (or rolls back to them empty).
        await writer.run('BEGIN TRANSACTION');
        try {
          const appender = await writer.createAppender(STAGING);
          // Column by column, a vector at a time: one call per column of 2,048 rows, not one per value.
          for (let start = 0; start < facts.length; start += VECTOR_SIZE) {
            const slice = facts.slice(start, start + VECTOR_SIZE);
            const chunk = DuckDBDataChunk.create(STAGING_TYPES, slice.length);
            chunk.setColumns(FACT_COLUMNS.map(([, , key]) => slice.map((fact) => fact[key])));
            appender.appendDataChunk(chunk);
          }
          appender.closeSync();
          const known = await writer.run(FIND_KNOWN_SQL);
          for (const statement of known.rowsChanged > 0 ? MERGE_WITH_KNOWN : MERGE_NEW) await writer.run(statement);
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
