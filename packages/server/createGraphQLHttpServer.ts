import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';
import { PROMETHEUS_CONTENT_TYPE, renderProcessMetrics } from '../metrics/index.js';
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext, runWithTestTrigger, type Logger } from '../log/index.js';
import { PRINCIPAL_HEADER, principalKeyFrom, readCallerPrincipal, type CallerPrincipal } from '../principal/index.js';
import { readTestTrigger } from '../testmode/index.js';
import { leanRequestPathOf } from './leanRequestPaths.js';
import { BodyTooLargeError, readBody } from './readBody.js';
import { isServiceCaller, SERVICE_SECRET_HEADER } from './serviceAuth.js';

export interface ReadinessReport {
  ready: boolean;
  [detail: string]: unknown;
}

export interface IncomingRequestInfo {
  requestId: string;
  headers: IncomingMessage['headers'];
  /** The peer's address (the client, or the proxy in front of it). */
  remoteAddress?: string | undefined;
  /**
   * Who the gateway says the caller is (`x-tradegraph-principal`), when the server is closed to
   * the gateway (`access`) and the header's signature holds; undefined otherwise.
   */
  principal?: CallerPrincipal | undefined;
  /** Whether the request carries the service secret itself (an internal caller such as orders). */
  serviceCaller?: boolean;
  /**
   * The GraphQL requests as sent (one, or each of a batch), before Apollo Server reads them: for
   * limits that must hold before a document is parsed or stored (its length, an APQ registration).
   */
  graphQLRequests?: ReadonlyArray<SentGraphQLRequest>;
}

/** A GraphQL request's `query` and `extensions` as the client sent them, unchecked. */
export interface SentGraphQLRequest {
  readonly query: unknown;
  readonly extensions: unknown;
}

/**
 * Who may run GraphQL operations here. `public`: anyone (the gateway, which checks API keys
 * itself). `{ serviceSecret }`: a subgraph, closed by default: every operation, `_entities` and
 * `_service` included, needs the principal the gateway signed with a key derived from the secret,
 * or the secret itself; anything else is refused with 401 before its body is read.
 */
export type ServerAccess = 'public' | { readonly serviceSecret: string };

/** A POST to the GraphQL path, its body parsed, offered to a `serveGraphQL` hook. */
export interface GraphQLPostRequest<TContext extends BaseContext> {
  /** The parsed JSON body, unchecked. */
  readonly body: unknown;
  readonly headers: IncomingMessage['headers'];
  /** What the context factory is given. */
  readonly info: IncomingRequestInfo;
  /** The server's context factory, given `info`. */
  readonly context: () => Promise<TContext>;
  /** Apollo Server's answer to the request, with `context` in place of the server's context factory when given. */
  readonly viaApollo: (context?: () => Promise<TContext>) => Promise<HTTPGraphQLResponse>;
}

/** A complete response whose body is already its UTF-8 bytes (a long JSON text is best encoded in pieces). */
export interface BytesGraphQLResponse {
  readonly status?: number | undefined;
  readonly headers: HeaderMap;
  readonly body: { readonly kind: 'bytes'; readonly bytes: Uint8Array };
}

/** Answers a GraphQL POST itself, or returns what `viaApollo` answers. */
export type ServeGraphQLPost<TContext extends BaseContext> = (
  request: GraphQLPostRequest<TContext>,
) => Promise<HTTPGraphQLResponse | BytesGraphQLResponse>;

/** Answers one extra path (e.g. `/metrics`) outside GraphQL. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  logger: Logger;
  /** Builds the per-request context (DataLoaders live here). */
  context: (request: IncomingRequestInfo) => Promise<TContext>;
  /** `/ready`: whether this service can do its work now. Defaults to always ready. */
  readiness?: () => Promise<ReadinessReport>;
  graphqlPath?: string;
  maxBodyBytes?: number;
  /** Extra paths answered before GraphQL, e.g. `/metrics`. Default: none. */
  routes?: ReadonlyMap<string, RouteHandler>;
  /** Answers a browser's `GET` of the GraphQL path (`accept: text/html`), e.g. with an explorer. Default: Apollo Server answers. */
  browserPage?: RouteHandler;
  /** Told of each request refused before it reached Apollo Server (413, malformed JSON), e.g. for metrics. */
  onRejected?: (code: string, status: number) => void;
  /**
   * Whether each request runs inside an async request-id context (`runWithRequestContext`), so
   * every log line and upstream call made while serving it carries the id without being told.
   * That context costs a hook on every promise of the process. Without it, only this server's own
   * request log lines name the id, and the service passes it on itself (the gateway does, in the
   * headers of its subgraph calls). Default: true.
   */
  asyncRequestContext?: boolean;
  /** Who may call (see `ServerAccess`); required, so a service cannot be left open by omission. */
  access: ServerAccess;
  /**
   * Serves POSTs to the GraphQL path (after the body is read and parsed) in place of Apollo Server,
   * handing to it (`viaApollo`) what it does not serve. Default: the lean request path of a server
   * made by `createApolloServer` over a schema (`leanRequestPathOf`), else Apollo Server serves every request.
   */
  serveGraphQLPost?: ServeGraphQLPost<TContext>;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly httpServer: Server;
  close(): Promise<void>;
}

