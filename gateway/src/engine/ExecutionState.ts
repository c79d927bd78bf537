import type { Operation } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
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
  /** Headers every subgraph request carries (the request id). */
  readonly headers: Record<string, string>;
  /** What makes two requests' subgraph calls interchangeable when de-duplicating; undefined: never. */
  readonly shareKey: string | undefined;
  /** Called with each successful subgraph response's `cache-control` header. */
  readonly onCacheControl: ((header: string | undefined) => void) | undefined;
}
