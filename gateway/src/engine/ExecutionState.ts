import type { Operation } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import type { EntityBatcher } from './EntityBatcher.js';
import type { ResponseObject } from './responseTypes.js';

/** One request's execution: the response tree being filled, its errors, what its fetches send. */
export interface ExecutionState {
  /** The response tree: every fetch merges into it; the projection reads it at the end. */
  readonly data: ResponseObject;
  /** Errors in the order fetches report them (subgraph errors, then failed fetches). */
  readonly errors: Error[];
  /** The request's variables, as sent (stock passes them to subgraphs uncoerced, so do we). */
  readonly variables: Readonly<Record<string, unknown>> | undefined;
  readonly operation: Operation;
  readonly supergraphSchema: GraphQLSchema;
  /** Headers every subgraph request carries (request id, language; see `subgraphRequestHeaders`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The buyer's language, which keys the entity cache. */
  readonly acceptLanguage: string | undefined;
  /** Apollo Server's cache policy of the request, narrowed by every subgraph answer; undefined outside Apollo Server. */
  readonly cachePolicy: unknown;
  /** What makes two requests' subgraph calls interchangeable when de-duplicating; undefined: never. */
  readonly shareKey: string | undefined;
  /** Sends entity fetches of this request that ask one subgraph the same thing at the same time as one request. */
  readonly batcher: EntityBatcher;
  /** Whether fetches get spans (and subgraphs their `traceparent`): OTEL_TRACES. */
  readonly traced: boolean;
}
