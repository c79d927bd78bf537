import { createWriteStream } from 'node:fs';
import type { Socket } from 'node:net';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { EXPORT_JOB_COLUMNS, exportJobAssignments, exportJobValues, toDeadLetter, toExportJob } from './storeRows.js';
import { mergeAssignments, tableStatements } from './tables.js';
import {
  applyDeltaStatements,
  COMPACT_EVERY_BATCHES,
  compactStatements,
  contributionSql,
  NEEDS_REBUILD_SQL,
  POSTGRES_DELTA_STATEMENT,
  rebuildStatements,
  rollupTableStatements,
} from './tradeFlowRollup.js';
import { FACT_COLUMNS } from './TradeFlowFact.js';
import type { SqlRow, SqlStatement, TradeFlowStore } from './TradeFlowStore.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const ARRAY_TYPES = { text: 'varchar[]', boolean: 'boolean[]', bigint: 'bigint[]', integer: 'integer[]', money: 'numeric[]' } as const;

// NUMERIC, BIGINT and COUNT come back as text (exact); instants and counts are read with Number() where used.
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- pg-types declares every parser as returning any
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format),
};

/**
 * Trade flows in PostgreSQL (`INSIGHTS_DATABASE_URL`), for replicas sharing one store. A
 * delivery's facts are upserted by one `INSERT … SELECT FROM unnest(…) ON CONFLICT`, a column per
 * array parameter, in one transaction with the rollup's changes.
 */
