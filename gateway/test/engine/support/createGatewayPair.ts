import { ApolloGateway } from '@apollo/gateway';
import type { ApolloServer } from '@apollo/server';
import { createLogger } from '#packages/log/index.js';
import { createApolloServer } from '#packages/server/index.js';
import { useExecutionEngine, type EngineGateway } from '#gateway/src/engine/index.js';
import type { GatewayContext } from '#gateway/src/GatewayContext.js';
import { UndiciDataSource } from '#gateway/src/UndiciDataSource.js';

/** A request of the differential suite. */
export interface DifferentialRequest {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
}

/** A response as a client reads it, made comparable (see {@link comparable}). */
export type ComparableResponse = Record<string, unknown>;

export interface GatewayPair {
  readonly engineGateway: EngineGateway;
  /** The same request through stock @apollo/gateway, then through the engine (`beforeEach` runs before each). */
  run(request: DifferentialRequest, beforeEach?: () => void): Promise<{ stock: ComparableResponse; engine: ComparableResponse }>;
  stop(): Promise<void>;
}

/**
 * Two Apollo Servers as the gateway builds them, over one supergraph: one with stock
 * `@apollo/gateway` execution, one with the Tradegraph engine in front of the same kind of gateway.
 * Both reach the subgraphs through the gateway's own `UndiciDataSource`, so a subgraph that gives
 * no answer is `RETRYABLE` on both sides, as it is in service.
 */
export async function createGatewayPair(
  supergraphSdl: string,
  options: {
    /** The signed principal both executors send to subgraphs (`x-tradegraph-principal`): closed subgraphs need one. */
    principalHeader?: string;
    /** The engine's longest subgraph answer parsed at once (`UndiciDataSourceOptions.answerPieceBytes`). Default: the gateway's. */
    answerPieceBytes?: number;
  } = {},
): Promise<GatewayPair> {
  const logger = createLogger('differential', { level: 'silent' });
  const sources: UndiciDataSource[] = [];
  const gatewayOf = (answerPieceBytes?: number) =>
    new ApolloGateway({
      supergraphSdl,
      buildService: ({ name, url }) => {
        const source = new UndiciDataSource({ name, url: url!, timeoutMs: 10_000, connections: 4, answerPieceBytes });
        sources.push(source);
        return source;
      },
    });
  const stock = createApolloServer<GatewayContext>({ gateway: gatewayOf(), logger, production: false });
  const engineGateway = useExecutionEngine(gatewayOf(options.answerPieceBytes), { engine: 'tradegraph' });
  const engine = createApolloServer<GatewayContext>({ gateway: engineGateway, logger, production: false });
  await Promise.all([stock.start(), engine.start()]);

  const send = async (server: ApolloServer<GatewayContext>, request: DifferentialRequest) => {
    const response = await server.executeOperation(
      { query: request.query, variables: request.variables, operationName: request.operationName },
      { contextValue: { requestId: 'differential', principalHeader: options.principalHeader } },
    );
    if (response.body.kind !== 'single') throw new Error('incremental responses are not compared');
    return comparable(response.body.singleResult);
  };
  return {
    engineGateway,
    async run(request, beforeEach) {
      beforeEach?.();
      const stockResponse = await send(stock, request);
      beforeEach?.();
      const engineResponse = await send(engine, request);
      return { stock: stockResponse, engine: engineResponse };
    },
    async stop() {
      await Promise.all([stock.stop(), engine.stop()]);
      await Promise.all(sources.map((source) => source.pool.close()));
    },
  };
}

/**
 * A response as JSON, with what legitimately differs between two executors removed: the text of
 * stack traces (their presence is kept), and the order of errors, which for fetches running in
 * parallel is the order they happened to finish in, in stock as in the engine.
 */
export function comparable(result: unknown): ComparableResponse {
  const json = JSON.parse(JSON.stringify(result)) as ComparableResponse;
  const errors = json.errors;
  if (Array.isArray(errors)) {
    for (const error of errors as Array<{ extensions?: Record<string, unknown> }>) {
      if (error.extensions?.stacktrace) error.extensions.stacktrace = '<stacktrace>';
    }
    json.errors = errors
      .map((error) => JSON.stringify(error))
      .sort()
      .map((text) => JSON.parse(text) as unknown);
  }
  return json;
}
