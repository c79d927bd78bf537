import { readdirSync, readFileSync } from 'node:fs';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type FetchNode } from '@apollo/query-planner';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  OperationTypeNode,
  parse,
  print,
  typeFromAST,
  visit,
  type FieldNode,
  type VariableDefinitionNode,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { OperationCachePolicies } from './operationCachePolicy.js';
import { staticCacheControlPlugin } from './staticCacheControlPlugin.js';

/**
 * How the answers are shaped: every object and list filled, every list empty, every nullable value
 * null, or a mix decided by each value's path. The plugin's policy must not depend on which.
 */
type Shape = 'full' | 'empty' | 'nulls' | 'mixed';
const SHAPES: readonly Shape[] = ['full', 'empty', 'nulls', 'mixed'];

interface ShapeContext {
  shape: Shape;
}

function hashOf(text: string): number {
  let hash = 7;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
  return hash;
}

/** A value of `type` as the shape wants it; objects carry `__typename` and are filled in by the same resolver. */
function valueOf(schema: GraphQLSchema, type: GraphQLOutputType, shape: Shape, path: string, nullable = true): unknown {
  if (isNonNullType(type)) return valueOf(schema, type.ofType, shape, path, false);
  const hash = hashOf(path);
  if (nullable && (shape === 'nulls' || (shape === 'mixed' && hash % 3 === 0))) return null;
  if (isListType(type)) {
    const length = shape === 'empty' ? 0 : shape === 'mixed' ? hash % 3 : 2;
    return Array.from({ length }, (_, index) => valueOf(schema, type.ofType, shape, `${path}.${index}`));
  }
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isObjectType(type)) return { __typename: type.name };
  if (isAbstractType(type)) {
    const possible = schema.getPossibleTypes(type);
    return { __typename: possible[hash % possible.length]!.name };
  }
  if (isScalarType(type)) return type.name === 'Int' ? 1 : type.name === 'Float' ? 1.5 : type.name === 'Boolean' ? true : 'x';
  return null;
}

function pathOf(info: GraphQLResolveInfo): string {
  const keys: Array<string | number> = [];
  for (let path: GraphQLResolveInfo['path'] | undefined = info.path; path; path = path.prev) keys.unshift(path.key);
  return keys.join('.');
}

/** A subgraph's real schema (its SDL, its `@cacheControl` hints, `@apollo/subgraph`'s `_entities`), its data made up per shape. */
function subgraphSchema(sdl: string): GraphQLSchema {
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl) });
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (type === schema.getQueryType() && (field.name === '_entities' || field.name === '_service')) continue;
      field.resolve = (_source, _args, context: ShapeContext, info) => valueOf(schema, info.returnType, context.shape, pathOf(info));
    }
  }
  return schema;
}

/** A variable's value that the schema accepts (what it is does not matter to the made-up data). */
function inputOf(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return inputOf(type.ofType);
  if (isListType(type)) return [inputOf(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(fields.map((field) => [field.name, inputOf(field.type)]));
  }
  if (isScalarType(type)) return type.name === 'Int' || type.name === 'Float' ? 1 : type.name === 'Boolean' ? true : 'x';
  return null;
}

/** Two servers over one schema: Apollo's own cache-control plugin, and the one computed per operation. */
async function pairOver(schema: GraphQLSchema) {
  const start = async (plugins: ApolloServerPlugin<ShapeContext>[]) => {
    const server = new ApolloServer<ShapeContext>({ schema, plugins: [ApolloServerPluginInlineTraceDisabled(), ...plugins] });
    await server.start();
    return server;
  };
  const apollo = await start([ApolloServerPluginCacheControl()]);
  const ours = await start([ApolloServerPluginCacheControlDisabled(), staticCacheControlPlugin()]);
  const headerOf = async (server: ApolloServer<ShapeContext>, query: string, variables: Record<string, unknown>, shape: Shape) => {
    const response = await server.executeOperation({ query, variables }, { contextValue: { shape } });
    const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
    return { header: response.http.headers.get('cache-control'), errors };
  };
  return {
    async compare(query: string, variables: Record<string, unknown> = {}) {
      const headers = new Map<Shape, string | undefined>();
      for (const shape of SHAPES) {
        const expected = await headerOf(apollo, query, variables, shape);
        const actual = await headerOf(ours, query, variables, shape);
        expect(expected.errors, `${shape}: ${query}`).toBeUndefined();
        expect(actual.header, `${shape}: ${query}`).toBe(expected.header);
        headers.set(shape, expected.header);
      }
      return headers;
    },
    stop: () => Promise.all([apollo.stop(), ours.stop()]),
  };
}

const policyOf = (schema: GraphQLSchema, query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION)!;
  return new OperationCachePolicies(schema).policyOf(document, operation, variables);
};

