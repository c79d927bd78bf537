import type { CompiledFetch } from './compilePlan.js';
import { addRepresentations, type BatchedAnswer } from './EntityBatcher.js';
import { engineMetrics } from './engineMetrics.js';
import { mergedVariables, mergeEntityOperations, type MergedOperation } from './mergeEntityOperations.js';
import { isResponseObject } from './responseTypes.js';
import type { SubgraphAnswer, SubgraphCall, SubgraphClient } from '../subgraph/SubgraphClient.js';

type Call = Omit<SubgraphCall, 'representations'>;

interface Member {
  readonly positions: number[];
  readonly resolve: (answer: BatchedAnswer) => void;
  readonly reject: (error: unknown) => void;
}

/** One entity query of the group, with every member that asked it and its representations, each once. */
interface Query {
  readonly fetch: CompiledFetch;
  readonly call: Call;
  readonly representations: string[];
  readonly indexOf: Map<string, number>;
  readonly members: Member[];
}

/**
 * The entity fetches of one request that the fetch graph (`executeFetchGraph`) starts together
 * against one subgraph, sent as one request when `send` is called. Fetches of the same query
 * share one `_entities` field, each distinct representation once (as `EntityBatcher` does);
 * different queries go as aliased `_entities` fields of one operation (`mergeEntityOperations`)
 * when the subgraph client allows it, else as one request per query. Each fetch gets what it
 * would have got alone: its answers at its positions, and the errors about its own alias with
 * their path as if it had been sent alone; errors without such a path go to every query.
 */
export class SubgraphRequestGroup {
  private readonly queries = new Map<string, Query>();

  constructor(
    private readonly client: SubgraphClient,
    /** Merged operations already written, by their queries' keys: kept with the plan. */
    private readonly merged: Map<string, MergedOperation>,
  ) {}

  join(fetch: CompiledFetch, key: string, call: Call, representations: readonly string[]): Promise<BatchedAnswer> {
    let query = this.queries.get(key);
    if (query) engineMetrics.entityFetchesBatched++;
    else {
      if (this.queries.size > 0) engineMetrics.entityFetchesBatched++;
      query = { fetch, call, representations: [], indexOf: new Map(), members: [] };
      this.queries.set(key, query);
    }
    const positions = addRepresentations(query, representations);
    const { members } = query;
    return new Promise<BatchedAnswer>((resolve, reject) => members.push({ positions, resolve, reject }));
  }

  /** Sends what joined. */
  send(): void {
    const queries = [...this.queries.values()];
    if (queries.length < 1) return;
    if (queries.length === 1 || !this.client.merges(queries.map((query) => query.fetch.node.operation))) {
      for (const query of queries) {
        settle(query, this.client.send({ ...query.call, representations: query.representations }));
      }
      return;
    }
    const key = [...this.queries.keys()].join('\0');
    let merged = this.merged.get(key);
    if (!merged)
      this.merged.set(
        key,
        (merged = mergeEntityOperations(
          this.client.name,
          queries.map((query) => query.fetch),
        )),
      );
    const [first] = queries;
    const answer = this.client.send({
      ...first!.call,
      // the answers are under aliases, each for its own query's shapes
      keepRaw: undefined,
      query: merged.query,
      bodyPrefix: merged.bodyPrefix,
      variables: mergedVariables(
        merged,
        queries.map((query) => query.call.variables),
      ),
      representationLists: queries.map((query, index) => [merged.representationVariables[index]!, query.representations] as const),
    });
    const { aliases } = merged;
    queries.forEach((query, index) =>
      settle(
        query,
        answer.then((whole) => answerOf(whole, aliases, index)),
      ),
    );
  }
}

function settle(query: Query, answer: Promise<SubgraphAnswer>): void {
  const sent = query.representations.length;
  answer.then(
    (received) => {
      for (const member of query.members) member.resolve({ answer: received, positions: member.positions, sent });
    },
    (error: unknown) => {
      for (const member of query.members) member.reject(error);
    },
  );
}

/** One query's answer out of a merged one: `data._entities` from its alias, its errors with `_entities` for the alias. */
function answerOf(whole: SubgraphAnswer, aliases: readonly string[], index: number): SubgraphAnswer {
  const alias = aliases[index]!;
  const { data, errors } = whole;
  const own: SubgraphAnswer = { ...whole, data: isResponseObject(data) ? { _entities: data[alias] } : data };
  if (!Array.isArray(errors)) return own;
  own.errors = (errors as unknown[]).flatMap((error) => {
    if (!isResponseObject(error) || !Array.isArray(error.path) || error.path.length < 1) return [error];
    const [head, ...rest] = error.path as unknown[];
    if (head === alias) return [{ ...error, path: ['_entities', ...rest] }];
    return aliases.includes(head as string) ? [] : [error];
  });
  return own;
}
