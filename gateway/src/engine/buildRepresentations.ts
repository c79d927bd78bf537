import { getResponseName, type QueryPlanSelectionNode } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import { isObjectOfType } from './isObjectOfType.js';
import { mergeResult } from './mergeResult.js';
import { hasOwn, isResponseObject, type ResponseObject } from './responseTypes.js';

/** Builds representations of entities for one fetch, compiled once per plan. */
export interface RepresentationBuilder {
  /** One entity's representation, or null when a required field is missing. */
  readonly build: (entity: unknown) => ResponseObject | null;
  /**
   * The same representation directly as JSON text (null when absent, or when it has no
   * `__typename`): the common shape — one `... on Type` of leaf fields — skips the object.
   */
  readonly buildText: ((entity: unknown) => string | null) | undefined;
}

/**
 * Compiles a fetch's `requires` (the `@key` fields and `@requires` selections the planner asks
 * for, under `... on Type` conditions), once per plan. The result is what `@apollo/gateway`'s
 * `executeSelectionSet` would build: a required field that is absent makes that level null;
 * fragments apply by `__typename`.
 */
export function compileRepresentation(schema: GraphQLSchema, requires: readonly QueryPlanSelectionNode[]): RepresentationBuilder {
  return { build: compileSelections(schema, requires), buildText: compileLeafText(schema, requires) };
}

/** The text builder for `[... on T { leaf fields }]`, or undefined for any other shape. */
function compileLeafText(schema: GraphQLSchema, requires: readonly QueryPlanSelectionNode[]): RepresentationBuilder['buildText'] {
  const [fragment] = requires;
  if (requires.length !== 1 || fragment?.kind !== 'InlineFragment' || !fragment.typeCondition) return undefined;
  const fields = fragment.selections;
  if (!fields.every((field) => field.kind === 'Field' && !field.selections && getResponseName(field) !== '__proto__')) return undefined;
  const names = fields.map((field) => getResponseName(field as Extract<QueryPlanSelectionNode, { kind: 'Field' }>));
  if (!names.includes('__typename')) return undefined;
  const keys = names.map((name, index) => `${index === 0 ? '{' : ','}${JSON.stringify(name)}:`);
  // only a name Object.prototype also has (`constructor`…) needs the slower own-property read
  const inherited = names.map((name) => name in Object.prototype);
  const typeCondition = fragment.typeCondition;
  return (entity) => {
    if (!isResponseObject(entity) || (entity.__typename !== typeCondition && !isObjectOfType(schema, entity, typeCondition))) {
      // no fragment applies: the representation is {}, which has no __typename
      return null;
    }
    let text = '';
    for (let index = 0; index < names.length; index++) {
      const name = names[index]!;
      const value = inherited[index] ? (hasOwn(entity, name) ? entity[name] : undefined) : entity[name];
      // a missing field makes the fragment's part null, leaving {}, which has no __typename
      if (value === undefined) return null;
      if (name === '__typename' && !value) return null;
      text += keys[index] + JSON.stringify(value);
    }
    return `${text}}`;
  };
}

type Builder = (source: unknown) => ResponseObject | null;

function compileSelections(schema: GraphQLSchema, selections: readonly QueryPlanSelectionNode[]): Builder {
  const steps = selections.map((selection): ((source: ResponseObject, result: ResponseObject) => boolean) => {
    if (selection.kind === 'Field') {
      const responseName = getResponseName(selection);
      const sub = selection.selections ? compileSelections(schema, selection.selections) : undefined;
      return (source, result) => {
        const value = hasOwn(source, responseName) ? source[responseName] : undefined;
        if (value === undefined) return false;
        let built: unknown = value;
        if (Array.isArray(value)) built = sub ? value.map((element: unknown) => sub(element)) : value;
        else if (sub) built = sub(value);
        if (responseName === '__proto__') Object.defineProperty(result, responseName, { value: built, enumerable: true, writable: true });
        else result[responseName] = built;
        return true;
      };
    }
    const { typeCondition } = selection;
    // @apollo/gateway skips fragments without a type condition here; so do we
    if (!typeCondition) return () => true;
    const sub = compileSelections(schema, selection.selections);
    return (source, result) => {
      if (isObjectOfType(schema, source, typeCondition)) mergeResult(result, sub(source));
      return true;
    };
  });
  return (source) => {
    if (source === null) return null;
    // a required field under a non-object (a scalar where an object was expected) is absent
    if (!isResponseObject(source) && !Array.isArray(source)) return steps.length === 0 ? {} : firstFieldAbsent(selections);
    const result: ResponseObject = {};
    for (const step of steps) if (!step(source as ResponseObject, result)) return null;
    return result;
  };
}

/** On a scalar source, `executeSelectionSet` returns null at the first field and skips fragments. */
function firstFieldAbsent(selections: readonly QueryPlanSelectionNode[]): ResponseObject | null {
  return selections.some((selection) => selection.kind === 'Field') ? null : {};
}

/** The representations of one entity fetch, with duplicates sent once. */
export interface EntityBatch {
  /** Representations as JSON text, each once, in first-seen order. */
  readonly unique: string[];
  /** For each representation in plan order, the index of its text in `unique`. */
  readonly uniqueIndexOf: number[];
  /** For each representation in plan order, the index of its entity in the fetch's entity list. */
  readonly entityIndexOf: number[];
}

/**
 * Builds the representations of a fetch's entities and de-duplicates them: the same
 * `@key`/`@requires` values are sent once and the answer is merged into every entity that asked.
 * Entities without a representation (missing `__typename` or a required field) are left out, as
 * `@apollo/gateway` leaves them out.
 */
export function buildEntityBatch(
  entities: readonly unknown[],
  builder: RepresentationBuilder,
  rewrite: ((representation: ResponseObject) => void) | undefined,
): EntityBatch {
  const unique: string[] = [];
  const uniqueIndexOf: number[] = [];
  const entityIndexOf: number[] = [];
  const textIndex = new Map<string, number>();
  const buildText = rewrite ? undefined : builder.buildText;
  // Merges share sub-objects (one answer merged into every entity that asked for it), so the
  // same object often comes back many times under a flatten path: build its representation once.
  const known = new Map<unknown, number>();
  for (let index = 0; index < entities.length; index++) {
    const entity = entities[index];
    const seen = known.get(entity);
    if (seen !== undefined) {
      if (seen >= 0) {
        uniqueIndexOf.push(seen);
        entityIndexOf.push(index);
      }
      continue;
    }
    let text: string | null;
    if (buildText) {
      text = buildText(entity);
    } else {
      const representation = builder.build(entity);
      if (representation && representation.__typename) {
        rewrite?.(representation);
        text = JSON.stringify(representation);
      } else {
        text = null;
      }
    }
    if (text === null) {
      known.set(entity, -1);
      continue;
    }
    let at = seen ?? textIndex.get(text);
    if (at === undefined) {
      at = unique.length;
      unique.push(text);
      textIndex.set(text, at);
    }
    known.set(entity, at);
    uniqueIndexOf.push(at);
    entityIndexOf.push(index);
  }
  return { unique, uniqueIndexOf, entityIndexOf };
}
