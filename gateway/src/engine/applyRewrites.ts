import type { FetchDataRewrite } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import { isObjectOfType } from './isObjectOfType.js';
import { hasOwn, isResponseObject, type ResponseObject } from './responseTypes.js';

const FRAGMENT_PREFIX = '... on ';

/**
 * Applies the planner's input/output rewrites (value setters for `__typename` of
 * `@interfaceObject` types, key renamers for aliased fields) to a representation or a subgraph
 * answer, as `@apollo/gateway` does. Most plans have none: callers skip this when the list is empty.
 */
export function applyRewrites(schema: GraphQLSchema, rewrites: readonly FetchDataRewrite[] | undefined, value: unknown): void {
  if (!rewrites) return;
  for (const rewrite of rewrites) {
    if (rewrite.path.length === 0) continue;
    const parent = rewrite.path.slice(0, -1);
    const last = rewrite.path[rewrite.path.length - 1]!;
    if (last.startsWith(FRAGMENT_PREFIX)) throw new Error(`Unexpected fragment as last element of ${rewrite.path.join(',')}`);
    applyAtPath(schema, parent, value, (object) => {
      if (rewrite.kind === 'ValueSetter') {
        setOwn(object, last, rewrite.setValueTo);
      } else {
        const renamed = hasOwn(object, last) ? object[last] : undefined;
        if (renamed) {
          setOwn(object, rewrite.renameKeyTo, renamed);
          object[last] = undefined;
        }
      }
    });
  }
}

function applyAtPath(schema: GraphQLSchema, path: readonly string[], value: unknown, apply: (object: ResponseObject) => void): void {
  if (Array.isArray(value)) {
    for (const element of value) applyAtPath(schema, path, element, apply);
    return;
  }
  if (!isResponseObject(value)) return;
  if (path.length === 0) {
    apply(value);
    return;
  }
  const [first, ...rest] = path as [string, ...string[]];
  if (first.startsWith(FRAGMENT_PREFIX)) {
    if (isObjectOfType(schema, value, first.slice(FRAGMENT_PREFIX.length), true)) applyAtPath(schema, rest, value, apply);
  } else {
    applyAtPath(schema, rest, hasOwn(value, first) ? value[first] : undefined, apply);
  }
}

function setOwn(object: ResponseObject, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
