import type { ResponsePath } from '@apollo/query-planner';
import type { SubgraphAnswer } from '../subgraph/SubgraphClient.js';
import { withTraceContext } from '../subgraph/subgraphRequestHeaders.js';
import { applyRewrites } from './applyRewrites.js';
import { buildEntityBatch, type EntityBatch } from './buildRepresentations.js';
import type { CompiledFetch } from './compilePlan.js';
import { engineMetrics } from './engineMetrics.js';
import type { ExecutionState } from './ExecutionState.js';
import { clientPathsOf, downstreamServiceError, entityPathsAt, type SubgraphError } from './mapErrors.js';
import { mergeResult } from './mergeResult.js';
import type { SubgraphRequestGroup } from './SubgraphRequestGroup.js';
import { hasOwn, isResponseObject, type ResponseObject } from './responseTypes.js';

/**
 * Runs one fetch node on the objects its flatten path led to (or the root). A root fetch's
 * answer is merged into the root; an entity fetch sends each distinct representation once and
 * merges each answer into every entity that asked for it. Subgraph errors are added with client
 * paths; a thrown error fails only this fetch (the caller records it).
 *
 * `batches` holds the representations built by fetches started together with this one, by
 * flatten path and `representationKey`: a fetch on the same entities that needs the same
 * representations takes them from there instead of building them again (nothing merges into the
 * tree between the starts of fetches started together, so they would come out the same).
 */
export async function executeFetch(
  state: ExecutionState,
  fetch: CompiledFetch,
  path: ResponsePath,
  data: unknown,
  group?: SubgraphRequestGroup,
  batches?: { readonly key: string; readonly built: Map<string, EntityBatch> },
): Promise<void> {
  const entities: unknown[] = Array.isArray(data) ? withoutNulls(data) : [data];
  if (entities.length < 1) return;
  const variables = variablesOf(fetch, state.variables);
  const { node } = fetch;

  if (!fetch.representation) {
    const received = (await send(state, fetch, path, variables, undefined))?.data;
    if (!received) return;
    if (node.outputRewrites) applyRewrites(state.supergraphSchema, node.outputRewrites, received);
    for (const entity of entities) if (isResponseObject(entity)) mergeResult(entity, received);
    return;
  }

  const inputRewrites = node.inputRewrites;
  const sharedKey = batches && `${batches.key}\0${fetch.representationKey}`;
  let batch = sharedKey === undefined ? undefined : batches!.built.get(sharedKey);
  if (batch) {
    engineMetrics.representations += batch.uniqueIndexOf.length;
    engineMetrics.representationsShared += batch.uniqueIndexOf.length;
  } else {
    batch = buildEntityBatch(
      entities,
      fetch.representation,
      inputRewrites?.length ? (representation) => applyRewrites(state.supergraphSchema, inputRewrites, representation) : undefined,
    );
    if (sharedKey !== undefined) batches!.built.set(sharedKey, batch);
    engineMetrics.representations += batch.uniqueIndexOf.length;
    engineMetrics.representationsDeduplicated += batch.uniqueIndexOf.length - batch.unique.length;
  }
  if (batch.unique.length < 1) return;
  if (hasOwn(variables, 'representations')) throw new Error('Variables cannot contain key "representations"');

  const received = await send(state, fetch, path, variables, batch, group);
  if (!received) return;
  const sentAnswers = received.data._entities;
  if (!Array.isArray(sentAnswers)) throw new Error('Expected "data._entities" in response to be an array');
  if (sentAnswers.length !== received.sent) throw new Error(`Expected "data._entities" to contain ${batch.unique.length} elements`);
  // a batched request answers other fetches too: this fetch's answers are at its positions
  const { positions } = received;
  const answers = positions ? positions.map((position) => sentAnswers[position] as unknown) : sentAnswers;
  const rewritten = node.outputRewrites ? new Set<unknown>() : undefined;
  // An object reached twice (a sub-object an earlier answer shared) gets the same answer merged
  // twice, which changes nothing; tracking objects to skip that costs more than the rare repeat.
  for (let index = 0; index < batch.uniqueIndexOf.length; index++) {
    const answer: unknown = answers[batch.uniqueIndexOf[index]!];
    const entity = entities[batch.entityIndexOf[index]!];
    if (!isResponseObject(entity)) continue;
    if (isResponseObject(answer)) {
      if (!answer.__typename) answer.__typename = entity.__typename;
      // one answer may serve several entities: rewrite it once
      if (rewritten && !rewritten.has(answer)) {
        rewritten.add(answer);
        applyRewrites(state.supergraphSchema, node.outputRewrites, answer);
      }
    }
    mergeResult(entity, answer);
  }
}

