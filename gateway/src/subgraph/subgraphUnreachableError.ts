import { GraphQLError } from 'graphql';
import { GatewayErrorCode } from '../gatewayError.js';

/**
 * A subgraph call that got no answer: the connection was refused or dropped, or the subgraph did
 * not answer in time (a process restarting, a replica killed mid-request). The client may send
 * the operation again: a query as it is, a mutation with the same idempotency key, which makes
 * a second attempt return what the first did if it took effect. Code `RETRYABLE`, with
 * `retryable: true` and the subgraph; no URL, no socket error.
 */
export function subgraphUnreachableError(subgraph: string, cause: unknown, mutation: boolean): GraphQLError {
  const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
  const what = timedOut ? `${subgraph} did not answer in time` : `the connection to ${subgraph} failed before it answered`;
  const advice = mutation
    ? 'it may or may not have taken effect: send it again with the same idempotencyKey, which never books twice'
    : 'send it again';
  // the socket error (with the subgraph's address) stays out, even of a development stack trace
  return new GraphQLError(`${what}; ${advice}`, {
    extensions: { code: GatewayErrorCode.RETRYABLE, retryable: true, subgraph },
  });
}

/** Whether a thrown value is the transport's "no answer" (`fetch failed` with a socket error, or a timeout). */
export function isNoAnswer(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || (error instanceof TypeError && error.message === 'fetch failed'));
}
