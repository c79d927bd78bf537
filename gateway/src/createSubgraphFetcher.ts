import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Headers, Response } from 'undici';
import {
  createSubgraphTransport,
  type AttemptOutcome,
  type SubgraphTransport,
  type SubgraphTransportOptions,
} from './subgraph/createSubgraphTransport.js';

export type { AttemptOutcome } from './subgraph/createSubgraphTransport.js';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * Marks a subgraph request as safe to repeat (a query). Set by the data source, which knows the
 * operation, and removed here before the request leaves, so it never reaches a subgraph.
 */
export const IDEMPOTENT_MARKER_HEADER = 'x-tradegraph-idempotent';

export interface SubgraphFetcherOptions extends Omit<SubgraphTransportOptions, 'url' | 'pool'> {
  pool: NonNullable<SubgraphTransportOptions['pool']>;
  onAttempt?: (outcome: AttemptOutcome, seconds: number) => void;
}

/**
 * The data source's fetcher: @apollo/gateway's `RemoteGraphQLDataSource` speaks WHATWG fetch, so
 * this adapts the gateway's one subgraph transport to it (the Tradegraph engine calls the same
 * transport without the adapter). A request marked idempotent is retried as the transport
 * retries queries; anything else is sent once.
 */
export function createSubgraphFetcher(source: SubgraphTransport | SubgraphFetcherOptions): Fetcher {
  let transport: SubgraphTransport | undefined = 'post' in source ? source : undefined;
  const paths = new Map<string, string>();
  const fetcher = async (url: string, init?: Parameters<Fetcher>[1]) => {
    transport ??= createSubgraphTransport({ ...(source as SubgraphFetcherOptions), url });
    const { [IDEMPOTENT_MARKER_HEADER]: marker, ...headers } = init?.headers ?? {};
    let path = paths.get(url);
    if (path === undefined) {
      const parsed = new URL(url);
      paths.set(url, (path = parsed.pathname + parsed.search));
    }
    const raw = await transport.post(typeof init?.body === 'string' ? init.body : '', headers, marker === '1', path);
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(raw.headers)) {
      if (Array.isArray(value)) for (const each of value) responseHeaders.append(name, each);
      else if (value !== undefined) responseHeaders.set(name, value);
    }
    // a status without a body (204, 304) cannot be given one
    const body = raw.status === 204 || raw.status === 304 ? null : raw.text;
    const response = new Response(body, { status: raw.status, statusText: raw.statusText, headers: responseHeaders });
    // RemoteGraphQLDataSource names the URL in its errors, as fetch's own response would have it
    Object.defineProperty(response, 'url', { value: url });
    return response;
  };
  // undici's Response is a WHATWG Response, which the Fetcher type describes.
  return fetcher;
}
