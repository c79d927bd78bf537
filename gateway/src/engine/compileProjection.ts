import { ERRORS } from '@apollo/federation-internals';
import {
  GraphQLError,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  Kind,
  valueFromASTUntyped,
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { markHoldsRaw, RawJson } from '#packages/server/RawJson.js';
import { compileRawShape } from './compileRawShape.js';
import { engineMetrics } from './engineMetrics.js';
import { hasOwn, type ResponseObject } from './responseTypes.js';
import { UnsupportedOperationError } from './UnsupportedOperationError.js';

/** The client's response, from the merged subgraph answers. */
export interface ProjectionResult {
  readonly data: ResponseObject | null;
  /** Invalid values found on the way (`@apollo/gateway` reports them only when no fetch failed). */
  readonly errors: GraphQLError[];
}

/** Projects the merged response tree onto the operation's selection set. May throw, as stock's does. */
export type Projection = (input: ResponseObject, variables: Readonly<Record<string, unknown>> | undefined) => ProjectionResult;

/** What the generated code reaches outside itself. */
interface ProjectionRuntime {
  readonly hasOwn: typeof hasOwn;
  readonly setOwn: (object: ResponseObject, key: string, value: unknown) => void;
  readonly invalidValue: (message: string, path: ReadonlyArray<string | number>) => GraphQLError;
  readonly constants: readonly unknown[];
  readonly RawJson: typeof RawJson;
  readonly markHoldsRaw: typeof markHoldsRaw;
  readonly countPassed: (values: number) => void;
}

const BUILT_IN_SCALARS = new Set(['Int', 'Float', 'String', 'Boolean', 'ID']);

/**
 * Compiles, once per operation, the function that turns the merged subgraph answers into the
 * client's response: aliases, fragments by `__typename`, `@skip`/`@include` with variables,
 * `__typename`, leaf validation and null propagation to the nearest nullable parent. A value a
 * fetch kept as its bytes (`RawJson`, checked against the same field's selection: same shape key)
 * is placed as it is, and every object and list above it is marked for the writer
 * (`markHoldsRaw`); one checked against another selection is parsed and projected. It is a
 * specialisation of `@apollo/gateway`'s `computeResponse` (resultShaping.js) for one operation:
 * the same walk in the same order with the same messages, without interpreting the selection
 * set, the schema or the directives for every object of every response.
 */
export function compileProjection(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  /** Aliases of the engine's own in `operation` (`aliasFieldsRequiredWithArguments`): read under the alias, written under the client's name. */
  responseNames?: ReadonlyMap<string, string>,
): Projection {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) throw new UnsupportedOperationError('unsupportedPlanNode', `no ${operation.operation} root type`);
  const compiler = new ProjectionCompiler(schema, fragments, responseNames);
  const root = compiler.selectionSetFunction(operation.selectionSet, rootType);
  const source = `"use strict";
const { hasOwn, setOwn, invalidValue, constants: K, RawJson: R, markHoldsRaw: holds, countPassed } = rt;
let F = 0; // flags of the last value completed: 1 = invalid (null must bubble), 2 = has errors
let RW = 0; // raw values placed so far in the current projection
let E = null; // errors of the current projection
let V = null; // variables of the current projection, defaults applied
function invalid(message, path) { E.push(invalidValue(message, path)); }
function fail(message) { throw new Error(message); }
function describe(path, type, pt) {
  const last = path[path.length - 1];
  return typeof last === 'string' ? 'field ' + pt + '.' + last : 'array element of type ' + type + ' at index ' + last;
}
function ifv(name, directive) {
  const value = V[name];
  if (value === undefined || typeof value !== 'boolean') fail('Unexpected value ' + value + ' for variable $' + name + ' of ' + directive);
  return value;
}
${compiler.functions.join('\n')}
return function project(input, variables) {
  E = [];
  V = ${compiler.readsVariables ? 'Object.assign(Object.create(null), K[0], variables)' : 'null'};
  F = 0;
  RW = 0;
  const data = {};
  try {
    const bubbled = ${root}(input, data, [], ${JSON.stringify(rootType.name)});
    if (RW > 0) {
      holds(data);
      countPassed(RW);
    }
    return { data: bubbled ? null : data, errors: E };
  } finally {
    E = null;
    V = null;
  }
};`;
  compiler.constants[0] = variableDefaults(operation);
  const runtime: ProjectionRuntime = {
    hasOwn,
    setOwn: (object, key, value) => Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true }),
    invalidValue: (message, path) => ERRORS.INVALID_GRAPHQL.err(message, { path: [...path] }),
    constants: compiler.constants,
    RawJson,
    markHoldsRaw,
    countPassed: (values) => void (engineMetrics.valuesPassedAsBytes += values),
  };
  // The generated source only embeds names validated by GraphQL's grammar, always as JSON string
  // literals, and messages built from them: no value of a request or response becomes code.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiling the plan's projection is the point; see above
  const factory = new Function('rt', source) as (rt: ProjectionRuntime) => Projection;
  return factory(runtime);
}