const HINTS = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  type Query { store: Store! @cacheControl(maxAge: 300) stores: [Store!]! maybeStore: Store item: Item! node: Node! }
  type Store @key(fields: "id") @cacheControl(maxAge: 3600) {
    id: ID!
    address: Address!
    owner: Owner
    account: Account! @cacheControl(maxAge: 60, scope: PRIVATE)
    shelves: [Shelf!]!
    nameHint: String @cacheControl(maxAge: 30)
  }
  type Address @cacheControl(inheritMaxAge: true) { street: String! geo: Geo! }
  type Geo { lat: Float! }
  type Owner @cacheControl(maxAge: 10) { name: String! }
  type Account { id: ID! }
  type Shelf @cacheControl(inheritMaxAge: true) { label: String! owner: Owner }
  type Item @key(fields: "sku") { sku: ID! price: Price! @cacheControl(inheritMaxAge: true) }
  type Price { amount: Int! }
  type Warehouse @key(fields: "id") @cacheControl(maxAge: 120) { id: ID! address: Address! }
  interface Node @cacheControl(maxAge: 1000) { id: ID! }
  type Shop implements Node @cacheControl(maxAge: 500) { id: ID! }
  type Stall implements Node @cacheControl(maxAge: 50) { id: ID! owner: Owner! @cacheControl(maxAge: 5) }
`;

describe('the cache policy worked out once per operation', () => {
  it('gives the header Apollo’s plugin gives, for maxAge, inheritMaxAge, scope and _entities of several types', async () => {
    const schema = subgraphSchema(HINTS);
    const pair = await pairOver(schema);
    const entities = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Store { id address { street } shelves { label } } ... on Warehouse { id address { street } } ... on Item { sku price { amount } } } }`;
    try {
      // root field hint 300 over Store's 3600; Address inherits, so only the root restricts
      expect((await pair.compare('{ store { id address { street } } }')).get('full')).toBe('max-age=300, public');
      // Geo has no hint and does not inherit: max-age 0 whatever Address inherits
      expect((await pair.compare('{ store { address { geo { lat } } } }')).get('full')).toBe('no-store');
      // a field's own hint overrides its type's, scope included
      expect((await pair.compare('{ store { account { id } } }')).get('full')).toBe('max-age=60, private');
      // a nullable object's own hint counts whether or not it is null
      expect((await pair.compare('{ store { id owner { name } } }')).get('nulls')).toBe('max-age=10, public');
      expect((await pair.compare('{ store { nameHint } }')).get('full')).toBe('max-age=30, public');
      // Store and Warehouse restrict `_entities` to the lower of their hints; Item has none and adds nothing
      const several = await pair.compare(entities, {
        representations: [
          { __typename: 'Store', id: '1' },
          { __typename: 'Warehouse', id: '2' },
        ],
      });
      expect(several.get('full')).toBe('max-age=120, public');
      expect((await pair.compare(entities, { representations: [{ __typename: 'Store', id: '1' }] })).get('full')).toBe(
        'max-age=3600, public',
      );
      expect((await pair.compare(entities, { representations: [{ __typename: 'Item', sku: '1' }] })).get('full')).toBe('no-store');
      expect(
        (
          await pair.compare(entities, {
            representations: [
              { __typename: 'Store', id: '1' },
              { __typename: 'Item', sku: '1' },
            ],
          })
        ).get('full'),
      ).toBe('max-age=3600, public');
      // Shelf inherits and holds no hint of its own beneath it
      await pair.compare('{ stores { id shelves { label } } }');
      expect(policyOf(schema, entities, { representations: [{ __typename: 'Store' }, { __typename: 'Warehouse' }] })).toEqual({
        maxAge: 120,
      });
      expect(policyOf(schema, '{ store { nameHint } }')).toEqual({ maxAge: 30 });
      expect(policyOf(schema, '{ __typename store { __typename } }')).toEqual({ maxAge: 300 });
    } finally {
      await pair.stop();
    }
  });

  it('leaves a policy that the data decides to Apollo’s plugin, which then gives the same header as before', async () => {
    const schema = subgraphSchema(HINTS);
    const pair = await pairOver(schema);
    try {
      // Owner (10) restricts only when there is a store to ask; the walk cannot know, so Apollo's plugin decides
      const owner = '{ maybeStore { id owner { name } } }';
      expect(policyOf(schema, owner)).toBeUndefined();
      const headers = await pair.compare(owner);
      expect(headers.get('full')).toBe('max-age=10, public');
      expect(headers.get('nulls')).toBe('max-age=3600, public');
      // a list's items, an interface's runtime type, a nullable object, a conditional field: the same
      const shelves = '{ stores { shelves { owner { name } } } }';
      expect(policyOf(schema, shelves)).toBeUndefined();
      expect((await pair.compare(shelves)).get('empty')).toBe('max-age=3600, public');
      const node = '{ node { id ... on Stall { owner { name } } } }';
      expect(policyOf(schema, node)).toBeUndefined();
      await pair.compare(node);
      expect(policyOf(schema, '{ maybeStore { id } }')).toEqual({ maxAge: 3600 });
      const conditional = 'query ($yes: Boolean!) { store { id nameHint @include(if: $yes) } }';
      expect(policyOf(schema, conditional, { yes: true })).toBeUndefined();
      expect((await pair.compare(conditional, { yes: false })).get('full')).toBe('max-age=300, public');
      expect((await pair.compare(conditional, { yes: true })).get('full')).toBe('max-age=30, public');
    } finally {
      await pair.stop();
    }
  });

  describe('on every fetch the planner makes of the operations in operations/, against each subgraph’s real schema', () => {
    const supergraph = Supergraph.build(readFileSync('schema/supergraph.graphql', 'utf8'), { supportedFeatures: null });
    const planner = new QueryPlanner(supergraph);
    const fetches: FetchNode[] = [];
    const collect = (node: PlanNode | undefined): void => {
      if (!node) return;
      if (node.kind === 'Fetch') fetches.push(node);
      else if (node.kind === 'Sequence' || node.kind === 'Parallel') node.nodes.forEach(collect);
      else if (node.kind === 'Flatten') collect(node.node);
      else if (node.kind === 'Condition') [node.ifClause, node.elseClause].forEach(collect);
      else throw new Error(`a plan node this test does not walk: ${node.kind}`);
    };
    for (const file of readdirSync('operations').filter((name) => name.endsWith('.graphql'))) {
      const document = parse(readFileSync(`operations/${file}`, 'utf8'));
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const operation = operationFromDocument(supergraph.apiSchema(), document, { operationName: definition.name?.value });
        collect(planner.buildQueryPlan(operation).node as PlanNode | undefined);
      }
    }
    const services = [...new Set(fetches.map((fetch) => fetch.serviceName))].sort();

    const headersSeen = new Set<string>();

    it('covers the quote path’s subgraphs and their _entities fetches', () => {
      expect(services).toEqual(expect.arrayContaining(['catalog', 'customs', 'logistics', 'payments']));
      expect(fetches.filter((fetch) => fetch.requires).length).toBeGreaterThan(3);
    });

    it.each(services)('%s: the same header as Apollo’s plugin, worked out without it, whatever the answers hold', async (service) => {
      const schema = subgraphSchema(readFileSync(`subgraphs/${service}/schema.graphql`, 'utf8'));
      const pair = await pairOver(schema);
      const policies = new OperationCachePolicies(schema);
      try {
        const own = fetches.filter((fetch) => fetch.serviceName === service);
        const entityFetches = own.filter((fetch) => fetch.requires);
        // each fetch alone; each `_entities` fetch also with the types of all of them, as a batch of
        // several fetches' representations; and all `_entities` fetches as one aliased operation
        const cases = own.flatMap((fetch) => {
          const typeSets = fetch.requires ? [typesOf([fetch]), typesOf(entityFetches)] : [[]];
          return typeSets.map((types) => withVariables(schema, fetch.operation, fetch.requires ? types : undefined));
        });
        if (entityFetches.length > 1) cases.push(withVariables(schema, merged(entityFetches), typesOf(entityFetches)));
        for (const { query, variables } of cases) {
          const document = parse(query);
          const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION)!;
          expect(policies.policyOf(document, operation, variables), query).toBeDefined();
          const headers = await pair.compare(query, variables);
          headersSeen.add(`${service}: ${headers.get('full')}`);
        }
      } finally {
        await pair.stop();
      }
    });

    it('meets cacheable answers among them, so that the comparison could tell a wrong max-age', () => {
      expect(headersSeen).toContain('catalog: max-age=3600, public');
      expect(headersSeen).toContain('customs: max-age=600, public');
      expect(headersSeen).toContain('payments: no-store');
    });
  });
});

