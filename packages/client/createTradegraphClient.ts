import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, print, type OperationTypeNode } from 'graphql';
import { PlaceOrderDocument, type PlaceOrderInput, type PlaceOrderMutation } from '#operations/__generated__/operations.js';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelay, type RetryPolicy } from './retryDelay.js';
import { TradegraphError, type TradegraphErrorEntry } from './TradegraphError.js';

export interface TradegraphClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  readonly url: string;
  /** Sent as `x-api-key`; without one, requests are keyless (no booking). */
  readonly apiKey?: string;
  /** Automatic persisted queries: send the document's hash, and the document only when the gateway asks. Default: true. */
  readonly apq?: boolean;
  /** How queries are retried (mutations never are). Default: 2 retries, 250 ms doubling. */
  readonly retry?: Partial<RetryPolicy>;
  /** Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/** `placeOrder`'s input; the idempotency key may be left out, and one is made. */
export type PlaceOrderRequest = Omit<PlaceOrderInput, 'idempotencyKey'> & { readonly idempotencyKey?: string };

export interface TradegraphClient {
  /** Runs one operation of `operations/` (or any typed document); resolves to its data, or throws a `TradegraphError`. */
  request<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Promise<TResult>;
  /**
   * Books a quote. Without an `idempotencyKey` one is made (returned with the answer): send the same
   * key again after a failure whose outcome is unknown, and the same order comes back, never a second.
   */
  placeOrder(input: PlaceOrderRequest): Promise<{ idempotencyKey: string; payload: PlaceOrderMutation['placeOrder'] }>;
}

interface PreparedDocument {
  readonly text: string;
  readonly operationName: string | undefined;
  readonly operation: OperationTypeNode;
  readonly sha256: Promise<string>;
}

interface GraphQLAnswer {
  data?: unknown;
  errors?: TradegraphErrorEntry[];
}

/**
 * A typed client of the Tradegraph API: typed operations from codegen (`TypedDocumentNode`), APQ,
 * retries with backoff for queries only (a mutation is sent once: its idempotency key is how a
 * caller repeats it safely), and an idempotency key made for `placeOrder` when none is given.
 */
export function createTradegraphClient(options: TradegraphClientOptions): TradegraphClient {
  const send = options.fetch ?? fetch;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const apq = options.apq ?? true;
  const prepared = new WeakMap<object, PreparedDocument>();
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...(options.apiKey && { 'x-api-key': options.apiKey }),
  };

  const prepare = (document: TypedDocumentNode<unknown, never>): PreparedDocument => {
    let found = prepared.get(document);
    if (found === undefined) {
      const definition = document.definitions.find((node) => node.kind === Kind.OPERATION_DEFINITION);
      if (definition?.kind !== Kind.OPERATION_DEFINITION) throw new TypeError('the document has no operation');
      const text = print(document);
      found = { text, operationName: definition.name?.value, operation: definition.operation, sha256: sha256Hex(text) };
      prepared.set(document, found);
    }
    return found;
  };

  /** One HTTP exchange; a network failure is status 0. */
  const post = async (body: Record<string, unknown>): Promise<{ status: number; retryAfter: string | null; answer?: GraphQLAnswer }> => {
    let response: Response;
    try {
      response = await send(options.url, { method: 'POST', headers, body: JSON.stringify(body) });
    } catch {
      return { status: 0, retryAfter: null };
    }
    const text = await response.text();
    let answer: GraphQLAnswer | undefined;
    try {
      answer = JSON.parse(text) as GraphQLAnswer;
    } catch {
      answer = undefined;
    }
    return { status: response.status, retryAfter: response.headers.get('retry-after'), ...(answer !== undefined && { answer }) };
  };

  /** Sends by hash first (APQ), and the document itself when the gateway does not know the hash yet. */
  const exchange = async (document: PreparedDocument, variables: unknown) => {
    const base = { operationName: document.operationName, variables };
    if (!apq) return post({ ...base, query: document.text });
    const persistedQuery = { version: 1, sha256Hash: await document.sha256 };
    const byHash = await post({ ...base, extensions: { persistedQuery } });
    const code = byHash.answer?.errors?.[0]?.extensions?.code;
    if (code !== 'PERSISTED_QUERY_NOT_FOUND') return byHash;
    return post({ ...base, query: document.text, extensions: { persistedQuery } });
  };

  async function request<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Promise<TResult> {
    const operation = prepare(document);
    const attempts = operation.operation === 'query' ? policy.retries + 1 : 1;
    for (let attempt = 0; ; attempt++) {
      const { status, retryAfter, answer } = await exchange(operation, variables);
      const retryable = status === 0 || isRetryableStatus(status);
      if (retryable && attempt + 1 < attempts) {
        await new Promise((resolve) => setTimeout(resolve, retryDelay(policy, attempt, retryAfter)));
        continue;
      }
      if (answer?.errors !== undefined && answer.errors.length > 0)
        throw new TradegraphError(answer.errors.map((error) => error.message).join('; '), status, answer.errors, answer.data);
      if (answer?.data === undefined || answer.data === null)
        throw new TradegraphError(status === 0 ? `${options.url} could not be reached` : `the API answered ${status} without data`, status);
      return answer.data as TResult;
    }
  }

  return {
    request,
    async placeOrder(input) {
      const idempotencyKey = input.idempotencyKey ?? crypto.randomUUID();
      const data = await request(PlaceOrderDocument, { input: { ...input, idempotencyKey } });
      return { idempotencyKey, payload: data.placeOrder };
    },
  };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
