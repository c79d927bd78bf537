import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export type CacheScope = 'PUBLIC' | 'PRIVATE';

/** A cache policy as Apollo Server's `overallCachePolicy` takes it: no `maxAge` means "not restricted yet". */
export interface CacheHint {
  readonly maxAge?: number;
  readonly scope?: CacheScope;
}

/**
 * The `cache-control` header Apollo Server's cache-control plugin writes for an answer: the policy
 * where it is cacheable (a max-age over 0) and the answer has no errors, else `no-store`.
 */
export function cacheControlHeader(policy: CacheHint | null, hasErrors: boolean): string {
  const maxAge = policy?.maxAge ?? 0;
  return maxAge > 0 && !hasErrors ? `max-age=${maxAge}, ${(policy?.scope ?? 'PUBLIC').toLowerCase()}` : 'no-store';
}

/** A `@cacheControl` directive as written on a type or a field. */
interface Annotation extends CacheHint {
  readonly inheritMaxAge?: true;
}

/** The representations of one `_entities` field: their `__typename`s, distinct and sorted. */
type EntityTypenames = readonly string[];

/**
 * What Apollo Server's cache-control plugin would make of one operation, computed from the
 * document and the schema's static `@cacheControl` hints instead of a hook on every resolved field
 * (which, on an answer of thousands of fields, costs more than the operation's own resolvers).
 *
 * The plugin restricts the request's policy by each field that execution actually resolves; which
 * fields those are depends on the data (a null object or an empty list resolves nothing beneath
 * it). So the policy is worked out twice: over every field the operation could resolve, and over
 * the fields every error-free answer resolves (root fields, and the fields beneath a non-null,
 * non-list object of one possible type). The plugin's answer lies between the two; when they are
 * equal, that is the answer whatever the data. When they differ, `policyOf` answers `undefined`
 * and the caller runs Apollo's plugin for that request. An answer with errors gets `no-store`
 * either way, so the fields an error leaves unresolved do not matter.
 *
 * `_entities` is the one field whose hint depends on the variables: `@apollo/subgraph` restricts it
 * by the hint of each representation's type, and only those types' fragments resolve beneath it.
 * Its policy is computed per set of representation types (a handful per operation).
 *
 * Fields with a dynamic hint (`info.cacheControl.setCacheHint`) cannot be known from the document;
 * no resolver of this repository sets one, and a service whose resolvers do must keep Apollo's plugin.
 */