/** Default values of the operation's variables: `@apollo/gateway` applies them before reading `if`. */
function variableDefaults(operation: OperationDefinitionNode): Record<string, unknown> {
  const defaults = Object.create(null) as Record<string, unknown>;
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  return defaults;
}

class ProjectionCompiler {
  readonly functions: string[] = [];
  readonly constants: unknown[] = [undefined];
  /** Whether some `@skip`/`@include` reads a variable at run time. */
  readsVariables = false;
  private counter = 0;
  private readonly selectionSets = new Map<SelectionSetNode, Map<string, string>>();
  private readonly possibleTypeSets = new Map<string, number>();
  private allTypesConstant: number | undefined;
  private objectTypesConstant: number | undefined;
  private compositeTypesConstant: number | undefined;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>,
    private readonly responseNames: ReadonlyMap<string, string> | undefined,
  ) {}

  /** A function `(input, output, path, pt) => bubbled` for a selection set on a static type. */
  selectionSetFunction(selectionSet: SelectionSetNode, type: GraphQLCompositeType): string {
    let byType = this.selectionSets.get(selectionSet);
    if (!byType) this.selectionSets.set(selectionSet, (byType = new Map<string, string>()));
    const existing = byType.get(type.name);
    if (existing) return existing;
    const name = `s${this.counter++}`;
    byType.set(type.name, name);
    const body: string[] = [];
    for (const selection of selectionSet.selections) {
      const skip = this.skipCondition(selection.directives);
      if (skip === true) continue;
      const code =
        selection.kind === Kind.FIELD
          ? this.fieldCode(selection, type)
          : this.fragmentCode(
              selection.kind === Kind.INLINE_FRAGMENT
                ? selection.typeCondition?.name.value
                : this.fragment(selection.name.value).typeCondition.name.value,
              selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : this.fragment(selection.name.value).selectionSet,
              type,
            );
      body.push(skip === false ? code : `if (!(${skip})) {\n${code}\n}`);
    }
    this.functions.push(`function ${name}(input, output, path, pt) {\n${body.join('\n')}\nreturn false;\n}`);
    return name;
  }

  private fragment(name: string): FragmentDefinitionNode {
    const fragment = this.fragments[name];
    if (!fragment) throw new UnsupportedOperationError('planningFailed', `unknown fragment ${name}`);
    return fragment;
  }

  /** `true` when statically skipped, `false` when never skipped, else a JS expression. */
  private skipCondition(directives: readonly DirectiveNode[] | undefined): string | boolean {
    const skip = directives?.find((directive) => directive.name.value === 'skip');
    const include = directives?.find((directive) => directive.name.value === 'include');
    const skipValue = skip ? this.ifArgument(skip) : false;
    const includeValue = include ? this.ifArgument(include) : true;
    // stock evaluates `(skip && if) || (include && !if)` left to right; so do we
    if (skipValue === true) return true;
    if (includeValue === false) return skipValue === false ? true : `(${skipValue}) || true`;
    if (skipValue === false && includeValue === true) return false;
    const parts = [skipValue === false ? undefined : `(${skipValue})`, includeValue === true ? undefined : `!(${includeValue})`];
    return parts.filter((part) => part !== undefined).join(' || ');
  }

  private ifArgument(directive: DirectiveNode): string | boolean {
    const value = directive.arguments?.find((argument) => argument.name.value === 'if')?.value;
    if (value?.kind === Kind.BOOLEAN) return value.value;
    if (value?.kind === Kind.VARIABLE) {
      this.readsVariables = true;
      const name = value.name.value;
      return `ifv(${JSON.stringify(name)}, ${JSON.stringify(`@${directive.name.value}(if: $${name})`)})`;
    }
    throw new UnsupportedOperationError('planningFailed', `@${directive.name.value} without a valid "if"`);
  }

  private fieldCode(selection: FieldNode, parentType: GraphQLCompositeType): string {
    const fieldName = selection.name.value;
    const dataName = selection.alias?.value ?? fieldName;
    const responseName = this.responseNames?.get(dataName) ?? dataName;
    const selectionSet = selection.selectionSet;
    const key = JSON.stringify(responseName);
    const readInput = this.read('input', dataName);
    const readOutput = this.read('output', responseName);
    if (fieldName === '__schema' || fieldName === '__type') throw new UnsupportedOperationError('introspection', fieldName);
    if (fieldName === '__typename') {
      const fallback = responseName === '__typename' ? '' : 'if (iv === null) iv = input.__typename ?? null;';
      return `if (${readOutput} === undefined) {
let iv = ${readInput} ?? null;
${fallback}
const t = typeof iv === 'string' && K[${this.allTypes()}].has(iv) ? iv : pt;
if (!K[${this.objectTypes()}].has(t)) return true;
${this.write('output', responseName, 't')};
}`;
    }
    const field = 'getFields' in parentType ? parentType.getFields()[fieldName] : undefined;
    if (!field) throw new UnsupportedOperationError('planningFailed', `unknown field ${parentType.name}.${fieldName}`);
    const value = this.valueFunction(field.type, selectionSet);
    if (!selectionSet)
      return `path.push(${key});
{
const v = ${value}(${readOutput}, ${readInput} ?? null, path, pt);
const f = F;
${this.write('output', responseName, 'v')};
path.pop();
if (f & 1) return true;
}`;
    // a value kept as bytes: as it is when checked against this very selection, else parsed
    const shape = compileRawShape(this.schema, parentType, selection);
    const asItIs = shape
      ? `if (ov === undefined && iv.shape === K[${this.constant(shape.key)}]) { v = iv; F = 0; RW++; } else v = ${value}(ov, iv.value(), path, pt);`
      : `v = ${value}(ov, iv.value(), path, pt);`;
    // what an earlier selection of the same response name placed as bytes is parsed before this one adds to it
    return `path.push(${key});
{
const iv = ${readInput} ?? null;
let ov = ${readOutput};
if (ov instanceof R) ov = ov.value();
let v;
if (iv instanceof R) { ${asItIs} }
else v = ${value}(ov, iv, path, pt);
const f = F;
${this.write('output', responseName, 'v')};
path.pop();
if (f & 1) return true;
}`;
  }

  private fragmentCode(typeCondition: string | undefined, selectionSet: SelectionSetNode, parentType: GraphQLCompositeType): string {
    const conditionType = typeCondition === undefined ? parentType : this.schema.getType(typeCondition);
    if (!conditionType || !isCompositeType(conditionType))
      throw new UnsupportedOperationError('planningFailed', `type condition ${typeCondition}`);
    const sub = this.selectionSetFunction(selectionSet, conditionType);
    const call = `if (${sub}(input, output, path, ${typeCondition === undefined ? 'pt' : JSON.stringify(typeCondition)})) return true;`;
    const applies = typeCondition === undefined ? undefined : this.possibleTypes(conditionType);
    return `{
const tn = input.__typename;
if (tn && typeof tn !== 'string') fail('Got unexpected value for __typename: ' + tn);
${applies === undefined ? call : `if (tn ? K[${applies}].has(tn) : K[${applies}].has(pt)) { ${call} }`}
}`;
  }

  /** A function `(ov, iv, path, pt) => value` completing one value of a type, setting F. */
  private valueFunction(type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined): string {
    const name = `u${this.counter++}`;
    const typeText = JSON.stringify(String(type));
    const settled = selectionSet ? `if (ov === null) { F = 0; return null; }` : `if (ov !== undefined) { F = 0; return ov; }`;
    let body: string;
    if (isNonNullType(type)) {
      const inner = this.valueFunction(type.ofType, selectionSet);
      body = `const r = ${inner}(ov, iv, path, pt);
if (r === null) {
  if ((F & 2) === 0) invalid('Cannot return null for non-nullable ' + describe(path, ${JSON.stringify(String(type.ofType))}, pt) + '.', path);
  F = 3;
  return null;
}
F = 0;
return r;`;
    } else if (isListType(type)) {
      const inner = this.valueFunction(type.ofType, selectionSet);
      body = `if (iv === null) { F = 0; return null; }
if (!Array.isArray(iv)) fail('Invalid non-list value ' + iv + ' returned by subgraph for list type ' + ${typeText});
if (!(ov === undefined || Array.isArray(ov))) fail('Invalid non-list value ' + ov + ' returned by subgraph for list type ' + ${typeText});
const n = iv.length;
if (ov !== undefined && ov.length !== n) fail('[' + iv + '].length (' + n + ') !== [' + ov + '].length (' + ov.length + ')');
const out = [];
let nullify = false;
let errors = false;
const rw = RW;
for (let i = 0; i < n; i++) {
  path.push(i);
  out.push(${inner}(ov === undefined ? undefined : ov[i], iv[i], path, pt));
  path.pop();
  if (F & 1) nullify = true;
  if (F & 2) errors = true;
}
F = errors ? 2 : 0;
if (RW !== rw) holds(out);
return nullify ? null : out;`;
    } else if (isCompositeType(type)) {
      if (!selectionSet) throw new UnsupportedOperationError('planningFailed', `no selection set for ${type.name}`);
      const sub = this.selectionSetFunction(selectionSet, type);
      body = `if (iv === null) { F = 0; return null; }
if (typeof iv !== 'object') fail('Invalid non-object value ' + iv + ' returned by subgraph for composite type ' + ${typeText});
if (!(ov === undefined || typeof ov === 'object')) fail('Invalid non-object value ' + iv + ' returned by subgraph for composite type ' + ${typeText});
const tn = iv.__typename;
if (!(tn === undefined || typeof tn === 'string')) fail('Invalid non-string value ' + tn + ' for __typename at ' + path);
let t = ${JSON.stringify(type.name)};
if (tn) {
  if (!K[${this.compositeTypes()}].has(tn)) {
    invalid('Invalid __typename found for object at ' + describe(path, ${typeText}, pt) + '.', path);
    F = 2;
    return null;
  }
  t = tn;
}
const out = ov === undefined ? {} : ov;
const rw = RW;
if (${sub}(iv, out, path, t)) { F = 2; return null; }
if (RW !== rw) holds(out);
F = 0;
return out;`;
    } else {
      body = `if (iv === null) { F = 0; return null; }
if (${this.leafCheck(getNamedType(type))}) { F = 0; return iv; }
invalid('Invalid value found for ' + describe(path, ${typeText}, pt) + '.', path);
F = 2;
return null;`;
    }
    this.functions.push(`function ${name}(ov, iv, path, pt) {\n${settled}\n${body}\n}`);
    return name;
  }

  /** `isValidLeafValue` of @apollo/federation-internals, specialised per type. */
  private leafCheck(type: GraphQLNamedType): string {
    const integer = `(typeof iv === 'number' && isFinite(iv) && /^-?(?:0|[1-9][0-9]*)$/.test(String(iv)))`;
    if (isEnumType(type))
      return `typeof iv === 'string' && K[${this.constant(new Set(type.getValues().map((value) => value.name)))}].has(iv)`;
    if (!isScalarType(type) || !BUILT_IN_SCALARS.has(type.name)) return 'true';
    switch (type.name) {
      case 'String':
        return `typeof iv === 'string'`;
      case 'Boolean':
        return `typeof iv === 'boolean'`;
      case 'Int':
        return integer;
      case 'ID':
        return `typeof iv === 'string' || ${integer}`;
      default:
        return `typeof iv === 'number' && isFinite(iv)`;
    }
  }

  /** Property read that never sees `Object.prototype` (a field may be aliased `constructor`). */
  private read(object: string, key: string): string {
    return key in Object.prototype
      ? `(hasOwn(${object}, ${JSON.stringify(key)}) ? ${object}[${JSON.stringify(key)}] : undefined)`
      : `${object}.${key}`;
  }

  private write(object: string, key: string, value: string): string {
    return key in Object.prototype ? `setOwn(${object}, ${JSON.stringify(key)}, ${value})` : `${object}.${key} = ${value}`;
  }

  private constant(value: unknown): number {
    this.constants.push(value);
    return this.constants.length - 1;
  }

  /** Names of the condition and of the types it covers (`isSubtype(condition, type)`). */
  private possibleTypes(condition: GraphQLCompositeType): number {
    const known = this.possibleTypeSets.get(condition.name);
    if (known !== undefined) return known;
    const names = new Set<string>([condition.name]);
    if (isUnionType(condition)) for (const member of condition.getTypes()) names.add(member.name);
    if (isInterfaceType(condition)) {
      const { objects, interfaces } = this.schema.getImplementations(condition);
      for (const implementation of [...objects, ...interfaces]) names.add(implementation.name);
    }
    const index = this.constant(names);
    this.possibleTypeSets.set(condition.name, index);
    return index;
  }

  private allTypes(): number {
    return (this.allTypesConstant ??= this.constant(new Set(Object.keys(this.schema.getTypeMap()))));
  }

  private objectTypes(): number {
    return (this.objectTypesConstant ??= this.constant(typeNames(this.schema, isObjectType)));
  }

  private compositeTypes(): number {
    return (this.compositeTypesConstant ??= this.constant(typeNames(this.schema, isCompositeType)));
  }
}

function typeNames(schema: GraphQLSchema, keep: (type: GraphQLNamedType) => boolean): Set<string> {
  return new Set(
    Object.values(schema.getTypeMap())
      .filter(keep)
      .map((type) => type.name),
  );
}
