import { getResponseName, type QueryPlanSelectionNode } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import { compileRepresentationWriter, type RepresentationWriter } from './compileRepresentationWriter.js';
import { isObjectOfType } from './isObjectOfType.js';
import { mergeResult } from './mergeResult.js';
import { hasOwn, isResponseObject, type ResponseObject } from './responseTypes.js';

/** Builds representations of entities for one fetch, compiled once per plan. */
export interface RepresentationBuilder {
  /** One entity's representation, or null when a required field is missing. */
  readonly build: (entity: unknown) => ResponseObject | null;
  /** The common shape — one `... on Type` of leaf fields including `__typename` — read field by field. */
  readonly leaf: LeafShape | undefined;
  /** One `... on Type` of fields with sub-selections: each representation's text from code compiled for the fetch. */
  readonly writer: RepresentationWriter | undefined;
}

/** `[... on T { __typename, leaf fields }]`: a representation is those fields' values, in this order. */
interface LeafShape {
  readonly schema: GraphQLSchema;
  readonly typeCondition: string;
  readonly names: readonly string[];
  /** `{"name":` / `,"name":` before each value in the representation's JSON text. */
  readonly keys: readonly string[];
  /** Whether a name is also on Object.prototype (`constructor`…), so needs an own-property read. */
  readonly inherited: readonly boolean[];
  readonly typenameAt: number;
}

/**
 * Compiles a fetch's `requires` (the `@key` fields and `@requires` selections the planner asks
 * for, under `... on Type` conditions), once per plan. The result is what `@apollo/gateway`'s
 * `executeSelectionSet` would build: a required field that is absent makes that level null;
 * fragments apply by `__typename`.
 */
export function compileRepresentation(schema: GraphQLSchema, requires: readonly QueryPlanSelectionNode[]): RepresentationBuilder {
  const leaf = compileLeafShape(schema, requires);
  return {
    build: compileSelections(schema, requires),
    leaf,
    writer: leaf ? undefined : compileRepresentationWriter(schema, requires, (selections) => compileSelections(schema, selections)),
  };
}

function compileLeafShape(schema: GraphQLSchema, requires: readonly QueryPlanSelectionNode[]): LeafShape | undefined {
  const [fragment] = requires;
  if (requires.length !== 1 || fragment?.kind !== 'InlineFragment' || !fragment.typeCondition) return undefined;
  const fields = fragment.selections;
  if (!fields.every((field) => field.kind === 'Field' && !field.selections && getResponseName(field) !== '__proto__')) return undefined;
  const names = fields.map((field) => getResponseName(field as Extract<QueryPlanSelectionNode, { kind: 'Field' }>));
  const typenameAt = names.indexOf('__typename');
  if (typenameAt < 0 || new Set(names).size !== names.length) return undefined;
  return {
    schema,
    typeCondition: fragment.typeCondition,
    names,
    keys: names.map((name, index) => `${index === 0 ? '{' : ','}${JSON.stringify(name)}:`),
    inherited: names.map((name) => name in Object.prototype),
    typenameAt,
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
  if (builder.leaf && !rewrite) return buildLeafBatch(entities, builder.leaf);
  const writer = rewrite ? undefined : builder.writer;
  const unique: string[] = [];
  const uniqueIndexOf: number[] = [];
  const entityIndexOf: number[] = [];
  const textIndex = new Map<string, number>();
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
    const text = writer ? writer(entity) : builtText(builder, entity, rewrite);
    if (text === undefined) {
      known.set(entity, -1);
      continue;
    }
    let at = textIndex.get(text);
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

/** A representation built, rewritten and stringified; undefined when it has no `__typename`. */
function builtText(
  builder: RepresentationBuilder,
  entity: unknown,
  rewrite: ((representation: ResponseObject) => void) | undefined,
): string | undefined {
  const representation = builder.build(entity);
  if (!representation || !representation.__typename) return undefined;
  rewrite?.(representation);
  return JSON.stringify(representation);
}

/** A level of {@link buildLeafBatch}'s index: a field's value to the next level, the last one to a representation. */
type ValueIndex = Map<unknown, ValueIndex | number>;

/**
 * The leaf shape, de-duplicated by the fields' values themselves (one map level per field),
 * so the JSON text is built once per distinct representation instead of once per entity: deep
 * answers reach the same few entities through hundreds of objects.
 */
function buildLeafBatch(entities: readonly unknown[], leaf: LeafShape): EntityBatch {
  const { schema, typeCondition, names, keys, inherited, typenameAt } = leaf;
  const count = names.length;
  const unique: string[] = [];
  const uniqueIndexOf: number[] = [];
  const entityIndexOf: number[] = [];
  const byValues: ValueIndex = new Map();
  // values that are objects or lists (custom scalars) are compared by their text instead
  let byText: Map<string, number> | undefined;
  const values: unknown[] = new Array<unknown>(count);
  entities: for (let index = 0; index < entities.length; index++) {
    const entity = entities[index];
    if (!isResponseObject(entity) || (entity.__typename !== typeCondition && !isObjectOfType(schema, entity, typeCondition))) {
      // no fragment applies: the representation is {}, which has no __typename
      continue;
    }
    let scalars = true;
    for (let field = 0; field < count; field++) {
      const name = names[field]!;
      const value = inherited[field] ? (hasOwn(entity, name) ? entity[name] : undefined) : entity[name];
      // a missing field makes the fragment's part null, leaving {}, which has no __typename
      if (value === undefined || (field === typenameAt && !value)) continue entities;
      if (typeof value === 'object' && value !== null) scalars = false;
      values[field] = value;
    }
    let at: number | undefined;
    if (scalars) {
      let level = byValues;
      for (let field = 0; field < count - 1; field++) {
        let next = level.get(values[field]) as ValueIndex | undefined;
        if (next === undefined) level.set(values[field], (next = new Map()));
        level = next;
      }
      at = level.get(values[count - 1]) as number | undefined;
      if (at === undefined) {
        at = unique.push(textOf(keys, values)) - 1;
        level.set(values[count - 1], at);
      }
    } else {
      const text = textOf(keys, values);
      byText ??= new Map();
      at = byText.get(text);
      if (at === undefined) {
        at = unique.push(text) - 1;
        byText.set(text, at);
      }
    }
    uniqueIndexOf.push(at);
    entityIndexOf.push(index);
  }
  return { unique, uniqueIndexOf, entityIndexOf };
}

function textOf(keys: readonly string[], values: readonly unknown[]): string {
  let text = '';
  for (let field = 0; field < keys.length; field++) text += keys[field]! + JSON.stringify(values[field]);
  return `${text}}`;
}