export class OperationCachePolicies {
  private readonly operations = new WeakMap<OperationDefinitionNode, OperationEntry>();
  private readonly typeAnnotations = new Map<GraphQLNamedType, Annotation>();
  private readonly fieldAnnotations = new Map<GraphQLField<unknown, unknown>, Annotation>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly defaultMaxAge = 0,
  ) {}

  /**
   * The policy execution of `operation` would leave in Apollo's `overallCachePolicy`, or
   * `undefined` when it depends on the data. Cached per operation node (Apollo Server keeps the
   * parsed document of each query text) and per set of entity types.
   */
  policyOf(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Readonly<Record<string, unknown>> | undefined,
  ): CacheHint | undefined {
    let entry = this.operations.get(operation);
    if (!entry) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
      entry = { fragments, representationVariables: representationVariablesOf(operation, fragments), byEntityTypes: new Map() };
      this.operations.set(operation, entry);
    }
    let key = '';
    const typenames = new Map<string, EntityTypenames>();
    for (const name of entry.representationVariables) {
      const found = typenamesOf(variables?.[name]);
      if (!found) return undefined;
      typenames.set(name, found);
      key += `${name}=${found.join(',')};`;
    }
    let policy = entry.byEntityTypes.get(key);
    if (policy === undefined) {
      policy = this.compute(operation, entry.fragments, typenames) ?? null;
      // representations come from the router, which sends a few sets per operation; a caller
      // sending a new set each time gets the computation each time, not an ever-growing map
      if (entry.byEntityTypes.size < MAX_ENTITY_TYPE_SETS) entry.byEntityTypes.set(key, policy);
    }
    return policy ?? undefined;
  }

  private compute(
    operation: OperationDefinitionNode,
    fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    typenames: ReadonlyMap<string, EntityTypenames>,
  ): CacheHint | undefined {
    const root = this.schema.getRootType(operation.operation);
    if (!root || operation.operation === 'subscription') return undefined;
    const walk = new PolicyWalk(this, fragments, typenames);
    if (!walk.selectionSet(operation.selectionSet, [root], true, true)) return undefined;
    const { every, always } = walk;
    if (every.maxAge !== always.maxAge) return undefined;
    if (every.maxAge !== 0 && (every.scope ?? 'PUBLIC') !== (always.scope ?? 'PUBLIC')) return undefined;
    return { ...(every.maxAge !== undefined && { maxAge: every.maxAge }), ...(every.scope !== undefined && { scope: every.scope }) };
  }

  /**
   * The hint one resolved field adds, as Apollo's plugin works it out: its type's annotation,
   * overridden by its own unless that only says `inheritMaxAge`; `_entities` restricted by each
   * representation type's annotation; then the default `maxAge` for a root field or an object
   * field that inherits nothing.
   */
  fieldHint(field: GraphQLField<unknown, unknown>, isRoot: boolean, entityTypes?: readonly GraphQLCompositeType[]): CacheHint {
    const policy = new Policy();
    let inheritMaxAge = false;
    const target = getNamedType(field.type);
    if (isCompositeType(target)) {
      const annotation = this.typeAnnotation(target);
      policy.replace(annotation);
      inheritMaxAge = annotation.inheritMaxAge === true;
    }
    const own = this.fieldAnnotation(field);
    if (own.inheritMaxAge && policy.maxAge === undefined) {
      inheritMaxAge = true;
      if (own.scope) policy.replace({ scope: own.scope });
    } else {
      policy.replace(own);
    }
    for (const type of entityTypes ?? []) policy.restrict(this.typeAnnotation(type));
    if (policy.maxAge === undefined && ((isCompositeType(target) && !inheritMaxAge) || isRoot))
      policy.restrict({ maxAge: this.defaultMaxAge });
    return policy;
  }

  possibleTypes(type: GraphQLCompositeType): readonly GraphQLObjectType[] {
    return isObjectType(type) ? [type] : this.schema.getPossibleTypes(type);
  }

  type(name: string): GraphQLNamedType | undefined {
    return this.schema.getType(name) ?? undefined;
  }

  private typeAnnotation(type: GraphQLNamedType): Annotation {
    let annotation = this.typeAnnotations.get(type);
    if (!annotation) {
      annotation =
        fromDirectives(type.astNode?.directives) ?? firstOf(type.extensionASTNodes.map((node) => fromDirectives(node.directives))) ?? {};
      this.typeAnnotations.set(type, annotation);
    }
    return annotation;
  }

  private fieldAnnotation(field: GraphQLField<unknown, unknown>): Annotation {
    let annotation = this.fieldAnnotations.get(field);
    if (!annotation) {
      annotation = fromDirectives(field.astNode?.directives) ?? {};
      this.fieldAnnotations.set(field, annotation);
    }
    return annotation;
  }
}

const MAX_ENTITY_TYPE_SETS = 32;

interface OperationEntry {
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** The variables that hold an `_entities` field's representations. */
  readonly representationVariables: readonly string[];
  /** `null`: the policy depends on the data. */
  readonly byEntityTypes: Map<string, CacheHint | null>;
}

/** Apollo's `CachePolicy` arithmetic: `restrict` keeps the lower `maxAge` and lets `PRIVATE` win. */
class Policy implements CacheHint {
  maxAge: number | undefined = undefined;
  scope: CacheScope | undefined = undefined;

