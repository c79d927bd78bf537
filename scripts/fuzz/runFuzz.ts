import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { corruptOperation } from './corruptOperation.js';
import { generateOperation } from './generateOperation.js';
import { errorCodesOf, judgeAnswer, type FuzzKind } from './judgeAnswer.js';
import { malformedRequest, rawRequest, type RawRequest } from './malformedRequest.js';
import { Random } from './Random.js';
import { sendRawRequest, type RawAnswer } from './sendRawRequest.js';

/** The public schema, as clients see it (`npm run compose` writes it). */
export function loadPublicSchema(root: URL = new URL('../../', import.meta.url)): GraphQLSchema {
  return buildSchema(readFileSync(new URL('schema/api.graphql', root), 'utf8'));
}

export interface FuzzOptions {
  readonly gatewayUrl: string;
  /** A key with the development scopes, as `npm start` makes one. */
  readonly apiKey: string;
  readonly seed: number;
  readonly requests: number;
  /** Requests in flight at once. Default 8. */
  readonly concurrency?: number;
  /** Hosts of the subgraphs: none may show in an answer. */
  readonly internalOrigins: readonly string[];
  /** Run only this case number of the seed (to replay a failure). */
  readonly only?: number;
  /** How long one answer may take before it counts as a timeout. Default 30 s. */
  readonly timeoutMs?: number;
  readonly schema?: GraphQLSchema;
  /** Called after each answer, e.g. for a progress line. */
  readonly onAnswer?: (done: number) => void;
}

export interface FuzzCase {
  readonly index: number;
  readonly kind: FuzzKind;
  readonly label: string;
  readonly request: RawRequest;
}

export interface FuzzViolation {
  readonly fuzzCase: FuzzCase;
  readonly rule: string;
  readonly answer: RawAnswer;
}

/** Counts per kind and label of request. */
export interface FuzzRow {
  sent: number;
  ok2xx: number;
  client4xx: number;
  server5xx: number;
  closed: number;
  timeouts: number;
  violations: number;
}

export interface FuzzReport {
  readonly seed: number;
  readonly sent: number;
  readonly rows: ReadonlyMap<string, FuzzRow>;
  readonly statuses: ReadonlyMap<number, number>;
  readonly errorCodes: ReadonlyMap<string, number>;
  readonly violations: readonly FuzzViolation[];
  readonly slowestMs: number;
  readonly elapsedMs: number;
}

/** Case `index` of run `seed`: the same pair always gives the same bytes. */
export function fuzzCase(schema: GraphQLSchema, seed: number, index: number, gatewayUrl: string, apiKey: string): FuzzCase {
  const random = Random.forCase(seed, index);
  const { host, pathname } = new URL(gatewayUrl);
  const kind = random.weighted<FuzzKind>([
    [45, 'valid'],
    [35, 'invalid'],
    [20, 'http'],
  ]);
  if (kind === 'http') {
    const request = malformedRequest(host, pathname, apiKey, random);
    return { index, kind, label: request.label, request };
  }
  const key = random.weighted<string | undefined>([
    [90, apiKey],
    [5, undefined],
    [5, `tg_${'x'.repeat(random.int(1, 64))}`],
  ]);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(key !== undefined && { 'x-api-key': key }) };
  if (kind === 'valid') {
    const operation = generateOperation(schema, random);
    const rootField = /\{ (\w+)/.exec(operation.query)?.[1] ?? '?';
    const label = `${operation.query.startsWith('mutation') ? 'mutation' : 'query'} ${rootField}`;
    if (!operation.query.startsWith('mutation') && random.chance(0.15)) {
      const search = new URLSearchParams({ query: operation.query, variables: JSON.stringify(operation.variables) });
      return { index, kind, label: `${label} (GET)`, request: rawRequest(label, host, 'GET', `${pathname}?${search.toString()}`, headers) };
    }
    return { index, kind, label, request: rawRequest(label, host, 'POST', pathname, headers, JSON.stringify(operation)) };
  }
  const corrupted = corruptOperation(schema, random);
  return {
    index,
    kind,
    label: corrupted.label,
    request: rawRequest(corrupted.label, host, 'POST', pathname, headers, JSON.stringify(corrupted.body)),
  };
}

/**
 * Sends `requests` generated cases to the gateway, `concurrency` at a time, and judges every
 * answer (`judgeAnswer`). Deterministic in what it sends for a seed; the order answers arrive in
 * is the machine's.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const schema = options.schema ?? loadPublicSchema();
  const port = Number(new URL(options.gatewayUrl).port);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const indexes = options.only !== undefined ? [options.only] : Array.from({ length: options.requests }, (_, i) => i);
  const rows = new Map<string, FuzzRow>();
  const statuses = new Map<number, number>();
  const errorCodes = new Map<string, number>();
  const violations: FuzzViolation[] = [];
  let slowestMs = 0;
  let done = 0;
  let next = 0;
  const started = performance.now();

  const worker = async () => {
    while (next < indexes.length) {
      const fuzzCase_ = fuzzCase(schema, options.seed, indexes[next++]!, options.gatewayUrl, options.apiKey);
      const answer = await sendRawRequest(port, fuzzCase_.request, timeoutMs);
      const key = `${fuzzCase_.kind}: ${fuzzCase_.label}`;
      const row = rows.get(key) ?? { sent: 0, ok2xx: 0, client4xx: 0, server5xx: 0, closed: 0, timeouts: 0, violations: 0 };
      rows.set(key, row);
      row.sent++;
      slowestMs = Math.max(slowestMs, answer.ms);
      if (answer.kind === 'answered') {
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500) row.server5xx++;
        else if (answer.status >= 400) row.client4xx++;
        else row.ok2xx++;
        for (const code of errorCodesOf(answer)) errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1);
      } else if (answer.kind === 'closed') row.closed++;
      else row.timeouts++;
      const rule = judgeAnswer(answer, options.internalOrigins);
      if (rule !== undefined) {
        row.violations++;
        violations.push({ fuzzCase: fuzzCase_, rule, answer });
      }
      done++; // not inside `onAnswer?.(…)`: an absent callback would skip the count
      options.onAnswer?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, indexes.length) }, worker));
  return {
    seed: options.seed,
    sent: done,
    rows,
    statuses,
    errorCodes,
    violations,
    slowestMs,
    elapsedMs: Math.round(performance.now() - started),
  };
}