/**
 * Serves an Apollo Server on plain node:http: `/graphql`, `/health` (the process answers),
 * `/ready` (it can do its work) and, unless a route answers it, `/metrics` (`processMetrics()`). Every request has an id, the one the client sent or a new one,
 * and (unless `asyncRequestContext` is false) runs inside a request-id context, so log lines and
 * outgoing calls carry it.
 */
export function createGraphQLHttpServer<TContext extends BaseContext>(options: GraphQLHttpServerOptions<TContext>): Server {
  const { apollo, logger, graphqlPath = '/graphql', maxBodyBytes = 1_000_000 } = options;
  const readiness = options.readiness ?? (async () => ({ ready: true }));
  const serveGraphQLPost = options.serveGraphQLPost ?? leanRequestPathOf(apollo);
  const serviceSecret = options.access === 'public' ? undefined : options.access.serviceSecret;
  const principalKey = serviceSecret === undefined ? undefined : principalKeyFrom(serviceSecret);
  const callerOf = (request: IncomingMessage): { principal: CallerPrincipal | undefined; serviceCaller: boolean } => {
    if (serviceSecret === undefined || principalKey === undefined) return { principal: undefined, serviceCaller: false };
    const principal = readCallerPrincipal(request.headers, principalKey, Date.now(), (reason) =>
      logger.warn('refused a caller principal that does not verify', { reason }),
    );
    return { principal, serviceCaller: isServiceCaller(request.headers, serviceSecret) };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return sendJson(response, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      const report = await readiness();
      return sendJson(response, report.ready ? 200 : 503, report);
    }
    const route = options.routes?.get(url.pathname);
    if (route !== undefined) return route(request, response);
    if (url.pathname === '/metrics') {
      // the process's series: Node's own (event loop, heap, GC) and each upstream's latency, errors and circuit
      response.setHeader('content-type', PROMETHEUS_CONTENT_TYPE);
      return void response.end(await renderProcessMetrics());
    }
    if (url.pathname !== graphqlPath) return sendJson(response, 404, { error: `Not found: ${url.pathname}` });
    if (options.browserPage !== undefined && request.method === 'GET' && prefersHtml(request.headers.accept))
      return options.browserPage(request, response);
    const reject = (status: number, message: string, code: string): void => {
      options.onRejected?.(code, status);
      sendGraphQLError(response, status, message, code);
    };
    const caller = callerOf(request);
    if (serviceSecret !== undefined && caller.principal === undefined && !caller.serviceCaller) {
      response.setHeader('www-authenticate', 'TradegraphPrincipal');
      return reject(
        401,
        `This service answers the gateway only: send a signed ${PRINCIPAL_HEADER} or ${SERVICE_SECRET_HEADER}`,
        'UNAUTHENTICATED',
      );
    }

    let body: unknown;
    if (request.method === 'POST') {
      let text: string;
      try {
        text = await readBody(request, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError)
          return reject(413, `Request body is larger than ${maxBodyBytes} bytes`, 'PAYLOAD_TOO_LARGE');
        throw error;
      }
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        return reject(400, 'Request body is not valid JSON', 'BAD_REQUEST');
      }
    }

    // A test-mode trigger is honoured from internal callers only (orders running a test-mode
    // booking); a client cannot reach a subgraph with the secret, so it cannot force an outcome.
    const testTrigger = caller.serviceCaller ? readTestTrigger(request.headers) : undefined;
    const info: IncomingRequestInfo = {
      requestId,
      headers: request.headers,
      remoteAddress: request.socket.remoteAddress,
      principal: caller.principal,
      serviceCaller: caller.serviceCaller,
      graphQLRequests: sentRequests(body, url.searchParams),
    };
    const context = () => options.context(info);
    const viaApollo = (contextValue: () => Promise<TContext> = context) => {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      return apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
        context: contextValue,
      });
    };
    const execute =
      serveGraphQLPost !== undefined && request.method === 'POST'
        ? () => serveGraphQLPost({ body, headers: request.headers, info, context, viaApollo })
        : () => viaApollo();
    const result = testTrigger === undefined ? await execute() : await runWithTestTrigger(testTrigger, execute);
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind !== 'chunked') {
      // one UTF-8 copy, sent as it is: a string body would be measured, copied again with the
      // headers and converted once more by the socket
      const bytes = result.body.kind === 'bytes' ? result.body.bytes : utf8Bytes(result.body.string);
      response.setHeader('content-length', bytes.byteLength);
      response.end(bytes);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };

  const asyncRequestContext = options.asyncRequestContext ?? true;
  const serve = (request: IncomingMessage, response: ServerResponse, requestId: string): void => {
    const started = performance.now();
    response.on('finish', () => {
      const path = pathOf(request.url);
      if (path === '/health') return;
      // the path only: a GET's query string holds the operation's variables (a buyer's email, an address)
      logger.info('request', {
        requestId,
        method: request.method,
        path,
        status: response.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      });
    });
    handle(request, response, requestId).catch((error: unknown) => {
      logger.error('request failed', { requestId, error });
      if (!response.headersSent) sendGraphQLError(response, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
      else response.destroy();
    });
  };

  // A whole request (headers and body) must arrive within REQUEST_RECEIVE_TIMEOUT_MS: a client that
  // announces a longer body than it sends held its connection for Node's default of 5 minutes.
  // (Node looks for late requests every `connectionsCheckingInterval`: 30 s by default, 5 s here.)
  const timeouts = {
    requestTimeout: REQUEST_RECEIVE_TIMEOUT_MS,
    headersTimeout: REQUEST_RECEIVE_TIMEOUT_MS,
    connectionsCheckingInterval: 5_000,
  };
  return createServer(timeouts, (request, response) => {
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    if (asyncRequestContext) runWithRequestContext({ requestId }, () => serve(request, response, requestId));
    else serve(request, response, requestId);
  });
}