  restrict(hint: CacheHint): void {
    if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge)) this.maxAge = hint.maxAge;
    if (hint.scope !== undefined && this.scope !== 'PRIVATE') this.scope = hint.scope;
  }

  replace(hint: CacheHint): void {
    if (hint.maxAge !== undefined) this.maxAge = hint.maxAge;
    if (hint.scope !== undefined) this.scope = hint.scope;
  }
}

/**
 * One pass over an operation: `every` gathers the hints of every field it could resolve, `always`
 * those of the fields every error-free answer resolves. Fields are collected per possible runtime
 * type, as graphql-js collects them, because a field's hint is read from the runtime type's field.
 */
class PolicyWalk {
  readonly every = new Policy();
  readonly always = new Policy();

  constructor(
    private readonly policies: OperationCachePolicies,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly typenames: ReadonlyMap<string, EntityTypenames>,
  ) {}

  /** `false` when the operation holds something this walk does not model (then Apollo's plugin decides). */
  selectionSet(selectionSet: SelectionSetNode, runtimeTypes: readonly GraphQLObjectType[], always: boolean, isRoot: boolean): boolean {
    // with several possible runtime types, which one a value has is the data's to say
    const surely = always && runtimeTypes.length === 1;
    for (const runtimeType of runtimeTypes) {
      const fields = new Map<string, { nodes: FieldNode[]; conditional: boolean }>();
      if (!this.collect(selectionSet, runtimeType, false, fields)) return false;
      for (const { nodes, conditional } of fields.values()) {
        const first = nodes[0]!;
        const name = first.name.value;
        // graphql-js resolves __typename, __schema and __type itself: Apollo's hook never sees them
        if (name.startsWith('__')) continue;
        const field = runtimeType.getFields()[name];
        if (!field) return false;
        const reached = surely && !conditional;
        let entityTypes: GraphQLCompositeType[] | undefined;
        if (isRoot && name === '_entities') {
          entityTypes = this.entityTypes(first);
          if (!entityTypes) return false;
        }
        const hint = this.policies.fieldHint(field, isRoot, entityTypes);
        this.every.restrict(hint);
        if (reached) this.always.restrict(hint);
        const target = getNamedType(field.type);
        if (!isCompositeType(target)) continue;
        // beneath `_entities`, an entity may resolve to null; beneath a list, there may be no item
        const childrenAlways = reached && !entityTypes && isNonNullType(field.type) && !isListType(field.type.ofType);
        const childTypes = entityTypes
          ? [...new Set(entityTypes.flatMap((type) => this.policies.possibleTypes(type)))]
          : this.policies.possibleTypes(target);
        for (const node of nodes) {
          if (node.selectionSet && !this.selectionSet(node.selectionSet, childTypes, childrenAlways, false)) return false;
        }
      }
    }
    return true;
  }

  /** graphql-js's `collectFields` for one runtime type; `conditional` when a `@skip`/`@include` stands on the way. */
  private collect(
    selectionSet: SelectionSetNode,
    runtimeType: GraphQLObjectType,
    conditional: boolean,
    fields: Map<string, { nodes: FieldNode[]; conditional: boolean }>,
  ): boolean {
    for (const selection of selectionSet.selections) {
      const guarded = conditional || hasInclusionDirective(selection.directives);
      if (selection.directives?.some((directive) => directive.name.value === 'defer' || directive.name.value === 'stream')) return false;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const existing = fields.get(key);
        if (existing) {
          existing.nodes.push(selection);
          existing.conditional &&= guarded;
        } else {
          fields.set(key, { nodes: [selection], conditional: guarded });
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (selection.typeCondition && !this.applies(selection.typeCondition.name.value, runtimeType)) continue;
        if (!this.collect(selection.selectionSet, runtimeType, guarded, fields)) return false;
      } else {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        if (!fragment) return false;
        if (!this.applies(fragment.typeCondition.name.value, runtimeType)) continue;
        // a spread seen twice adds nothing new (graphql-js skips it); walking it again only keeps `conditional` exact
        if (!this.collect(fragment.selectionSet, runtimeType, guarded, fields)) return false;
      }
    }
    return true;
  }

