import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Pool, fetch } from 'undici';
import { REQUEST_ID_HEADER } from '../../packages/log/index.js';
import type { GatewayContext } from './GatewayContext.js';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

export interface UndiciDataSourceOptions {
  name: string;
  url: string;
  timeoutMs: number;
  connections: number;
}

/**
 * A subgraph reached over its own undici keep-alive pool, with a timeout per request, and the
 * client's request id passed on so subgraph and upstream logs can be joined with ours.
 */
export class UndiciDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly pool: Pool;

  constructor(options: UndiciDataSourceOptions) {
    const pool = new Pool(new URL(options.url).origin, { connections: options.connections, keepAliveTimeout: 30_000, pipelining: 1 });
    const fetcher: Fetcher = async (url, init) => {
      const response = await fetch(url, {
        method: init?.method,
        headers: init?.headers,
        body: init?.body,
        dispatcher: pool,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      return response as unknown as Awaited<ReturnType<Fetcher>>; // undici's Response is a WHATWG Response, which the Fetcher type describes
    };
    super({ url: options.url, fetcher });
    this.pool = pool;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context.requestId !== undefined) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
