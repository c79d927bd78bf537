import { GraphQLError } from 'graphql';
import { Pool, errors as undiciErrors } from 'undici';
import { InflightDeduplicator } from './dedupeInflight.js';
import { engineMetrics } from './engineMetrics.js';

export interface SubgraphClientOptions {
  readonly name: string;
  readonly url: string;
  /** Time allowed for the response headers, then again for the body. */
  readonly timeoutMs: number;
  /** Keep-alive connections in the pool. */
  readonly connections: number;
  /** Share identical in-flight queries (never mutations). */
  readonly dedupe: boolean;
}

/** A subgraph's answer, parsed, with the one header the gateway acts on. */
export interface SubgraphResponse {
  readonly body: Record<string, unknown>;
  readonly cacheControl: string | undefined;
}

/** What came over the wire; shared between de-duplicated callers, each of whom parses it. */
interface RawResponse {
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string | undefined;
  readonly cacheControl: string | undefined;
  readonly text: string;
}

/**
 * One subgraph over its own undici keep-alive pool. Failures are reported with the messages and
 * extensions `@apollo/gateway`'s `RemoteGraphQLDataSource` (over undici's fetch, as our
 * `UndiciDataSource` runs it) would report, so clients see the same errors whichever engine runs.
 */
export class SubgraphClient {
  private readonly pool: Pool;
  private readonly path: string;
  private readonly inflight = new InflightDeduplicator<RawResponse>();

  constructor(private readonly options: SubgraphClientOptions) {
    const url = new URL(options.url);
    this.path = url.pathname + url.search;
    this.pool = new Pool(url.origin, {
      connections: options.connections,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  }

  get name(): string {
    return this.options.name;
  }

  /**
   * POSTs a GraphQL request body (already JSON) and returns the parsed answer. `shareKey`, when
   * given and de-duplication is on, names the headers that make two requests identical.
   */
  async send(body: string, headers: Record<string, string>, shareKey: string | undefined): Promise<SubgraphResponse> {
    const raw =
      this.options.dedupe && shareKey !== undefined
        ? await this.inflight.run(
            `${shareKey}\n${body}`,
            () => this.post(body, headers),
            () => engineMetrics.subgraphRequestsDeduplicated++,
          )
        : await this.post(body, headers);
    if (raw.status < 200 || raw.status > 299) throw this.errorFromResponse(raw);
    const parsed: unknown = isJson(raw.contentType) ? JSON.parse(raw.text) : raw.text;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`Expected JSON response body, but received: ${String(parsed)}`);
    }
    return { body: parsed as Record<string, unknown>, cacheControl: raw.cacheControl };
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  /** One POST, read straight off undici's dispatcher: no response stream, one decode of the body. */
  private post(body: string, headers: Record<string, string>): Promise<RawResponse> {
    engineMetrics.subgraphRequests++;
    return new Promise<RawResponse>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let status = 0;
      let statusText = '';
      let contentType: string | undefined;
      let cacheControl: string | undefined;
      this.pool.dispatch(
        { path: this.path, method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body },
        {
          // undici tells its two handler styles apart by this method
          onRequestStart() {},
          onResponseStart(_controller, statusCode, responseHeaders, statusMessage) {
            status = statusCode;
            statusText = statusMessage ?? '';
            contentType = single(responseHeaders['content-type']);
            cacheControl = single(responseHeaders['cache-control']);
          },
          onResponseData(_controller, chunk) {
            chunks.push(chunk);
          },
          onResponseEnd() {
            const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
            resolve({ status, statusText, contentType, cacheControl, text });
          },
          onResponseError(_controller, error) {
            reject(asFetchError(error));
          },
        },
      );
    });
  }

  /** `RemoteGraphQLDataSource.errorFromResponse`: status line as message, the response in extensions. */
  private errorFromResponse(raw: RawResponse): GraphQLError {
    const body: unknown = isJson(raw.contentType) ? JSON.parse(raw.text) : raw.text;
    const extensions: Record<string, unknown> = {
      response: { url: this.options.url, status: raw.status, statusText: raw.statusText, body },
    };
    if (raw.status === 401) extensions.code = 'UNAUTHENTICATED';
    else if (raw.status === 403) extensions.code = 'FORBIDDEN';
    return new GraphQLError(`${raw.status}: ${raw.statusText}`, { extensions });
  }
}

function isJson(contentType: string | undefined): boolean {
  return (
    contentType !== undefined && (contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json'))
  );
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * undici's `fetch` (which the stock engine goes through) reports a timeout as a `TimeoutError`
 * and any transport failure as `TypeError: fetch failed`; the pool's own errors are renamed so.
 */
function asFetchError(error: unknown): Error {
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) {
    return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
  }
  return new TypeError('fetch failed', { cause: error });
}
