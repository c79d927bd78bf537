import {
  Kind,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_SLICING_ARGUMENTS, type CostModel, type FieldCost } from './CostModel.js';

export interface OperationCost {
  /** Estimated cost: Σ size × (weight + cost of the selection) over every field. */
  readonly cost: number;
  /** Deepest field nesting; a root field is at depth 1. Introspection fields are not counted. */
  readonly depth: number;
  /** Fields requested under an alias. */
  readonly aliases: number;
  /** How often each fan-out field (`Type.field` with a `fanOut` cost) appears, aliases and fragments included. */
  readonly fanOutFields: ReadonlyMap<string, number>;
}

/**
 * Walks an operation with its schema and (coerced) variables. Fragments are walked where they are
 * spread; on an abstract type every fragment counts, which over-estimates rather than under.
 * Introspection fields (`__schema`, `__type`, `__typename`) cost nothing and add no depth: the
 * gateway answers them itself.
 */
export function estimateOperationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
  model: CostModel,
): OperationCost {
  let depth = 0;
  let aliases = 0;
  const fanOutFields = new Map<string, number>();
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, depth: 0, aliases: 0, fanOutFields };

  const walk = (
    parent: GraphQLCompositeType,
    selectionSet: SelectionSetNode,
    level: number,
    sized: ReadonlyMap<string, number>,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += walk(type, selection.selectionSet, level, sized);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        if (fragment && type && isCompositeType(type)) total += walk(type, fragment.selectionSet, level, sized);
        continue;
      }
      if (selection.name.value.startsWith('__')) continue;
      if (selection.alias) aliases++;
      depth = Math.max(depth, level);
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
      if (!field) continue;
      const coordinate = `${parent.name}.${field.name}`;
      const config = model.fields[coordinate] ?? {};
      const target = getNamedType(field.type);
      const isRoot = level === 1;
      const baseWeight =
        config.weight ?? (isRoot && operation.operation === 'mutation' ? model.mutationWeight : isCompositeType(target) ? 1 : 0);
      let weight = baseWeight;
      if (config.fanOut) {
        fanOutFields.set(coordinate, (fanOutFields.get(coordinate) ?? 0) + 1);
        weight = baseWeight * upstreamsCalled(field, selection, config.fanOut, variables);
      }
      const sliced = slicingSize(field, selection, config.slicingArguments ?? DEFAULT_SLICING_ARGUMENTS, variables);
      const size = sliced ?? config.assumedSize ?? model.defaultListSize;
      const childSizes = new Map((config.sizedFields ?? []).map((name) => [name, size]));
      const multiplier = sized.get(field.name) ?? (isList(field.type) && !config.sizedFields ? size : 1);
      const children = selection.selectionSet && isCompositeType(target) ? walk(target, selection.selectionSet, level + 1, childSizes) : 0;
      total += multiplier * (weight + children);
    }
    return total;
  };

  const cost = walk(root, operation.selectionSet, 1, new Map());
  return { cost, depth, aliases, fanOutFields };
}

/** How many upstreams a fan-out field calls: the length of the list its arguments name, or the assumed count. */
function upstreamsCalled(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  fanOut: NonNullable<FieldCost['fanOut']>,
  variables: Readonly<Record<string, unknown>>,
): number {
  const [argumentName, ...path] = fanOut.argumentPath;
  const definition = field.args.find((arg) => arg.name === argumentName);
  const argument = node.arguments?.find((arg) => arg.name.value === argumentName);
  if (!definition || !argument) return fanOut.assumedUpstreams;
  let value: unknown = valueFromAST(argument.value, definition.type, variables);
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  // An empty or unreadable list is not cheaper than the default: the subgraph decides what it means.
  return Array.isArray(value) && value.length > 0 ? value.length : fanOut.assumedUpstreams;
}

/** The list size a slicing argument gives (literal, variable or schema default), if any. */
function slicingSize(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  slicingArguments: readonly string[],
  variables: Readonly<Record<string, unknown>>,
): number | undefined {
  for (const name of slicingArguments) {
    const definition = field.args.find((arg) => arg.name === name);
    if (!definition) continue;
    const argument = node.arguments?.find((arg) => arg.name.value === name);
    const value = argument ? valueFromAST(argument.value, definition.type, variables) : definition.defaultValue;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  }
  return undefined;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}
