import { evaluateCondition, type ResponsePath } from '@apollo/query-planner';
import type { CompiledPlanNode } from './compilePlan.js';
import { inSpan, SPAN } from './engineSpans.js';
import type { ExecutionState } from './ExecutionState.js';
import { executeFetch } from './fetchNode.js';
import { hasOwn, type ResponseObject } from './responseTypes.js';

/**
 * Runs a compiled plan node against the response tree: sequences in order, parallel branches
 * (and so the flatten fetches under them) concurrently, conditions by the request's variables.
 * `data` is what the node works on (the root, or the objects a flatten path leads to).
 */
export async function executePlan(state: ExecutionState, node: CompiledPlanNode, data: unknown): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executePlan(state, child, data);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executePlan(state, child, data)));
      return;
    case 'Flatten': {
      const entities = flattenAt(data, node.path);
      if (entities === undefined || entities === null) return;
      await executePlan(state, node.node, entities);
      return;
    }
    case 'Fetch':
      try {
        const { fetch, path } = node;
        if (state.traced) {
          await inSpan(SPAN.fetch, { attributes: { service: fetch.node.serviceName } }, () => executeFetch(state, fetch, path, data));
        } else {
          await executeFetch(state, fetch, path, data);
        }
      } catch (error) {
        // a failed fetch leaves its part of the tree empty: the projection nulls it, as stock does
        state.errors.push(error instanceof Error ? error : new Error(String(error)));
      }
      return;
    case 'Condition': {
      const branch = evaluateCondition(node.condition, state.operation.variableDefinitions, state.variables)
        ? node.ifClause
        : node.elseClause;
      if (branch) await executePlan(state, branch, data);
      return;
    }
  }
}

/** For each flatten path, which of its names `Object.prototype` also has (`constructor`…): only those need an own-property check. */
const inheritedNames = new WeakMap<ResponsePath, readonly boolean[]>();

function inheritedOf(path: ResponsePath): readonly boolean[] {
  let inherited = inheritedNames.get(path);
  if (!inherited) inheritedNames.set(path, (inherited = path.map((head) => typeof head === 'string' && head in Object.prototype)));
  return inherited;
}

/**
 * The values at a flatten path, as stock's `flattenResultsAtPath` computes them: each `@`
 * flattens a list level (`flatMap`, so a list reached last is flattened too). Written as one
 * accumulating walk: this runs for every entity fetch.
 */
export function flattenAt(value: unknown, path: ResponsePath): unknown {
  const inherited = inheritedOf(path);
  let current = value;
  for (let at = 0; at < path.length; at++) {
    if (current === undefined || current === null) return current;
    const head = path[at];
    if (head === '@') {
      if (!Array.isArray(current)) throw new TypeError('value.flatMap is not a function');
      const out: unknown[] = [];
      for (const element of current as unknown[]) collect(element, path, inherited, at + 1, out);
      return out;
    }
    current = step(current, head, inherited[at]!);
  }
  return current;
}

/**
 * Appends what `flatMap` would take from one element: its value at the rest of the path. Nulls
 * are left out here already: the fetch would drop them (stock keeps them until then).
 */
function collect(value: unknown, path: ResponsePath, inherited: readonly boolean[], at: number, out: unknown[]): void {
  let current = value;
  for (; at < path.length; at++) {
    if (current === undefined || current === null) return;
    const head = path[at];
    if (head === '@') {
      if (!Array.isArray(current)) throw new TypeError('value.flatMap is not a function');
      for (const element of current as unknown[]) collect(element, path, inherited, at + 1, out);
      return;
    }
    current = step(current, head, inherited[at]!);
  }
  if (Array.isArray(current)) {
    for (const element of current as unknown[]) if (element !== null && element !== undefined) out.push(element);
  } else if (current !== null && current !== undefined) {
    out.push(current);
  }
}

/** `value[head]` of a response object, its own property only; undefined on anything else. */
function step(value: unknown, head: string | number | undefined, inherited: boolean): unknown {
  if (typeof head !== 'string') throw new Error(`Unexpected ${typeof head} found in path`);
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${head}`);
  if (inherited && !hasOwn(value, head)) return undefined;
  return (value as ResponseObject)[head];
}
