import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  validate,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { DifferentialRequest } from './startDifferentialHarness.js';

/** Values arguments are drawn from: ids that exist in the test subgraphs, and some that don't. */
const IDS = ['o1', 'o2', 'o3', 'o4', 'o5', 's1', 's2', 's3', 'a1', 'a2', 'zz'];
const STRINGS = ['tea', 'o', 'a', 'Matcha', 'x'];
const INTS = [0, 1, 2, 3, 5];

/** A small deterministic generator (mulberry32): the same seed gives the same operations anywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedOperation extends DifferentialRequest {
  readonly seed: number;
  readonly index: number;
}

/**
 * Derives `count` random valid operations from an API schema: a walk from the root types to a
 * bounded depth, picking fields, arguments (literal or as variables), aliases, inline and named
 * fragments on abstract types, `__typename`, and `@skip`/`@include` with literals or variables.
 * Each is validated against the schema; an invalid draw is replaced by the next one.
 */
export function generateOperations(
  schema: GraphQLSchema,
  seed: number,
  count: number,
  options: { rareFields?: readonly string[] } = {},
): GeneratedOperation[] {
  const random = seededRandom(seed);
  const rare = new Set(options.rareFields ?? []);
  const operations: GeneratedOperation[] = [];
  for (let attempt = 0; operations.length < count && attempt < count * 20; attempt++) {
    const draw = new OperationDraw(schema, random, rare);
    const request = draw.operation();
    if (validate(schema, parse(request.query)).length === 0) operations.push({ ...request, seed, index: operations.length });
  }
  return operations;
}

class OperationDraw {
  private aliases = 0;
  private readonly variableDefinitions: string[] = [];
  private readonly variables: Record<string, unknown> = {};
  private readonly fragments: string[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: () => number,
    /** Fields drawn a fifth as often (a failing root field would null most responses). */
    private readonly rare: ReadonlySet<string>,
  ) {}

  operation(): DifferentialRequest {
    const mutation = this.schema.getMutationType();
    const useMutation = mutation !== null && mutation !== undefined && this.chance(0.1);
    const root = useMutation ? mutation : this.schema.getQueryType()!;
    const selections = this.selectionSet(root, 3, 1 + Math.floor(this.random() * 3));
    const header = `${useMutation ? 'mutation' : 'query'} Generated${this.variableDefinitions.length ? `(${this.variableDefinitions.join(', ')})` : ''}`;
    return { query: [`${header} ${selections}`, ...this.fragments].join('\n'), variables: this.variables };
  }

  private selectionSet(type: GraphQLCompositeType, depth: number, width: number): string {
    const selections: string[] = [];
    if (isUnionType(type) || this.chance(0.2)) selections.push(`${this.alias('__typename')}${this.directive()}`);
    if (!isUnionType(type)) {
      const fields = Object.values(type.getFields());
      for (let i = 0; i < width; i++) {
        let field = this.pick(fields);
        if (this.rare.has(field.name) && this.chance(0.8)) field = this.pick(fields);
        selections.push(this.field(field, depth));
      }
    }
    if (isUnionType(type) || isInterfaceType(type)) {
      for (const possible of this.schema.getPossibleTypes(type)) {
        if (this.chance(0.5)) selections.push(this.fragment(possible, depth));
      }
    }
    if (isObjectType(type) && this.chance(0.1)) selections.push(this.fragment(type, depth));
    return `{ ${selections.join(' ')} }`;
  }

  private fragment(type: GraphQLCompositeType, depth: number): string {
    const selectionSet = this.selectionSet(type, depth, 1 + Math.floor(this.random() * 2));
    if (this.chance(0.3)) {
      const name = `F${this.fragments.length}`;
      this.fragments.push(`fragment ${name} on ${type.name} ${selectionSet}`);
      return `...${name}${this.directive()}`;
    }
    return `... on ${type.name}${this.directive()} ${selectionSet}`;
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const args = field.args.map((argument) => this.argument(argument)).filter((text) => text !== undefined);
    // repeated names with arguments must not collide: an alias per field with arguments keeps them apart
    const name = args.length > 0 || this.chance(0.2) ? this.alias(field.name) : field.name;
    const head = `${name}${args.length ? `(${args.join(', ')})` : ''}${this.directive()}`;
    const type = getNamedType(field.type);
    if (!isCompositeType(type)) return head;
    if (depth <= 0) return `${head} { __typename }`;
    return `${head} ${this.selectionSet(type, depth - 1, 1 + Math.floor(this.random() * 3))}`;
  }

  private argument(argument: GraphQLArgument): string | undefined {
    if (!isNonNullType(argument.type) && this.chance(0.4)) return undefined;
    const value = this.value(argument.type);
    if (value === undefined) return undefined;
    if (this.chance(0.3)) {
      const variable = `v${this.variableDefinitions.length}`;
      this.variableDefinitions.push(`$${variable}: ${String(argument.type)}`);
      this.variables[variable] = value;
      return `${argument.name}: $${variable}`;
    }
    return `${argument.name}: ${JSON.stringify(value)}`;
  }

  private value(type: GraphQLInputType): unknown {
    const named = getNamedType(type);
    if (isListType(isNonNullType(type) ? type.ofType : type)) return undefined;
    if (isEnumType(named)) return undefined; // literals would need printing without quotes; none in the test schema
    if (!isLeafType(named)) return undefined;
    switch (named.name) {
      case 'ID':
        return this.pick(IDS);
      case 'String':
        return this.pick(STRINGS);
      case 'Int':
        return this.pick(INTS);
      case 'Boolean':
        return this.chance(0.5);
      case 'Float':
        return this.pick(INTS) / 2;
      default:
        return undefined;
    }
  }

  /** Now and then a `@skip`/`@include`, with a literal or a variable. */
  private directive(): string {
    if (!this.chance(0.15)) return '';
    const directive = this.chance(0.5) ? 'skip' : 'include';
    if (this.chance(0.5)) return ` @${directive}(if: ${this.chance(0.5)})`;
    const variable = `b${this.variableDefinitions.length}`;
    this.variableDefinitions.push(`$${variable}: Boolean!`);
    this.variables[variable] = this.chance(0.5);
    return ` @${directive}(if: $${variable})`;
  }

  private alias(name: string): string {
    return `a${this.aliases++}: ${name}`;
  }

  private chance(probability: number): boolean {
    return this.random() < probability;
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)]!;
  }
}
