import {
  Kind,
  parseType,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';

/** A document whose argument literals hold no variable, and how to make its variables from the original's. */
export interface HoistedLiterals {
  readonly document: DocumentNode;
  /** The original operation's variables (as a client sent them) with the hoisted arguments' values added. */
  readonly variablesOf: (variables: Record<string, unknown> | undefined) => Record<string, unknown>;
}

/** Names of the variables that take the hoisted arguments' places: `$__literal0`, `$__literal1`, … */
const HOISTED_PREFIX = '__literal';

/**
 * graphql-jit reads an argument's literal when it compiles a query. A variable inside a list or
 * input object literal then reaches the resolver unset where the literal is a custom scalar's
 * (`representations: [{ __typename: "Parcel", id: $id }]`), and uncoerced elsewhere (a null
 * passes into a list that takes none). This rewrites each argument whose literal holds a variable
 * (`search(filter: { shipTo: $shipTo })`, the way a gateway writes a root field's arguments) into
 * a variable of the argument's own type, whose value is the literal with the client's variables
 * put in (each variable's default where the client sent none), as a client would have sent it:
 * graphql-jit then coerces it as it coerces any variable.
 *
 * A variable's value is so coerced twice, as itself and inside the argument, by the same input
 * type: a valid request cannot tell. An argument that does not coerce once the variables are in
 * fails the request before anything runs; the lean path then hands it to graphql-js over the
 * original document, which words the error its own way.
 *
 * Nothing to hoist: the document itself. Undefined (graphql-js must run it) when a literal holds a
 * variable and the document has more than one operation.
 */
export function hoistLiteralVariables(schema: GraphQLSchema, document: DocumentNode): HoistedLiterals | undefined {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  const taken = new Set(operation?.variableDefinitions?.map((definition) => definition.variable.name.value));
  const hoisted: Array<{ readonly name: string; readonly literal: ValueNode }> = [];
  const definitions: VariableDefinitionNode[] = [];

  const typeInfo = new TypeInfo(schema);
  const rewritten = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const type = typeInfo.getInputType();
        if (!holdsVariable(node.value) || type == null) return undefined;
        let name = `${HOISTED_PREFIX}${hoisted.length}`;
        while (taken.has(name)) name = `_${name}`;
        taken.add(name);
        hoisted.push({ name, literal: node.value });
        definitions.push({
          kind: Kind.VARIABLE_DEFINITION,
          variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } },
          type: parseType(String(type)),
        });
        return { ...node, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } } };
      },
    }),
  );
  if (hoisted.length === 0) return { document, variablesOf: (variables) => variables ?? {} };
  if (operations.length !== 1 || operation === undefined) return undefined;

  const withDefinitions = visit(rewritten, {
    OperationDefinition: (node) => ({ ...node, variableDefinitions: [...(node.variableDefinitions ?? []), ...definitions] }),
  });
  const defaults = (operation.variableDefinitions ?? []).flatMap((definition) =>
    definition.defaultValue === undefined ? [] : [[definition.variable.name.value, valueFromASTUntyped(definition.defaultValue)] as const],
  );
  return {
    document: withDefinitions,
    variablesOf: (variables) => {
      const given: Record<string, unknown> = { ...variables };
      for (const [name, value] of defaults) if (given[name] === undefined) given[name] = value;
      const all: Record<string, unknown> = { ...variables };
      for (const { name, literal } of hoisted) all[name] = literalValue(literal, given);
      return all;
    },
  };
}

/**
 * A literal as a client would send it as a variable, with the given variables in, read as graphql-js
 * reads a literal: an input object's field whose variable was not given is left out (its default
 * then applies), a list's item whose variable was not given is null.
 */
function literalValue(value: ValueNode, variables: Record<string, unknown>): unknown {
  switch (value.kind) {
    case Kind.VARIABLE:
      return variables[value.name.value];
    case Kind.LIST:
      return value.values.map((item) => literalValue(item, variables) ?? null);
    case Kind.OBJECT: {
      const object: Record<string, unknown> = {};
      for (const field of value.fields) {
        const fieldValue = literalValue(field.value, variables);
        if (fieldValue !== undefined) object[field.name.value] = fieldValue;
      }
      return object;
    }
    default:
      return valueFromASTUntyped(value);
  }
}

/** Whether a list or object literal holds a variable, at any depth. */
function holdsVariable(value: ValueNode): boolean {
  if (value.kind === Kind.LIST) return value.values.some((item) => item.kind === Kind.VARIABLE || holdsVariable(item));
  if (value.kind === Kind.OBJECT) return value.fields.some(({ value: field }) => field.kind === Kind.VARIABLE || holdsVariable(field));
  return false;
}