function typesOf(fetches: readonly FetchNode[]): string[] {
  return [
    ...new Set(
      fetches.flatMap((fetch) =>
        (fetch.requires ?? []).flatMap((selection) =>
          selection.kind === 'InlineFragment' && selection.typeCondition ? [selection.typeCondition] : [],
        ),
      ),
    ),
  ];
}

/** An operation and variables the schema accepts; `representations` of the given types, if it takes them. */
function withVariables(schema: GraphQLSchema, query: string, entityTypes: readonly string[] | undefined) {
  const operation = parse(query).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION)!;
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    variables[name] = name.startsWith('representations')
      ? (entityTypes ?? []).map((typename) => ({ __typename: typename, id: '1' }))
      : inputOf(typeFromAST(schema, definition.type) as GraphQLInputType);
  }
  return { query, variables };
}

/** Several `_entities` fetches of one subgraph as one operation, each under an alias with its variables renamed apart (as the engine batches them). */
function merged(fetches: readonly FetchNode[]): string {
  const definitions: VariableDefinitionNode[] = [];
  const fields: FieldNode[] = [];
  fetches.forEach((fetch, index) => {
    const renamed = visit(parse(fetch.operation), {
      Variable: (node) => ({ ...node, name: { ...node.name, value: `${node.name.value}__${index}` } }),
    });
    const operation = renamed.definitions[0] as OperationDefinitionNode;
    definitions.push(...(operation.variableDefinitions ?? []));
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.push({ ...selection, alias: { kind: Kind.NAME, value: `_${index}` } });
    }
  });
  return print({
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        variableDefinitions: definitions,
        selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
      },
    ],
  });
}
