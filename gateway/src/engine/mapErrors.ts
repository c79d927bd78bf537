import { ERRORS, errorCodeDef } from '@apollo/federation-internals';
import type { ResponsePath } from '@apollo/query-planner';
import { GraphQLError, type GraphQLErrorOptions } from 'graphql';
import { hasOwn, isResponseObject } from './responseTypes.js';

/** An error as a subgraph sends it in its response's `errors`. */
export interface SubgraphError {
  message?: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

/**
 * A subgraph's error as the client sees it, built exactly as `@apollo/gateway` builds it: the
 * message kept (or a default naming the subgraph), `serviceName` added to the extensions, a known
 * federation code kept, an unknown code kept as is, no code becoming `DOWNSTREAM_SERVICE_ERROR`.
 */
export function downstreamServiceError(error: SubgraphError, serviceName: string, path: ResponsePath | undefined): GraphQLError {
  const message = error.message || `Error while fetching subquery from service "${serviceName}"`;
  const options: GraphQLErrorOptions = {
    // the subgraph's error object is what @apollo/gateway passes on; it is not an Error instance
    originalError: error as Error,
    ...(path !== undefined && { path }),
    extensions: { ...error.extensions, serviceName },
  };
  const codeDef = errorCodeDef(error as GraphQLError);
  if (!codeDef && error.extensions?.code) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

/**
 * Rewrites a subgraph error's path into the client's path. For an entity fetch, the path
 * `['_entities', i, ...rest]` names representation `i`; after de-duplication one sent
 * representation may stand for several entities, so one subgraph error can become several
 * client errors, one per entity, each with that entity's path, as stock's would have been.
 */
export function clientPathsOf(
  errorPath: ReadonlyArray<string | number> | undefined,
  cursorPath: ResponsePath,
  entityPaths: (() => ResponsePath[]) | undefined,
  planIndexesOfSent: ((sentIndex: number) => number[]) | undefined,
): Array<ResponsePath | undefined> {
  if (entityPaths && planIndexesOfSent && typeof errorPath?.[1] === 'number') {
    const paths = entityPaths();
    const rest = errorPath.slice(2);
    return planIndexesOfSent(errorPath[1]).map((planIndex) => [...(paths[planIndex] ?? []), ...rest]);
  }
  return [errorPath ? [...cursorPath, ...errorPath] : undefined];
}

/**
 * The client paths of the entities at a flatten path (`@` for each list level), skipping nulls,
 * in the order representations were built. Same walk as stock's `generateHydratedPaths`.
 */
export function entityPathsAt(path: ResponsePath, data: unknown): ResponsePath[] {
  const result: ResponsePath[] = [];
  walk([], path, 0, data, result);
  return result;
}

function walk(parent: Array<string | number>, path: ResponsePath, at: number, data: unknown, result: ResponsePath[]): void {
  if (data === null || data === undefined) return;
  if (at === path.length) {
    result.push(parent.slice());
    return;
  }
  const head = path[at]!;
  if (head === '@') {
    if (!Array.isArray(data)) throw new Error('expected array when encountering `@`');
    for (let index = 0; index < data.length; index++) {
      parent.push(index);
      walk(parent, path, at + 1, data[index], result);
      parent.pop();
    }
  } else if (typeof head === 'string') {
    if (Array.isArray(data)) {
      for (let index = 0; index < data.length; index++) {
        parent.push(index);
        walk(parent, path, at, data[index], result);
        parent.pop();
      }
    } else if (isResponseObject(data) && hasOwn(data, head)) {
      parent.push(head);
      walk(parent, path, at + 1, data[head], result);
      parent.pop();
    }
  } else {
    throw new Error(`unknown path part "${head}"`);
  }
}