  private applies(typeCondition: string, runtimeType: GraphQLObjectType): boolean {
    if (typeCondition === runtimeType.name) return true;
    const type = this.policies.type(typeCondition);
    return type !== undefined && isCompositeType(type) && !isObjectType(type) && this.policies.possibleTypes(type).includes(runtimeType);
  }

  /** The types of an `_entities` field's representations, from its variable or its literal; `undefined` if unknown. */
  private entityTypes(field: FieldNode): GraphQLCompositeType[] | undefined {
    const argument = field.arguments?.find((arg) => arg.name.value === 'representations');
    if (!argument) return undefined;
    const names = argument.value.kind === Kind.VARIABLE ? this.typenames.get(argument.value.name.value) : literalTypenames(argument.value);
    if (!names) return undefined;
    const types: GraphQLCompositeType[] = [];
    for (const name of names) {
      const type = this.policies.type(name);
      // @apollo/subgraph refuses any other type with an error, and an answer with errors is never cached
      if (!type || !(isObjectType(type) || isInterfaceType(type))) return undefined;
      types.push(type);
    }
    return types;
  }
}

function hasInclusionDirective(directives: readonly DirectiveNode[] | undefined): boolean {
  return directives?.some((directive) => directive.name.value === 'skip' || directive.name.value === 'include') ?? false;
}

/** The variables an operation passes as an `_entities` field's `representations` (at its root, where the field lives). */
function representationVariablesOf(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): string[] {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '_entities') continue;
        const value = selection.arguments?.find((arg) => arg.name.value === 'representations')?.value;
        if (value?.kind === Kind.VARIABLE) names.add(value.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet, seen);
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return [...names].sort();
}

/** The distinct `__typename`s of representations as sent in the variables, or `undefined` if they are not a list of objects naming one. */
function typenamesOf(representations: unknown): EntityTypenames | undefined {
  if (!Array.isArray(representations)) return undefined;
  const names = new Set<string>();
  for (const representation of representations as unknown[]) {
    const name = (representation as { __typename?: unknown } | null)?.__typename;
    if (typeof name !== 'string') return undefined;
    names.add(name);
  }
  return [...names].sort();
}

function literalTypenames(value: ValueNode): EntityTypenames | undefined {
  if (value.kind !== Kind.LIST) return undefined;
  const names = new Set<string>();
  for (const item of value.values) {
    if (item.kind !== Kind.OBJECT) return undefined;
    const typename = item.fields.find((field) => field.name.value === '__typename')?.value;
    if (typename?.kind !== Kind.STRING) return undefined;
    names.add(typename.value);
  }
  return [...names].sort();
}

/** Apollo's reading of `@cacheControl(maxAge:, scope:, inheritMaxAge:)`: literal arguments only. */
function fromDirectives(directives: readonly DirectiveNode[] | undefined): Annotation | undefined {
  const directive = directives?.find((node) => node.name.value === 'cacheControl');
  if (!directive?.arguments) return undefined;
  const argument = (name: string) => directive.arguments?.find((arg) => arg.name.value === name)?.value;
  const scopeValue = argument('scope');
  const scopeName = scopeValue?.kind === Kind.ENUM ? scopeValue.value : undefined;
  const scope = scopeName === 'PUBLIC' || scopeName === 'PRIVATE' ? scopeName : undefined;
  const inherit = argument('inheritMaxAge');
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) return { inheritMaxAge: true, ...(scope && { scope }) };
  const maxAge = argument('maxAge');
  return { ...(maxAge?.kind === Kind.INT && { maxAge: parseInt(maxAge.value, 10) }), ...(scope && { scope }) };
}

function firstOf<T>(values: readonly (T | undefined)[]): T | undefined {
  return values.find((value) => value !== undefined);
}
