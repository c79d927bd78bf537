import { getResponseName, type QueryPlanSelectionNode } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import { isObjectOfType } from './isObjectOfType.js';
import { hasOwn, isResponseObject, type ResponseObject } from './responseTypes.js';

/** An entity's representation as JSON text, or undefined when it has none (no fragment applies, a required field is missing). */
export type RepresentationWriter = (entity: unknown) => string | undefined;

/** A level of the representation built from a source object; null when a field is missing. */
type LevelBuilder = (source: unknown) => ResponseObject | null;

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * Representations of the common nested shape — one `... on Type` of fields with `__typename`,
 * each sub-selection fields only — built by code generated once per fetch of a plan: each level
 * one object literal, each field a named read at a site of its own. The closures
 * `compileRepresentation` builds share one keyed read and one keyed write for every field of every
 * plan (megamorphic once a few shapes have passed) and build the fragment's object twice (its
 * fields, then merged into the representation). The text is `JSON.stringify` of what the closures
 * build (a null level where a field is missing, a list mapped element by element). Undefined for
 * any other shape (fragments inside, a response name twice or `__proto__`): the closures cover those.
 *
 * @param generic the closures' builder of the same selections, for a level whose source is a list
 *   (a list where an object was expected reads its fields as own properties of the list).
 */
export function compileRepresentationWriter(
  schema: GraphQLSchema,
  requires: readonly QueryPlanSelectionNode[],
  generic: (selections: readonly QueryPlanSelectionNode[]) => LevelBuilder,
): RepresentationWriter | undefined {
  const [fragment] = requires;
  if (requires.length !== 1 || fragment?.kind !== 'InlineFragment' || !fragment.typeCondition) return undefined;
  // without __typename in the selection a representation is never sent
  if (!fragment.selections.some((field) => field.kind === 'Field' && getResponseName(field) === '__typename')) return undefined;
  const levels: string[] = [];
  const lists: Array<readonly QueryPlanSelectionNode[]> = [];
  const root = compileLevel(fragment.selections, levels, lists);
  if (root === undefined) return undefined;
  const source = `"use strict";\n${levels.join('\n')}\nreturn ${root};`;
  // The generated source embeds only names checked against GraphQL's grammar, as JSON string
  // literals or identifiers: no value of a request or response becomes code.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- one builder per fetch of a plan is the point; see above
  const factory = new Function('hasOwn', 'isArray', 'G', source) as (
    own: typeof hasOwn,
    isArray: typeof Array.isArray,
    listLevels: LevelBuilder[],
  ) => LevelBuilder;
  const build = factory(
    hasOwn,
    Array.isArray,
    lists.map((selections) => generic(selections)),
  );
  const { typeCondition } = fragment;
  return (entity) => {
    // a non-object, or an object of another type: the fragment does not apply, the representation has no __typename
    if (!isResponseObject(entity) || (entity.__typename !== typeCondition && !isObjectOfType(schema, entity, typeCondition)))
      return undefined;
    const representation = build(entity);
    return representation === null ? undefined : JSON.stringify(representation);
  };
}

/** Writes the function of one level into `levels`; its name, or undefined when the shape is not covered. */
function compileLevel(
  selections: readonly QueryPlanSelectionNode[],
  levels: string[],
  lists: Array<readonly QueryPlanSelectionNode[]>,
): string | undefined {
  if (selections.length === 0) return undefined;
  const names: string[] = [];
  const reads: string[] = [];
  const members: string[] = [];
  for (const selection of selections) {
    if (selection.kind !== 'Field') return undefined;
    const name = getResponseName(selection);
    if (!NAME.test(name) || name === '__proto__' || names.includes(name)) return undefined;
    const sub = selection.selections ? compileLevel(selection.selections, levels, lists) : undefined;
    if (selection.selections && sub === undefined) return undefined;
    const at = names.push(name) - 1;
    const key = JSON.stringify(name);
    // a name also on Object.prototype (`constructor`…) is read only as an own property
    const read = name in Object.prototype ? `(hasOwn(s, ${key}) ? s[${key}] : undefined)` : `s.${name}`;
    reads.push(`const v${at} = ${read}; if (v${at} === undefined) return null;`);
    members.push(`${key}: ${sub === undefined ? `v${at}` : `isArray(v${at}) ? v${at}.map((e) => ${sub}(e)) : ${sub}(v${at})`}`);
  }
  const list = lists.push(selections) - 1;
  const level = `L${levels.length}`;
  levels.push(`function ${level}(s) {
  if (typeof s !== 'object' || s === null) return null;
  if (isArray(s)) return G[${list}](s);
  ${reads.join('\n  ')}
  return { ${members.join(', ')} };
}`);
  return level;
}