export function createPostgresStore(options: { connectionString: string; schema: string }): TradeFlowStore {
  const { schema } = options;
  if (!SCHEMA_NAME.test(schema)) throw new Error(`INSIGHTS_DATABASE_SCHEMA "${schema}" must be a lower-case SQL identifier`);
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 6, options: `-c search_path=${schema}`, types });
  const rows = async (text: string, params: readonly unknown[] = []): Promise<SqlRow[]> =>
    (await pool.query(text, [...params])).rows as SqlRow[];
  let batchesSinceCompaction = 0;
  const columnList = FACT_COLUMNS.map(([name]) => name).join(', ');
  const arrayParams = FACT_COLUMNS.map(([, kind], i) => `$${i + 1}::${ARRAY_TYPES[kind]}`).join(', ');
  async function inTransaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    dialect: 'postgres',

    async migrate() {
      await inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tradegraph-insights-migrations:${schema}`]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        for (const statement of [...tableStatements('postgres'), ...rollupTableStatements('postgres')]) await client.query(statement);
        const { rows: check } = await client.query<{ needed: boolean }>(NEEDS_REBUILD_SQL);
        if (check[0]?.needed) {
          await client.query(POSTGRES_DELTA_STATEMENT);
          for (const statement of rebuildStatements()) await client.query(statement);
        }
      });
    },

    async upsertFacts(facts) {
      if (facts.length === 0) return;
      await inTransaction(async (client) => {
        // The rollup loses the touched orders as they were, and gains them as they are now.
        const touched = [facts.map((fact) => fact.orderId)];
        await client.query(POSTGRES_DELTA_STATEMENT);
        await client.query(contributionSql('order_id = ANY($1::varchar[])', -1), touched);
        // One statement, one array parameter per column: PostgreSQL reads each array once, instead
        // of binding 28 parameters per row across many multi-row VALUES statements.
        await client.query(
          `INSERT INTO trade_flows (${columnList}) SELECT * FROM unnest(${arrayParams})
           ON CONFLICT (order_id) DO UPDATE SET ${mergeAssignments()}`,
          FACT_COLUMNS.map(([, , key]) => facts.map((fact) => fact[key])),
        );
        await client.query(contributionSql('order_id = ANY($1::varchar[])', 1), touched);
        for (const statement of applyDeltaStatements()) await client.query(statement);
      });
      // Counted per replica: each compacts after its own batches, one at a time (the lock).
      if (++batchesSinceCompaction >= COMPACT_EVERY_BATCHES) await this.compactRollup();
    },

    async compactRollup() {
      batchesSinceCompaction = 0;
      await inTransaction(async (client) => {
        for (const statement of compactStatements('postgres')) await client.query(statement);
      });
    },

    query(statement) {
      return rows(statement.text, statement.params);
    },

    async copyCsvTo(statement, target) {
      const client = await pool.connect();
      const file = createWriteStream(target);
      try {
        await copyOut(client, `COPY (${withLiterals(client, statement)}) TO STDOUT (FORMAT csv, HEADER true)`, file);
        file.end();
        await finished(file);
        client.release();
      } catch (error) {
        // A copy cut short leaves the connection mid-protocol: it is closed, not reused.
        client.release(error instanceof Error ? error : true);
        throw error;
      } finally {
        file.destroy();
      }
    },

    async addDeadLetter(letter, at) {
      await pool.query('INSERT INTO event_dead_letters VALUES ($1, $2, $3, $4, $5)', [
        letter.eventId,
        letter.source,
        letter.payload,
        letter.error,
        at,
      ]);
    },

    async listDeadLetters(limit) {
      return (await rows('SELECT * FROM event_dead_letters ORDER BY received_at LIMIT $1', [limit])).map(toDeadLetter);
    },

    async createExportJob(job) {
      await pool.query(
        `INSERT INTO export_jobs (${EXPORT_JOB_COLUMNS.join(', ')}) VALUES (${EXPORT_JOB_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
        exportJobValues(job),
      );
    },

    async getExportJob(id) {
      const [row] = await rows('SELECT * FROM export_jobs WHERE id = $1', [id]);
      return row && toExportJob(row);
    },

    async updateExportJob(id, patch, now) {
      const pairs = exportJobAssignments(patch, now);
      await pool.query(
        `UPDATE export_jobs SET ${pairs.map(([column], i) => `${column} = $${i + 1}`).join(', ')} WHERE id = $${pairs.length + 1}`,
        [...pairs.map(([, value]) => value), id],
      );
    },

    async claimExportJob(now, leaseUntil) {
      // SKIP LOCKED: replicas each take a different job.
      const [row] = await rows(
        `UPDATE export_jobs SET status = 'RUNNING', lease_until = $1, updated_at = $2
         WHERE id = (SELECT id FROM export_jobs WHERE status = 'PENDING' OR (status = 'RUNNING' AND lease_until <= $2)
                     ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [leaseUntil, now],
      );
      return row && toExportJob(row);
    },

    async close() {
      await pool.end();
    },
  };
}

/** A statement's `$n` parameters written into its text as literals: `COPY` takes no parameters. */
function withLiterals(client: pg.PoolClient, statement: SqlStatement): string {
  return statement.text.replace(/\$(\d+)/g, (_, position: string) => {
    const value = statement.params[Number(position) - 1];
    if (value === undefined) throw new Error(`statement has no parameter $${position}`);
    if (value === null) return 'NULL';
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`parameter $${position} is not a finite number`);
      return String(value);
    }
    return client.escapeLiteral(value);
  });
}

/**
 * Runs a `COPY … TO STDOUT` and writes its data, chunk by chunk as the server sends it, to `sink`;
 * the socket is paused while the sink is full. `pg` runs the protocol (and reports errors); only
 * its hook for copy data, a no-op in `pg.Query`, is filled in.
 */
function copyOut(client: pg.PoolClient, text: string, sink: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const query = new pg.Query(text) as pg.Query & {
      handleCopyData(message: { chunk: Buffer }, connection: { stream: Socket }): void;
    };
    let paused: Socket | undefined;
    const resume = () => {
      paused?.resume();
      paused = undefined;
    };
    query.handleCopyData = (message, connection) => {
      // The chunk is a view of the parser's buffer, which the next read overwrites: the sink may
      // hold it for a while, so it gets a copy. Chunks already read still arrive after a pause.
      if (!sink.write(Buffer.from(message.chunk)) && !paused) {
        paused = connection.stream;
        paused.pause();
        sink.once('drain', resume);
      }
    };
    // The copy may end with the socket paused for a drain that never comes (the sink is ended
    // next, not drained): the connection goes back to the pool reading again.
    const settle = () => {
      sink.removeListener('drain', resume);
      resume();
    };
    query.once('end', () => {
      settle();
      resolve();
    });
    query.once('error', (error: Error) => {
      settle();
      reject(error);
    });
    sink.once('error', reject);
    void client.query(query);
  });
}
