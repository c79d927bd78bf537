import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  isAbstractType,
  isCompositeType,
  parse,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** For each type, the fields that some `@requires` of the supergraph asks for with arguments. */
export type FieldsRequiredWithArguments = ReadonlyMap<string, ReadonlySet<string>>;

/** An operation whose fields were given aliases of ours, and the client's response name of each alias. */
export interface AliasedOperation {
  readonly document: DocumentNode;
  /** Alias of ours → the response name the client asked for. */
  readonly responseNames: ReadonlyMap<string, string>;
}

const ALIAS_PREFIX = 'tgAsked_';

/**
 * The fields a `@requires` of the supergraph asks for with arguments (`comments(limit: 3)`,
 * `price(currency: "USD")`), read from its `@join__field(requires:)` selections.
 */
export function findFieldsRequiredWithArguments(supergraph: GraphQLSchema): FieldsRequiredWithArguments {
  const found = new Map<string, Set<string>>();
  for (const type of Object.values(supergraph.getTypeMap())) {
    if (!isCompositeType(type) || !('getFields' in type)) continue;
    for (const field of Object.values(type.getFields())) {
      for (const directive of field.astNode?.directives ?? []) {
        if (directive.name.value !== 'join__field') continue;
        const requires = directive.arguments?.find((argument) => argument.name.value === 'requires')?.value;
        if (requires?.kind !== Kind.STRING) continue;
        const operation = parse(`{${requires.value}}`).definitions[0];
        if (operation?.kind === Kind.OPERATION_DEFINITION) collectWithArguments(supergraph, type, operation.selectionSet, found);
      }
    }
  }
  return found;
}

function collectWithArguments(
  schema: GraphQLSchema,
  parentType: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  into: Map<string, Set<string>>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
      if (condition && isCompositeType(condition)) collectWithArguments(schema, condition, selection.selectionSet, into);
      continue;
    }
    if (selection.kind !== Kind.FIELD || !('getFields' in parentType)) continue;
    const name = selection.name.value;
    if (selection.arguments?.length) {
      let names = into.get(parentType.name);
      if (!names) into.set(parentType.name, (names = new Set()));
      names.add(name);
    }
    const fieldType = parentType.getFields()[name]?.type;
    const named = fieldType && getNamedType(fieldType);
    if (selection.selectionSet && named && isCompositeType(named)) collectWithArguments(schema, named, selection.selectionSet, into);
  }
}

/**
 * The operation with an alias of ours on each field that a `@requires` also asks for with
 * arguments, so that the two never share a response name.
 *
 * Apollo's query planner merges a field the client asks for with a field a `@requires` needs when
 * they share a response name, even when their arguments differ: asked `comments(limit: 1)` where a
 * `@requires` needs `comments(limit: 3)`, its fetch asks for one of the two, and either the client
 * gets three comments or the `@requires` gets one. Under an alias the client's field is fetched as
 * asked. The response and its errors are written under the client's names (`responseNames`).
 *
 * Undefined when the operation has no such field (always, for a supergraph without such `@requires`).
 */
export function aliasFieldsRequiredWithArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  required: FieldsRequiredWithArguments,
): AliasedOperation | undefined {
  if (required.size === 0) return undefined;
  const responseNames = new Map<string, string>();
  const typeInfo = new TypeInfo(schema);
  const requiredOf = (type: GraphQLCompositeType, name: string): boolean =>
    required.get(type.name)?.has(name) === true ||
    (isAbstractType(type) && schema.getPossibleTypes(type).some((possible) => required.get(possible.name)?.has(name) === true));
  const aliased = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const parentType = typeInfo.getParentType();
        const responseName = node.alias?.value ?? node.name.value;
        if (!parentType || responseName !== node.name.value || !requiredOf(parentType, node.name.value)) return undefined;
        const alias = `${ALIAS_PREFIX}${responseName}`;
        responseNames.set(alias, responseName);
        return { ...node, alias: { kind: Kind.NAME, value: alias } };
      },
    }),
  );
  return responseNames.size === 0 ? undefined : { document: aliased, responseNames };
}

/** Errors whose paths name our aliases, with the client's response names instead. */
export function withClientPaths(errors: readonly Error[], responseNames: ReadonlyMap<string, string>): Error[] {
  return errors.map((error) => {
    if (!(error instanceof GraphQLError) || !error.path?.some((key) => typeof key === 'string' && responseNames.has(key))) return error;
    const path = error.path.map((key) => (typeof key === 'string' ? (responseNames.get(key) ?? key) : key));
    return new GraphQLError(error.message, {
      path,
      ...(error.nodes && { nodes: error.nodes }),
      ...(error.originalError && { originalError: error.originalError }),
      extensions: error.extensions,
    });
  });
}
