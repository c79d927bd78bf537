import { restrictCachePolicyTo, type CacheHint } from '../subgraph/restrictCachePolicy.js';
import { engineMetrics } from './engineMetrics.js';
import type { EngineExecutionResult } from './createExecutionEngine.js';
import type { PreparedOperation } from './prepareOperation.js';
import { writeResponseBytes, type ResponseWriting } from '#packages/server/writeResponseBytes.js';

/** How one request asks to run: the parts of it that decide whether two runs would be the same. */
export interface ShareRequest {
  /** The forwarded headers other than the request id (`shareKeyOf`). */
  readonly shareKey: string;
  readonly acceptLanguage: string | undefined;
  /** Apollo Server's cache policy of this request: narrowed by what the shared run's answers said. */
  readonly cachePolicy: unknown;
}

interface InflightRun {
  readonly result: Promise<EngineExecutionResult>;
  /** Every narrowing of the cache policy the run's subgraph answers asked for, in order. */
  readonly hints: CacheHint[];
}

/**
 * Identical queries in flight at the same time run once (`GATEWAY_DEDUPE=on`): the same prepared
 * operation with the same variables, the same forwarded headers and the same language would send
 * the same subgraph requests and get the same answers, so the first request runs the plan and the
 * others wait for its result. Each request still gets its own cache policy, narrowed by every hint
 * the run's subgraph answers gave, and its own copy of the result's top level. Mutations never
 * share. Nothing is kept once the run settles.
 *
 * The response text of a shared result is written once (`stringifyResponse`), not once per request.
 */
export class ExecutionSharing {
  private readonly inflight = new Map<string, InflightRun>();
  private readonly ids = new WeakMap<PreparedOperation, number>();
  private nextId = 0;

  /** Runs `execute` with a cache policy that records its hints, unless an identical run is in flight. */
  async run(
    prepared: PreparedOperation,
    variables: Readonly<Record<string, unknown>> | undefined,
    request: ShareRequest,
    execute: (cachePolicy: { restrict(hint: CacheHint): void }) => Promise<EngineExecutionResult>,
  ): Promise<EngineExecutionResult> {
    const key = `${this.idOf(prepared)}\n${request.acceptLanguage ?? ''}\n${request.shareKey}\n${variables === undefined ? '' : JSON.stringify(variables)}`;
    let run = this.inflight.get(key);
    if (run) engineMetrics.executionsShared++;
    else {
      const hints: CacheHint[] = [];
      const result = execute({ restrict: (hint) => void hints.push({ ...hint }) }).finally(() => this.inflight.delete(key));
      run = { result, hints };
      this.inflight.set(key, run);
    }
    const result = await run.result;
    for (const hint of run.hints) restrictCachePolicyTo(request.cachePolicy, hint);
    if (result.data) sharedData.add(result.data);
    return { ...result };
  }

  private idOf(prepared: PreparedOperation): number {
    let id = this.ids.get(prepared);
    if (id === undefined) this.ids.set(prepared, (id = this.nextId++));
    return id;
  }
}

/** Data objects that more than one response may carry, and what was written for each. */
const sharedData = new WeakSet<object>();
const responseTexts = new WeakMap<object, string>();
const responseBytesOf = new WeakMap<object, Uint8Array>();

type ResponseValue = { errors?: unknown; data?: unknown; extensions?: unknown };

/**
 * Apollo Server's `stringifyResult` for the gateway: `JSON.stringify`, without the newline Apollo's
 * own appends (that makes an 87 KB answer a two-part string that is copied whole to be measured
 * and sent). A shared execution's response, without errors or extensions, is written once and the
 * same text is sent to every request that shared it.
 */
export function stringifyResponse(value: ResponseValue): string {
  return writtenOnce(value, responseTexts, JSON.stringify);
}

/**
 * The response's UTF-8 bytes, as `stringifyResponse` writes its text (`writeResponseBytes`, with
 * the operation's `writing`): for the gateway's own request path, which sends bytes. A shared
 * execution's bytes are written once.
 */
export function responseBytes(value: ResponseValue, writing?: ResponseWriting): Uint8Array {
  return writtenOnce(value, responseBytesOf, (response) => writeResponseBytes(response, '', writing));
}

/** `write(value)`, kept with a shared execution's data (without errors or extensions) so that every request sharing it gets the same. */
function writtenOnce<T>(value: ResponseValue, written: WeakMap<object, T>, write: (value: ResponseValue) => T): T {
  const { data } = value;
  if (value.errors !== undefined || value.extensions !== undefined || typeof data !== 'object' || data === null || !sharedData.has(data))
    return write(value);
  let output = written.get(data);
  if (output === undefined) written.set(data, (output = write(value)));
  return output;
}
