import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line and outgoing call of one request needs to know about it. */
export interface RequestContext {
  readonly requestId: string;
  /**
   * A test-mode trigger (`packages/testmode`) this request carries: every upstream call made while
   * serving it passes the trigger on, so the sandbox at the end of the chain forces the outcome.
   */
  readonly testTrigger?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Header that carries the request id from the client through gateway, subgraphs and upstreams. */
export const REQUEST_ID_HEADER = 'x-request-id';

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a client-supplied id when it is safe to log and forward; otherwise makes a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && VALID_REQUEST_ID.test(value) ? value : randomUUID();
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The test-mode trigger of the request being served, if it carries one. */
export function currentTestTrigger(): string | undefined {
  return storage.getStore()?.testTrigger;
}

/** Runs `fn` with the current request context plus a test-mode trigger (a new request id if there is no context). */
export function runWithTestTrigger<T>(testTrigger: string, fn: () => T): T {
  return storage.run({ requestId: storage.getStore()?.requestId ?? randomUUID(), testTrigger }, fn);
}