/** The list itself when it holds no nulls (a flatten path's list never does), else a copy without them. */
function withoutNulls(list: readonly unknown[]): unknown[] {
  for (const entity of list) if (entity === null || entity === undefined) return list.filter((each) => each !== null && each !== undefined);
  return list as unknown[];
}

/** The request's variables this fetch uses, as sent (defaults are the subgraph operation's). */
function variablesOf(fetch: CompiledFetch, provided: Readonly<Record<string, unknown>> | undefined): ResponseObject {
  const variables: ResponseObject = {};
  const usages = fetch.node.variableUsages;
  if (!usages || !provided) return variables;
  for (const name of usages) {
    if (hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  }
  return variables;
}

/** A fetch's answer: its `data`, and for a batched entity fetch where its representations were in the request. */
interface Received {
  readonly data: ResponseObject;
  /** How many representations the request sent (this fetch's, or a whole batch's). */
  readonly sent: number;
  /** For each representation of this fetch, its index in the request; undefined: the same index. */
  readonly positions: readonly number[] | undefined;
}

/**
 * Sends the fetch (with the entity fetches it is batched with, when its plan allows), records the
 * subgraph's errors about it with client paths, and returns its `data`.
 */
async function send(
  state: ExecutionState,
  fetch: CompiledFetch,
  path: ResponsePath,
  variables: ResponseObject,
  batch: EntityBatch | undefined,
  group?: SubgraphRequestGroup,
): Promise<Received | undefined> {
  const call = {
    query: fetch.node.operation,
    idempotent: fetch.shareable,
    bodyPrefix: fetch.bodyPrefix,
    variables,
    headers: state.traced ? withTraceContext(state.headers) : state.headers,
    acceptLanguage: state.acceptLanguage,
    cachePolicy: state.cachePolicy,
    ...(fetch.shareable && state.shareKey !== undefined && { shareKey: state.shareKey }),
    onSent: countSent,
    onShared: countShared,
    ...(batch && fetch.rawFields && { keepRaw: fetch.rawFields }),
  };
  let answer: SubgraphAnswer;
  let positions: readonly number[] | undefined;
  let sent = batch?.unique.length ?? 0;
  if (batch && group && fetch.entityKey !== undefined) {
    const grouped = await group.join(fetch, fetch.entityKey, call, batch.unique);
    ({ answer, sent } = grouped);
    positions = grouped.positions;
  } else if (batch && fetch.batchKey !== undefined) {
    const batched = await state.batcher.join(fetch.batchKey, fetch.client, call, batch.unique);
    ({ answer, sent } = batched);
    positions = batched.positions;
  } else {
    answer = await fetch.client.send(batch ? { ...call, representations: batch.unique } : call);
  }
  const { errors, data } = answer;
  if (Array.isArray(errors) && errors.length > 0) {
    let entityPaths: ResponsePath[] | undefined;
    const pathsOfEntities = batch ? () => (entityPaths ??= entityPathsAt(path, state.data)) : undefined;
    const planIndexes = batch ? (index: number) => planIndexesOf(batch, index, positions, sent) : undefined;
    for (const error of errors as SubgraphError[]) {
      for (const clientPath of clientPathsOf(error.path, path, pathsOfEntities, planIndexes)) {
        state.errors.push(downstreamServiceError(error, fetch.node.serviceName, clientPath));
      }
    }
  }
  return isResponseObject(data) ? { data, sent, positions } : undefined;
}

function countSent(): void {
  engineMetrics.subgraphRequests++;
}

function countShared(): void {
  engineMetrics.subgraphRequestsDeduplicated++;
}

/**
 * The representations (in plan order) that the request's representation `index` stands for: after
 * de-duplication one may stand for several entities; in a batched request, for none of this fetch's.
 */
function planIndexesOf(batch: EntityBatch, index: number, positions: readonly number[] | undefined, sent: number): number[] {
  // an index the subgraph made up maps nowhere; stock then reports the path []
  if (index >= sent || index < 0) return [index];
  const indexes: number[] = [];
  for (let own = 0; own < batch.unique.length; own++) {
    if ((positions ? positions[own] : own) !== index) continue;
    for (let planIndex = 0; planIndex < batch.uniqueIndexOf.length; planIndex++)
      if (batch.uniqueIndexOf[planIndex] === own) indexes.push(planIndex);
  }
  return indexes.length > 0 || positions ? indexes : [index];
}