/** How long a client has to send a whole request, headers and body (Node answers 408 after it). */
export const REQUEST_RECEIVE_TIMEOUT_MS = 30_000;

/** Listens and resolves once the port is bound; port 0 picks a free one. */
export async function listen(server: Server, host: string, port: number, onClose?: () => Promise<void>): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    httpServer: server,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await onClose?.();
    },
  };
}

function sentRequests(body: unknown, search: URLSearchParams): SentGraphQLRequest[] {
  const one = (value: unknown): SentGraphQLRequest =>
    typeof value === 'object' && value !== null
      ? { query: (value as Record<string, unknown>).query, extensions: (value as Record<string, unknown>).extensions }
      : { query: undefined, extensions: undefined };
  if (Array.isArray(body)) return body.map(one);
  if (body !== undefined) return [one(body)];
  let extensions: unknown;
  try {
    extensions = JSON.parse(search.get('extensions') ?? 'null') ?? undefined;
  } catch {
    extensions = undefined;
  }
  return [{ query: search.get('query') ?? undefined, extensions }];
}

/** A request target without its query string. */
export function pathOf(target: string | undefined): string {
  const url = target ?? '/';
  const end = url.indexOf('?');
  return end === -1 ? url : url.slice(0, end);
}

function sendJson(response: ServerResponse, status: number, payload: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(payload));
}

function sendGraphQLError(response: ServerResponse, status: number, message: string, code: string): void {
  sendJson(response, status, { errors: [{ message, extensions: { code } }] });
}

/** Whether a request asks for a page rather than JSON: a browser navigating, not a GraphQL client's GET. */
function prefersHtml(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes('text/html');
}

const utf8 = new TextEncoder();

/**
 * The UTF-8 bytes of a response text. `JSON.stringify` returns a long text as a string of parts;
 * `TextEncoder` flattens it once and encodes it in bulk, with the bytes `Buffer.from(text,
 * 'utf8')` gives (lone surrogates included, each U+FFFD). On the public benchmark's 87 KB answer,
 * in process at a load average of about 30: 39 µs against 45–57 µs (BENCHMARKS.md).
 */
function utf8Bytes(text: string): Uint8Array {
  return utf8.encode(text);
}
