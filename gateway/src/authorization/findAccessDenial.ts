import {
  getNamedType,
  isAbstractType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { AccessRequirement, AuthorizationPolicy } from './AuthorizationPolicy.js';

/** Who asks: whether a key was presented, and the scopes it holds. */
export interface Caller {
  readonly authenticated: boolean;
  readonly scopes: ReadonlySet<string>;
}

/** Why an operation may not run: the first coordinate it selects whose requirement the caller misses. */
export type AccessDenial =
  | { readonly kind: 'unauthenticated'; readonly coordinate: string }
  | { readonly kind: 'forbidden'; readonly coordinate: string; readonly scopes: readonly (readonly string[])[] };

/**
 * Checks one operation (and the fragments it spreads) against the supergraph's policy, before
 * planning, so nothing of a refused operation reaches a subgraph. Each selected field counts with
 * its own requirement, its return type's, and, on an interface or union, those of the same field
 * on every possible type (a caller may not read through an interface what a type keeps to keys).
 */
export function findAccessDenial(
  policy: AuthorizationPolicy,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  caller: Caller,
): AccessDenial | undefined {
  if (policy.size === 0) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

  const check = (coordinate: string): AccessDenial | undefined => {
    const requirement = policy.get(coordinate);
    return requirement === undefined ? undefined : denial(requirement, coordinate, caller);
  };
  let found: AccessDenial | undefined;
  const visited = new Set<string>();
  const walk = (node: OperationDefinitionNode | FragmentDefinitionNode): void => {
    // a TypeInfo per definition: a spread is walked from inside another walk
    const typeInfo = new TypeInfo(schema);
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          const parent = typeInfo.getParentType();
          const definition = typeInfo.getFieldDef();
          if (parent == null || definition == null || found !== undefined) return;
          const name = field.name.value;
          const owners = isAbstractType(parent)
            ? [parent.name, ...schema.getPossibleTypes(parent).map((type) => type.name)]
            : [parent.name];
          for (const owner of owners) found ??= check(`${owner}.${name}`);
          found ??= check(getNamedType(definition.type).name);
        },
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment === undefined || visited.has(fragment.name.value)) return;
          visited.add(fragment.name.value);
          walk(fragment);
        },
      }),
    );
  };
  walk(operation);
  return found;
}

function denial(requirement: AccessRequirement, coordinate: string, caller: Caller): AccessDenial | undefined {
  const needsKey = requirement.authenticated || requirement.scopes.length > 0;
  if (needsKey && !caller.authenticated) return { kind: 'unauthenticated', coordinate };
  const missing = requirement.scopes.find((alternatives) => !alternatives.some((all) => all.every((scope) => caller.scopes.has(scope))));
  return missing === undefined ? undefined : { kind: 'forbidden', coordinate, scopes: missing };
}
