import type { ResponsePath } from '@apollo/query-planner';
import { applyRewrites } from './applyRewrites.js';
import { buildEntityBatch, type EntityBatch } from './buildRepresentations.js';
import type { CompiledFetch } from './compilePlan.js';
import { engineMetrics } from './engineMetrics.js';
import type { ExecutionState } from './ExecutionState.js';
import { clientPathsOf, downstreamServiceError, entityPathsAt, type SubgraphError } from './mapErrors.js';
import { mergeResult } from './mergeResult.js';
import { hasOwn, isResponseObject, type ResponseObject } from './responseTypes.js';

/**
 * Runs one fetch node on the objects its flatten path led to (or the root). A root fetch's
 * answer is merged into the root; an entity fetch sends each distinct representation once and
 * merges each answer into every entity that asked for it. Subgraph errors are added with client
 * paths; a thrown error fails only this fetch (the caller records it).
 */
export async function executeFetch(state: ExecutionState, fetch: CompiledFetch, path: ResponsePath, data: unknown): Promise<void> {
  const entities: unknown[] = Array.isArray(data) ? data.filter((entity) => entity !== null && entity !== undefined) : [data];
  if (entities.length < 1) return;
  const variables = variablesOf(fetch, state.variables);
  const { node } = fetch;

  if (!fetch.representation) {
    const received = await send(state, fetch, path, JSON.stringify(variables), undefined);
    if (!received) return;
    if (node.outputRewrites) applyRewrites(state.supergraphSchema, node.outputRewrites, received);
    for (const entity of entities) if (isResponseObject(entity)) mergeResult(entity, received);
    return;
  }

  const inputRewrites = node.inputRewrites;
  const batch = buildEntityBatch(
    entities,
    fetch.representation,
    inputRewrites?.length ? (representation) => applyRewrites(state.supergraphSchema, inputRewrites, representation) : undefined,
  );
  engineMetrics.representations += batch.uniqueIndexOf.length;
  engineMetrics.representationsDeduplicated += batch.uniqueIndexOf.length - batch.unique.length;
  if (batch.unique.length < 1) return;
  if (hasOwn(variables, 'representations')) throw new Error('Variables cannot contain key "representations"');
  const others = JSON.stringify(variables);
  const variablesJson = `${others.length > 2 ? `${others.slice(0, -1)},` : '{'}"representations":[${batch.unique.join(',')}]}`;

  const received = await send(state, fetch, path, variablesJson, batch);
  if (!received) return;
  const answers = received._entities;
  if (!Array.isArray(answers)) throw new Error('Expected "data._entities" in response to be an array');
  if (answers.length !== batch.unique.length) throw new Error(`Expected "data._entities" to contain ${batch.unique.length} elements`);
  const rewritten = node.outputRewrites ? new Set<unknown>() : undefined;
  // merging the same answer into the same object again changes nothing: each object once
  const merged = new Set<unknown>();
  for (let index = 0; index < batch.uniqueIndexOf.length; index++) {
    const answer: unknown = answers[batch.uniqueIndexOf[index]!];
    const entity = entities[batch.entityIndexOf[index]!];
    if (!isResponseObject(entity) || merged.has(entity)) continue;
    merged.add(entity);
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

/** Sends the fetch, records its errors with client paths, returns its `data`. */
async function send(
  state: ExecutionState,
  fetch: CompiledFetch,
  path: ResponsePath,
  variablesJson: string,
  batch: EntityBatch | undefined,
): Promise<ResponseObject | undefined> {
  const response = await fetch.client.send(
    `${fetch.bodyPrefix}${variablesJson}}`,
    state.headers,
    fetch.shareable ? state.shareKey : undefined,
  );
  state.onCacheControl?.(response.cacheControl);
  const { errors, data } = response.body;
  if (Array.isArray(errors) && errors.length > 0) {
    let entityPaths: ResponsePath[] | undefined;
    const pathsOfEntities = batch ? () => (entityPaths ??= entityPathsAt(path, state.data)) : undefined;
    const planIndexes = batch ? (sent: number) => planIndexesOf(batch, sent) : undefined;
    for (const error of errors as SubgraphError[]) {
      for (const clientPath of clientPathsOf(error.path, path, pathsOfEntities, planIndexes)) {
        state.errors.push(downstreamServiceError(error, fetch.node.serviceName, clientPath));
      }
    }
  }
  return isResponseObject(data) ? data : undefined;
}

/** The representations (in plan order) that a sent, de-duplicated representation stands for. */
function planIndexesOf(batch: EntityBatch, sent: number): number[] {
  const indexes: number[] = [];
  for (let index = 0; index < batch.uniqueIndexOf.length; index++) if (batch.uniqueIndexOf[index] === sent) indexes.push(index);
  // an index the subgraph made up maps nowhere; stock then reports the path []
  return indexes.length > 0 ? indexes : [sent];
}
