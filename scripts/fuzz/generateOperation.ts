import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Random } from './Random.js';

/** A GraphQL request as a client sends it in a JSON body. */
export interface GeneratedOperation {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly operationName?: string;
}

/** Values a client would plausibly send for each scalar: mostly well-formed, in the forms the schema documents. */
const SAMPLES: Record<string, readonly unknown[]> = {
  String: ['tea', 'kettle', 'green tea 100g', 'Teekanne', 'chá verde', '茶', 'ceramic mug', 'ord_0', ''],
  ID: ['1', 'x', 'T2ZmZXI6c2hvcGx5OjE', 'ord_00000000000000000000000000000000', 'cardnet', 'express-global'],
  Int: [0, 1, 2, 5, 10, 50, 100, -1],
  Float: [0, 0.5, 1, 2.5, 100, -1],
  Boolean: [true, false],
  CountryCode: ['DE', 'US', 'GB', 'FR', 'BR', 'MY', 'JP', 'CN', 'AU', 'CA-ON', 'US-NY', 'BR-SP', 'NL', 'IT'],
  CurrencyCode: ['EUR', 'USD', 'GBP', 'JPY', 'BRL', 'MYR', 'CNY', 'KWD', 'AUD'],
  DateTime: ['2026-12-05T09:30:00.000Z', '2026-01-01T00:00:00.000Z', '2025-06-30T12:00:00.000Z'],
};

/** How deep a generated selection goes below the root field (the gateway's depth limit is 10). */
const MAX_SELECTION_DEPTH = 4;

/**
 * A random operation that is valid against `schema`: a root field of Query or Mutation (by the
 * schema's own lists), its required arguments and some optional ones as variables or literals,
 * and a selection of fields a few levels deep, with inline fragments on unions and interfaces.
 */
export function generateOperation(schema: GraphQLSchema, random: Random): GeneratedOperation {
  const root = schema.getMutationType() !== null && random.chance(0.15) ? schema.getMutationType()! : schema.getQueryType()!;
  const field = random.pick(Object.values(root.getFields()));
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const args = argumentsText(field, random, { variables, definitions });
  const selection = selectionOf(getNamedType(field.type), random, 1);
  const keyword = root === schema.getMutationType() ? 'mutation' : 'query';
  const name = `Fuzz${random.int(0, 999)}`;
  const header = definitions.length > 0 ? `${keyword} ${name}(${definitions.join(', ')})` : `${keyword} ${name}`;
  return { query: `${header} { ${field.name}${args}${selection} }`, variables, operationName: name };
}

interface VariableSink {
  readonly variables: Record<string, unknown>;
  readonly definitions: string[];
}

/** `(a: 1, b: $b)`: every required argument, each optional one half the time; as a variable or a literal. */
function argumentsText(field: GraphQLField<unknown, unknown>, random: Random, sink?: VariableSink): string {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) && !random.chance(0.5)) continue;
    const value = valueFor(arg.type, random, 0);
    if (sink !== undefined && random.chance(0.7)) {
      const variable = `${field.name}_${arg.name}`;
      sink.definitions.push(`$${variable}: ${String(arg.type)}`);
      sink.variables[variable] = value;
      parts.push(`${arg.name}: $${variable}`);
    } else {
      parts.push(`${arg.name}: ${literal(value, arg)}`);
    }
  }
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

function selectionOf(type: GraphQLNamedType, random: Random, depth: number): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = isUnionType(type) ? type.getTypes() : [];
    const fragments =
      possible.length > 0 ? ` ... on ${random.pick(possible).name}${selectionOf(random.pick(possible), random, depth)}` : '';
    const own = isInterfaceType(type) ? fieldsOf(type as unknown as GraphQLObjectType, random, depth) : '';
    return ` { __typename${own}${fragments} }`;
  }
  if (!isObjectType(type)) return '';
  return ` { __typename${fieldsOf(type, random, depth)} }`;
}

function fieldsOf(type: GraphQLObjectType, random: Random, depth: number): string {
  const fields = Object.values(type.getFields());
  const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)));
  const nested = fields.filter((field) => !isLeafType(getNamedType(field.type)));
  const chosen = new Set<GraphQLField<unknown, unknown>>();
  for (let i = random.int(1, 4); i > 0 && leaves.length > 0; i--) chosen.add(random.pick(leaves));
  if (depth < MAX_SELECTION_DEPTH) for (let i = random.int(0, 2); i > 0 && nested.length > 0; i--) chosen.add(random.pick(nested));
  let text = '';
  for (const field of chosen) {
    text += ` ${field.name}${argumentsText(field, random)}${selectionOf(getNamedType(field.type), random, depth + 1)}`;
  }
  return text;
}

/** A JSON value of `type`, as a variable would carry it. */
export function valueFor(type: GraphQLInputType, random: Random, depth: number): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, random, depth);
  if (depth > 0 && random.chance(0.1)) return null;
  if (isListType(type)) return Array.from({ length: random.int(0, 3) }, () => valueFor(type.ofType, random, depth + 1));
  if (isEnumType(type)) return random.pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || (depth < 3 && random.chance(0.5))) value[field.name] = valueFor(field.type, random, depth + 1);
    }
    return value;
  }
  if (isScalarType(type)) return random.pick(SAMPLES[type.name] ?? SAMPLES.String!);
  return null;
}

/** `value` written as a GraphQL literal of the argument's type (enums bare, strings quoted). */
function literal(value: unknown, arg: Pick<GraphQLArgument, 'type'> | { type: GraphQLInputType }): string {
  const type = arg.type;
  if (value === null || value === undefined) return 'null';
  if (isNonNullType(type)) return literal(value, { type: type.ofType });
  if (isListType(type)) return `[${(value as unknown[]).map((item) => literal(item, { type: type.ofType })).join(', ')}]`;
  if (isEnumType(type)) return typeof value === 'string' ? value : JSON.stringify(value);
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([name, item]) => `${name}: ${literal(item, { type: fields[name]!.type })}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}
