import type { EntityBatch } from './buildRepresentations.js';
import type { FetchGraph } from './compileFetchGraph.js';
import type { ExecutionState } from './ExecutionState.js';
import { flattenAt } from './executePlan.js';
import { executeFetch } from './fetchNode.js';
import { SubgraphRequestGroup } from './SubgraphRequestGroup.js';
import type { SubgraphClient } from '../subgraph/SubgraphClient.js';

const PENDING = 0;
const READY = 1;
const STARTED = 2;
const DONE = 3;

/**
 * Runs a plan as its fetch graph (`compileFetchGraph`): a fetch starts once the fetches it waits
 * for are done, as in the tree executor, but the fetches that become ready together are sent per
 * subgraph as one request (`SubgraphRequestGroup`), and an entity fetch that is ready waits when
 * another entity fetch to the same subgraph will be ready as soon as requests already sent (or
 * being sent now) are answered: then both go in one request. So fetches the plan puts at different
 * levels share a request, as a hand-written client would send them (on the public benchmark's
 * query, 6 requests instead of 16 fetches). A wait never outlasts requests in flight, so the
 * answer comes no later than the slowest branch of the plan would bring it anyway, but one branch
 * may wait for another.
 */
export function executeFetchGraph(state: ExecutionState, graph: FetchGraph): Promise<void> {
  const { fetches } = graph;
  const count = fetches.length;
  const waiting = fetches.map((fetch) => fetch.dependencies.length);
  const status = new Uint8Array(count);
  let done = 0;
  let inFlight = 0;
  let scheduled = false;
  return new Promise<void>((resolve, reject) => {
    const finish = (index: number) => {
      status[index] = DONE;
      done++;
      inFlight--;
      for (const dependent of fetches[index]!.dependents) if (--waiting[dependent]! === 0) status[dependent] = READY;
      if (done === count) resolve();
      else if (!scheduled) {
        // answers read in the same poll phase are all in before the check phase
        scheduled = true;
        setImmediate(startReady);
      }
    };

    /** Whether an entity fetch of `client` not yet ready will be once what is in flight, or starting now, is answered. */
    const coming = (client: SubgraphClient, held: ReadonlySet<SubgraphClient>, keys: ReadonlySet<string>, merges: boolean) => {
      for (let index = 0; index < count; index++) {
        if (status[index] !== PENDING) continue;
        const { fetch, dependencies } = fetches[index]!;
        if (fetch.client !== client || fetch.entityKey === undefined || !(merges || keys.has(fetch.entityKey))) continue;
        let soon = true;
        for (const dependency of dependencies) {
          const at = status[dependency]!;
          if (at === PENDING || (at === READY && held.has(fetches[dependency]!.fetch.client))) {
            soon = false;
            break;
          }
        }
        if (soon) return true;
      }
      return false;
    };

    const startReady = () => {
      scheduled = false;
      const ready = new Map<SubgraphClient, number[]>();
      for (let index = 0; index < count; index++) {
        if (status[index] !== READY) continue;
        const { client } = fetches[index]!.fetch;
        const list = ready.get(client);
        if (list) list.push(index);
        else ready.set(client, [index]);
      }
      // the most waiting that can be justified: a client holds while a fetch it waits for would
      // follow from requests that are in flight or not held themselves
      const held = new Set<SubgraphClient>();
      const keysOf = new Map<SubgraphClient, Set<string>>();
      for (const [client, indexes] of ready) {
        const keys = new Set<string>();
        for (const index of indexes) {
          const key = fetches[index]!.fetch.entityKey;
          if (key !== undefined) keys.add(key);
        }
        keysOf.set(client, keys);
        if (keys.size > 0) held.add(client);
      }
      for (let changed = true; changed;) {
        changed = false;
        for (const client of held) {
          const keys = keysOf.get(client)!;
          if (!coming(client, held, keys, client.merges([]))) {
            held.delete(client);
            changed = true;
          }
        }
      }
      // nothing merges into the tree while fetches start (answers merge later): a path flattens
      // once, and the same representations of its entities are built once
      const flattened = new Map<string, unknown>();
      const built = new Map<string, EntityBatch>();
      let started = 0;
      for (const [client, indexes] of ready) {
        const holding = held.has(client);
        const group = new SubgraphRequestGroup(client, graph.merged);
        for (const index of indexes) {
          if (holding && fetches[index]!.fetch.entityKey !== undefined) continue;
          start(index, group, flattened, built);
          started++;
        }
        group.send();
      }
      // nothing in flight to wait for: send what was held
      if (started === 0 && inFlight === 0 && held.size > 0) {
        for (const client of held) {
          const group = new SubgraphRequestGroup(client, graph.merged);
          for (const index of ready.get(client)!) start(index, group, flattened, built);
          group.send();
        }
      }
    };

    const start = (index: number, group: SubgraphRequestGroup, flattened: Map<string, unknown>, built: Map<string, EntityBatch>) => {
      status[index] = STARTED;
      inFlight++;
      const { fetch, flattenPath, flattenKey, path } = fetches[index]!;
      let data: unknown = state.data;
      if (flattenPath) {
        if (flattened.has(flattenKey)) data = flattened.get(flattenKey);
        else {
          try {
            data = flattenAt(state.data, flattenPath);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          flattened.set(flattenKey, data);
        }
      }
      if (data === undefined || data === null) {
        queueMicrotask(() => finish(index));
        return;
      }
      executeFetch(state, fetch, path, data, group, { key: flattenKey, built })
        .catch((error: unknown) => {
          // a failed fetch leaves its part of the tree empty: the projection nulls it, as stock does
          state.errors.push(error instanceof Error ? error : new Error(String(error)));
        })
        .then(
          () => finish(index),
          (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
        );
    };

    if (count === 0) resolve();
    else {
      for (let index = 0; index < count; index++) if (waiting[index] === 0) status[index] = READY;
      startReady();
    }
  });
}
