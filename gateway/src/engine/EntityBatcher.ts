import { engineMetrics } from './engineMetrics.js';
import type { SubgraphAnswer, SubgraphCall, SubgraphClient } from '../subgraph/SubgraphClient.js';

/** What one entity fetch gets back from a batched request: the whole answer, and where its representations are in it. */
export interface BatchedAnswer {
  readonly answer: SubgraphAnswer;
  /** For each representation the fetch sent, its index in the batched request's `representations`. */
  readonly positions: readonly number[];
  /** How many representations the batched request sent. */
  readonly sent: number;
}

interface Member {
  readonly positions: number[];
  readonly resolve: (answer: BatchedAnswer) => void;
  readonly reject: (error: unknown) => void;
}

interface PendingBatch {
  readonly client: SubgraphClient;
  readonly call: Omit<SubgraphCall, 'representations'>;
  readonly representations: string[];
  readonly indexOf: Map<string, number>;
  readonly members: Member[];
}

/**
 * Sends the entity fetches of one request that ask the same subgraph the same query within one
 * turn of the event loop — sibling branches of a `Parallel` node, fetches that waited on the same
 * answer, or branches whose answers arrived together — as one `_entities` request, each distinct
 * representation once. Only queries whose plan holds the same operation more than once join (see
 * `compilePlan`). Entity resolution is per representation, so each fetch gets what it would have
 * got alone: its own answers, in its order, and the subgraph's errors about its representations
 * (`fetchNode` maps them back to its entities). A failed request fails every fetch in it, as
 * each would have failed alone.
 *
 * The request leaves in the event loop's check phase (`setImmediate`): after the promise jobs of
 * the fetch that opened the batch and after the other answers already read in the same poll
 * phase, so it waits for no I/O. It serves the plan tree (traced requests, plans with
 * conditions); the fetch graph groups its fetches itself (`SubgraphRequestGroup`).
 */
export class EntityBatcher {
  private readonly pending = new Map<string, PendingBatch>();

  join(
    key: string,
    client: SubgraphClient,
    call: Omit<SubgraphCall, 'representations'>,
    representations: readonly string[],
  ): Promise<BatchedAnswer> {
    let batch = this.pending.get(key);
    if (batch) engineMetrics.entityFetchesBatched++;
    else {
      batch = { client, call, representations: [], indexOf: new Map(), members: [] };
      this.pending.set(key, batch);
      const scheduled = batch;
      setImmediate(() => this.flush(key, scheduled));
    }
    const positions = addRepresentations(batch, representations);
    const members = batch.members;
    return new Promise<BatchedAnswer>((resolve, reject) => members.push({ positions, resolve, reject }));
  }

  private flush(key: string, batch: PendingBatch): void {
    this.pending.delete(key);
    const sent = batch.representations.length;
    batch.client.send({ ...batch.call, representations: batch.representations }).then(
      (answer) => {
        for (const member of batch.members) member.resolve({ answer, positions: member.positions, sent });
      },
      (error: unknown) => {
        for (const member of batch.members) member.reject(error);
      },
    );
  }
}

/**
 * Adds a fetch's representations to a request's, each distinct text once, and returns where each
 * of the fetch's went in the request's list.
 */
export function addRepresentations(
  request: { readonly representations: string[]; readonly indexOf: Map<string, number> },
  representations: readonly string[],
): number[] {
  const positions = new Array<number>(representations.length);
  for (let index = 0; index < representations.length; index++) {
    const text = representations[index]!;
    let at = request.indexOf.get(text);
    if (at === undefined) {
      at = request.representations.push(text) - 1;
      request.indexOf.set(text, at);
    }
    positions[index] = at;
  }
  return positions;
}
