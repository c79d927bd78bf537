import type { FetchNode } from '@apollo/query-planner';
import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  parse,
  print,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { RawLeaf, RawShape, RawShapeNode } from '../subgraph/matchesRawShape.js';

/**
 * The shape a field's value must have to be passed from a subgraph's answer to the client's
 * response as its bytes (`RawJson`), or undefined when the field's selection cannot be: only
 * fields without alias or directive, on object types (never an interface or a union, whose
 * projection depends on `__typename`), down to leaves, each response name once. The same text
 * (`key`) comes out for the subgraph's selection and the client's exactly when they are the same
 * field with the same arguments and the same selection, so the projection passes through only
 * values checked against its own selection.
 */
export function compileRawShape(schema: GraphQLSchema, parentType: GraphQLCompositeType, field: FieldNode): RawShape | undefined {
  if (!field.selectionSet || field.alias || field.directives?.length) return undefined;
  const definition = 'getFields' in parentType ? parentType.getFields()[field.name.value] : undefined;
  if (!definition) return undefined;
  const node = shapeOf(schema, definition.type, field.selectionSet);
  if (!node) return undefined;
  return { key: `${parentType.name}.${print(field)}`, node, nonNull: isNonNullType(definition.type) };
}

function shapeOf(schema: GraphQLSchema, type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined): RawShapeNode | undefined {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const item = shapeOf(schema, inner.ofType, selectionSet);
    return item && { kind: 'list', item, itemNonNull: isNonNullType(inner.ofType) };
  }
  if (isObjectType(inner)) {
    if (!selectionSet) return undefined;
    const fields = [];
    const names = new Set<string>();
    for (const selection of selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || selection.alias || selection.directives?.length) return undefined;
      const name = selection.name.value;
      if (name.startsWith('__') || names.has(name)) return undefined;
      names.add(name);
      const definition = inner.getFields()[name];
      if (!definition) return undefined;
      const node = shapeOf(schema, definition.type, selection.selectionSet);
      if (!node) return undefined;
      fields.push({ quotedKey: Buffer.from(JSON.stringify(name)), node, nonNull: isNonNullType(definition.type) });
    }
    return fields.length > 0 ? { kind: 'object', fields } : undefined;
  }
  if (selectionSet) return undefined;
  const named = getNamedType(inner);
  if (isEnumType(named)) return { kind: 'leaf', leaf: { kind: 'Enum', values: new Set(named.getValues().map((value) => value.name)) } };
  if (!isScalarType(named)) return undefined;
  const leaf: RawLeaf = {
    kind: isSpecifiedScalarType(named) ? (named.name as 'String' | 'ID' | 'Int' | 'Float' | 'Boolean') : 'Custom',
  };
  return { kind: 'leaf', leaf };
}

/** A fetch of the plan and where its entities are, for {@link rawFieldsOfFetch}. */
export interface PlannedFetch {
  readonly node: FetchNode;
  readonly path: readonly (string | number)[];
}

/**
 * The fields of an entity fetch's answers that may be kept as bytes, by response name: the
 * top-level fields of its one type condition that have a shape, and that no other part of the plan
 * touches. A field another fetch selects, requires or reaches through its path (anywhere, by name:
 * a conservative test) is parsed as usual, since the engine reads it or merges into it. Undefined
 * when there is none.
 */
export function rawFieldsOfFetch(
  schema: GraphQLSchema,
  fetch: FetchNode,
  plan: readonly PlannedFetch[],
): ReadonlyMap<string, RawShape> | undefined {
  if (!fetch.requires || fetch.operationKind !== 'query' || fetch.inputRewrites?.length || fetch.outputRewrites?.length) return undefined;
  const operation = parse(fetch.operation).definitions[0];
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return undefined;
  const [entities] = operation.selectionSet.selections;
  if (operation.selectionSet.selections.length !== 1 || entities?.kind !== Kind.FIELD || entities.name.value !== '_entities')
    return undefined;
  const conditions = entities.selectionSet?.selections ?? [];
  const [condition] = conditions;
  if (conditions.length !== 1 || condition?.kind !== Kind.INLINE_FRAGMENT || condition.directives?.length || !condition.typeCondition)
    return undefined;
  const type = schema.getType(condition.typeCondition.name.value);
  if (!isObjectType(type)) return undefined;
  const kept = new Map<string, RawShape>();
  const responseNames = condition.selectionSet.selections.map((selection) =>
    selection.kind === Kind.FIELD ? (selection.alias ?? selection.name).value : undefined,
  );
  for (const selection of condition.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    // a response name selected twice is merged by the subgraph: its answer is no one selection's shape
    if (responseNames.filter((name) => name === selection.name.value).length > 1) continue;
    const shape = compileRawShape(schema, type, selection);
    if (shape && !touchedElsewhere(selection.name.value, fetch, plan)) kept.set(selection.name.value, shape);
  }
  return kept.size > 0 ? kept : undefined;
}

function touchedElsewhere(name: string, fetch: FetchNode, plan: readonly PlannedFetch[]): boolean {
  const word = new RegExp(`(?:^|[^_0-9A-Za-z])${name}(?:[^_0-9A-Za-z]|$)`);
  const quoted = JSON.stringify(name);
  if (JSON.stringify(fetch.requires).includes(quoted)) return true;
  return plan.some(
    (other) =>
      other.path.includes(name) ||
      (other.node !== fetch && (word.test(other.node.operation) || JSON.stringify(other.node.requires ?? null).includes(quoted))),
  );
}
