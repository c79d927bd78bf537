import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isSpecifiedScalarType,
  Kind,
  parseType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';

/** A document whose literals holding variables are read from variables of their own. */
export interface HoistedLiterals {
  readonly document: DocumentNode;
  /** The request's variables and, under each new variable's name, its literal's value as graphql-js reads it. */
  readonly variablesOf: (variables: Record<string, unknown> | undefined) => Record<string, unknown>;
}

/** A variable a literal names that the request left out (and that has no default): left out of an object, null in a list. */
const MISSING = Symbol('missing');
type Variables = Record<string, unknown>;
type ReadValue = (variables: Variables) => unknown;

/**
 * graphql-jit reads an argument's literal when it compiles, so a variable inside a list or object
 * literal (`search(filter: { shipTo: $shipTo })`) is not read as graphql-js reads it (a custom
 * scalar's `parseLiteral` runs without it). Each such argument of `operation` becomes a variable of
 * the argument's type, whose value each request builds from the literal as the client would have
 * sent it: the request's own values of the variables it names (their defaults when left out; a
 * missing one left out of an object, null in a list) and the literal's constants as JSON. Coercing
 * that value (`parseValue`, input field defaults, non-null checks) then gives what graphql-js's
 * `valueFromAST` gives the literal, or fails where it would find the argument invalid: a caller
 * hands such a request to graphql-js, so its words (and no new variable's name) reach the client.
 *
 * Undefined when no literal holds a variable; null where this cannot be exact: a literal constant
 * of a custom scalar (its `parseLiteral` may differ from its `parseValue`), a `@oneOf` input, or a
 * document with another operation (whose variables the new ones could name).
 */
export function hoistLiteralVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): HoistedLiterals | null | undefined {
  if (!holdsVariableInLiteral(document)) return undefined;
  if (document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition !== operation)) return null;
  const declared = new Map((operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition]));
  const names = new Set(declared.keys());
  const hoisted: Array<{ name: string; read: ReadValue; definition: VariableDefinitionNode }> = [];
  let exact = true;
  const typeInfo = new TypeInfo(schema);
  const rewritten = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node: ArgumentNode) {
        const argument = typeInfo.getArgument();
        if (!exact || argument == null || !holdsVariableInLiteral(node.value)) return undefined;
        const read = readerOf(node.value, argument.type, declared);
        if (read === null) {
          exact = false;
          return undefined;
        }
        let index = hoisted.length;
        while (names.has(`literal${index}`)) index++;
        const name = `literal${index}`;
        names.add(name);
        const variable = { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } } as const;
        hoisted.push({ name, read, definition: { kind: Kind.VARIABLE_DEFINITION, variable, type: parseType(String(argument.type)) } });
        return { ...node, value: variable };
      },
    }),
  );
  if (!exact) return null;
  const definitions = [...(operation.variableDefinitions ?? []), ...hoisted.map((entry) => entry.definition)];
  const withDefinitions = {
    ...rewritten,
    definitions: rewritten.definitions.map((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION ? { ...definition, variableDefinitions: definitions } : definition,
    ),
  };
  return {
    document: withDefinitions,
    variablesOf: (variables) => {
      const given = variables ?? {};
      const withHoisted: Variables = { ...given };
      for (const { name, read } of hoisted) withHoisted[name] = read(given);
      return withHoisted;
    },
  };
}

/** Whether a list or object literal anywhere in `node` holds a variable. */
export function holdsVariableInLiteral(node: DocumentNode | ValueNode): boolean {
  let found = false;
  let depth = 0;
  visit(node, {
    ListValue: { enter: () => void depth++, leave: () => void depth-- },
    ObjectValue: { enter: () => void depth++, leave: () => void depth-- },
    Variable() {
      if (depth > 0) found = true;
    },
  });
  return found;
}

/**
 * Reads `node` (at a place of `type`) from a request's variables, as the JSON a client would send
 * for it; null when that JSON would not coerce to what graphql-js makes of the literal.
 */
function readerOf(node: ValueNode, type: GraphQLInputType, declared: ReadonlyMap<string, VariableDefinitionNode>): ReadValue | null {
  const nullable = getNullableType(type);
  if (isListType(nullable) && node.kind !== Kind.LIST && node.kind !== Kind.VARIABLE && node.kind !== Kind.NULL) {
    // one value for a list: graphql-js reads it as a list of it, as coercion does the JSON value
    return readerOf(node, nullable.ofType, declared);
  }
  switch (node.kind) {
    case Kind.NULL:
      return () => null;
    case Kind.VARIABLE: {
      const name = node.name.value;
      const fallback = declared.get(name)?.defaultValue;
      // a default is a constant of the variable's type, the same named type as this place's
      const readDefault = fallback === undefined ? () => MISSING : readerOf(fallback, type, declared);
      if (readDefault === null) return null;
      return (variables) => (Object.hasOwn(variables, name) ? variables[name] : readDefault(variables));
    }
    case Kind.LIST: {
      if (!isListType(nullable)) return null;
      const items = node.values.map((item) => readerOf(item, nullable.ofType, declared));
      if (items.some((item) => item === null)) return null;
      return (variables) =>
        items.map((item) => {
          const value = item!(variables);
          return value === MISSING ? null : value;
        });
    }
    case Kind.OBJECT: {
      if (!isInputObjectType(nullable) || !coercesAsGraphQLJs(nullable)) return null;
      const fieldTypes = nullable.getFields();
      const fields = node.fields.map((field) => {
        const fieldType = fieldTypes[field.name.value]?.type;
        return { name: field.name.value, read: fieldType === undefined ? null : readerOf(field.value, fieldType, declared) };
      });
      if (fields.some((field) => field.read === null)) return null;
      return (variables) => {
        const object: Variables = {};
        for (const field of fields) {
          const value = field.read!(variables);
          if (value !== MISSING) object[field.name] = value;
        }
        return object;
      };
    }
    default: {
      const constant = constantOf(node, nullable);
      return constant === MISSING ? null : () => constant;
    }
  }
}

/**
 * Whether graphql-jit coerces a value of `type` as graphql-js does: it writes an input field's
 * default into its code as JSON, asks for a non-null field even when it has a default, and knows
 * nothing of `@oneOf`.
 */
function coercesAsGraphQLJs(type: GraphQLInputObjectType, seen = new Set<GraphQLInputObjectType>()): boolean {
  if (seen.has(type)) return true;
  seen.add(type);
  if (type.isOneOf) return false;
  return Object.values(type.getFields()).every((field) => {
    if (field.defaultValue !== undefined && (isNonNullType(field.type) || !isJsonValue(field.defaultValue))) return false;
    const named = getNamedType(field.type);
    return !isInputObjectType(named) || coercesAsGraphQLJs(named, seen);
  });
}

/** Whether `value` is JSON: what `JSON.stringify` writes and `JSON.parse` reads back as it was. */
function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && Object.values(value).every(isJsonValue);
}

/** A validated constant of an enum or specified scalar as JSON (`parseValue` takes it back); MISSING for any other. */
function constantOf(node: ValueNode, type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (isEnumType(named)) return node.kind === Kind.ENUM ? node.value : MISSING;
  if (!isSpecifiedScalarType(named)) return MISSING;
  switch (node.kind) {
    case Kind.INT:
      // an ID written as a number is its digits, however many: a JSON number would lose some
      return named.name === 'ID' ? node.value : named.name === 'Int' ? parseInt(node.value, 10) : parseFloat(node.value);
    case Kind.FLOAT:
      return parseFloat(node.value);
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    default:
      return MISSING;
  }
}
