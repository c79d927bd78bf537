import type { ResponsePath } from '@apollo/query-planner';
import type { CompiledFetch, CompiledPlanNode } from './compilePlan.js';
import type { MergedOperation } from './mergeEntityOperations.js';

/** A fetch of the plan, with the fetches it waits for and those that wait for it. */
export interface GraphFetch {
  readonly fetch: CompiledFetch;
  /** Where its entities are, from the root (its flatten path); undefined: the root itself. */
  readonly flattenPath: ResponsePath | undefined;
  /** The flatten path as one string: fetches started together at one path flatten it once. */
  readonly flattenKey: string;
  /** Its entities' path, for error paths. */
  readonly path: ResponsePath;
  /** Indexes of the fetches that must be done first. */
  readonly dependencies: readonly number[];
  readonly dependents: readonly number[];
}

/** A plan as fetches and what each waits for: what `executeFetchGraph` runs. */
export interface FetchGraph {
  readonly fetches: readonly GraphFetch[];
  /** Operations that merge several entity queries to one subgraph, written as requests need them. */
  readonly merged: Map<string, MergedOperation>;
}

/**
 * The plan's order as dependencies: a fetch waits for every fetch of the earlier elements of each
 * `Sequence` it is in (as the tree executor would, which starts an element when the previous one
 * is done), and for nothing else. Plans with conditions, or flattens that do not hold exactly one
 * fetch, are left to the tree executor (undefined).
 */
export function compileFetchGraph(root: CompiledPlanNode): FetchGraph | undefined {
  const fetches: Array<Omit<GraphFetch, 'dependents'> & { dependents: number[] }> = [];
  const add = (node: CompiledPlanNode, after: readonly number[]): number[] | undefined => {
    switch (node.kind) {
      case 'Fetch':
      case 'Flatten': {
        const flattened = node.kind === 'Flatten' ? node.node : node;
        if (flattened.kind !== 'Fetch') return undefined;
        fetches.push({
          fetch: flattened.fetch,
          flattenPath: node.kind === 'Flatten' ? node.path : undefined,
          flattenKey: node.kind === 'Flatten' ? node.path.join('\0') : '',
          path: flattened.path,
          dependencies: after,
          dependents: [],
        });
        return [fetches.length - 1];
      }
      case 'Sequence': {
        let previous = after;
        const all: number[] = [];
        for (const child of node.nodes) {
          const added = add(child, previous);
          if (!added) return undefined;
          if (added.length > 0) previous = added;
          all.push(...added);
        }
        return all;
      }
      case 'Parallel': {
        const all: number[] = [];
        for (const child of node.nodes) {
          const added = add(child, after);
          if (!added) return undefined;
          all.push(...added);
        }
        return all;
      }
      case 'Condition':
        return undefined;
    }
  };
  if (!add(root, [])) return undefined;
  fetches.forEach((fetch, index) => {
    for (const dependency of fetch.dependencies) fetches[dependency]!.dependents.push(index);
  });
  return { fetches, merged: new Map() };
}
