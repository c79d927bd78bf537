import type { DeadLetter } from '#packages/events/index.js';
import type { Dialect } from './tables.js';
import type { TradeFlowFact } from './TradeFlowFact.js';

/** A statement with `$1`-style parameters, the same text in both dialects unless a builder chose per dialect. */
export interface SqlStatement {
  readonly text: string;
  readonly params: readonly (string | number | boolean | null)[];
}

/** A row as read back: columns by name; decimals and big integers come as text. */
export type SqlRow = Readonly<Record<string, string | number | boolean | null>>;

export type ExportJobStatus = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';

export interface ExportJob {
  readonly id: string;
  /** The key id that asked for it: only it sees the job. */
  readonly owner: string;
  readonly status: ExportJobStatus;
  readonly format: 'CSV' | 'PARQUET';
  /** The validated query, as JSON: a restarted service runs it again from this. */
  readonly request: string;
  readonly progress: number;
  readonly rowsWritten: number | null;
  /** The finished file, relative to the exports folder. */
  readonly path: string | null;
  readonly expiresAt: number | null;
  readonly error: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** A runner holds the job until then; after a crash another picks it up. */
  readonly leaseUntil: number;
}

export type ExportJobPatch = Partial<
  Pick<ExportJob, 'status' | 'progress' | 'rowsWritten' | 'path' | 'expiresAt' | 'error' | 'leaseUntil'>
>;

/**
 * Where trade flows are kept. DuckDB (embedded, one file) by default; PostgreSQL with
 * `INSIGHTS_DATABASE_URL`, shared by replicas. Both pass `test/defineTradeFlowStoreSuite.ts`.
 */
export interface TradeFlowStore {
  readonly dialect: Dialect;
  migrate(): Promise<void>;
  /** Writes facts in one transaction: new orders inserted, known ones updated with the fields each fact knows. At most one fact per order. */
  upsertFacts(facts: readonly TradeFlowFact[]): Promise<void>;
  /** Folds the rollup's cells to one row each (`tradeFlowRollup.ts`); the store does it every few batches by itself. */
  compactRollup(): Promise<void>;
  /** Runs a read-only query built for this dialect. */
  query(statement: SqlStatement): Promise<SqlRow[]>;
  /**
   * DuckDB only: writes a query's rows straight to `target` with `COPY (…) TO` (`options` as COPY
   * takes them, e.g. `FORMAT csv, HEADER true`), without passing them through JavaScript; resolves
   * to the rows written.
   */
  copyTo?(statement: SqlStatement, target: string, options: string): Promise<number>;
  /**
   * PostgreSQL only: writes a query's rows to the file `target` as CSV with a header, by `COPY (…)
   * TO STDOUT` streamed to the file as it arrives (the rows are never read into JavaScript values).
   */
  copyCsvTo?(statement: SqlStatement, target: string): Promise<void>;
  addDeadLetter(letter: DeadLetter, at: number): Promise<void>;
  listDeadLetters(limit: number): Promise<Array<DeadLetter & { receivedAt: number }>>;
  createExportJob(job: ExportJob): Promise<void>;
  getExportJob(id: string): Promise<ExportJob | undefined>;
  updateExportJob(id: string, patch: ExportJobPatch, now: number): Promise<void>;
  /** Takes a job that is PENDING, or RUNNING with a lapsed lease (its runner died), holding it until `leaseUntil`. */
  claimExportJob(now: number, leaseUntil: number): Promise<ExportJob | undefined>;
  close(): Promise<void>;
}
