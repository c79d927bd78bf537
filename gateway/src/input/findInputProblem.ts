import {
  Kind,
  getNamedType,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  valueFromAST,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { MoneyError, isCurrencyCode, parseMoney } from '#packages/money/index.js';
import { parseCountryOrRegion } from '#packages/scalars/index.js';

/** An argument value the gateway refuses before planning: where it is, why, and what is accepted. */
export interface InputProblem {
  /** The argument or input field as the client wrote it: `search(filter.shipTo)`, `estimateImportCharges(input.items[0].value.amount)`. */
  readonly argument: string;
  readonly problem: string;
  /** The form the field takes, e.g. `an ISO 4217 code such as "EUR"`. */
  readonly accepted: string;
}

interface Format {
  readonly accepted: string;
  /** Undefined when the value is fine, else what is wrong with it, naming it. */
  check(value: unknown): string | undefined;
}

/**
 * The scalars the subgraphs define (`packages/scalars`), which the gateway's supergraph schema
 * only knows by name: without these checks a bad code travels to a subgraph and comes back as an
 * internal error.
 */
const SCALAR_FORMATS: Readonly<Record<string, Format>> = {
  CountryCode: {
    accepted: 'an ISO 3166-1 alpha-2 code such as "DE", or an ISO 3166-2 subdivision such as "CA-ON"',
    check: (value) => {
      const parsed = parseCountryOrRegion(value);
      return 'problem' in parsed ? parsed.problem : undefined;
    },
  },
  CurrencyCode: {
    accepted: 'an ISO 4217 code such as "EUR"',
    check: (value) => (typeof value === 'string' && isCurrencyCode(value) ? undefined : `${JSON.stringify(value)} is not an ISO 4217 code`),
  },
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DATE_FORMAT: Format = {
  accepted: 'a calendar date as YYYY-MM-DD, such as "2026-03-31"',
  check: (value) => {
    const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
    if (!match) return `${JSON.stringify(value)} is not a YYYY-MM-DD date`;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return date.toISOString().slice(0, 10) === value ? undefined : `${JSON.stringify(value)} is not a day of the calendar`;
  },
};

/** String input fields that hold a date (`Type.field`). */
const DATE_FIELDS: ReadonlySet<string> = new Set(['ImportChargesInput.date']);

/** Input types holding amounts as decimal strings, each field read in the currency of a sibling field. */
const MONEY_FIELDS: Readonly<Record<string, { readonly currencyField: string; readonly amounts: readonly string[] }>> = {
  MoneyInput: { currencyField: 'currency', amounts: ['amount'] },
  PriceRange: { currencyField: 'currency', amounts: ['min', 'max'] },
};

/**
 * The first argument value of `operation` that is not in its field's form: country and currency
 * codes, amounts (a decimal string with no more digits than the currency has) and dates, in
 * literals and variables alike, behind fragments too. Values that do not even fit their GraphQL
 * type are left to validation and variable coercion, which report them already.
 */
export function findInputProblem(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
): InputProblem | undefined {
  const root = schema.getRootType(operation.operation);
  if (!root) return undefined;
  const visited = new Set<string>();

  const walk = (parent: GraphQLCompositeType, selectionSet: SelectionSetNode): InputProblem | undefined => {
    for (const selection of selectionSet.selections) {
      let found: InputProblem | undefined;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) found = walk(type, selection.selectionSet);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        // one visit per fragment: its arguments are the same wherever it is spread
        if (fragment && type && isCompositeType(type) && !visited.has(name)) {
          visited.add(name);
          found = walk(type, fragment.selectionSet);
        }
      } else {
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        for (const argument of selection.arguments ?? []) {
          const definition = field.args.find((arg) => arg.name === argument.name.value);
          if (!definition) continue;
          const value = valueFromAST(argument.value, definition.type, variables);
          found = checkValue(value, definition.type, argument.name.value);
          if (found) return { ...found, argument: `${field.name}(${found.argument})` };
        }
        const target = getNamedType(field.type);
        if (selection.selectionSet && isCompositeType(target)) found = walk(target, selection.selectionSet);
      }
      if (found) return found;
    }
    return undefined;
  };
  return walk(root, operation.selectionSet);
}

function checkValue(value: unknown, type: GraphQLInputType, path: string, format?: Format): InputProblem | undefined {
  if (value === null || value === undefined) return undefined;
  if (isNonNullType(type)) return checkValue(value, type.ofType, path, format);
  if (isListType(type)) {
    if (!Array.isArray(value)) return checkValue(value, type.ofType, path, format);
    for (const [index, item] of value.entries()) {
      const found = checkValue(item, type.ofType, `${path}[${index}]`, format);
      if (found) return found;
    }
    return undefined;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return undefined;
    const fields = value as Record<string, unknown>;
    for (const field of Object.values(type.getFields())) {
      const fieldFormat = DATE_FIELDS.has(`${type.name}.${field.name}`) ? DATE_FORMAT : undefined;
      const found = checkValue(fields[field.name], field.type, `${path}.${field.name}`, fieldFormat);
      if (found) return found;
    }
    return checkAmounts(type.name, fields, path);
  }
  const scalarFormat = format ?? (isScalarType(type) ? SCALAR_FORMATS[type.name] : undefined);
  const problem = scalarFormat?.check(value);
  return problem === undefined || scalarFormat === undefined ? undefined : { argument: path, problem, accepted: scalarFormat.accepted };
}

function checkAmounts(typeName: string, fields: Record<string, unknown>, path: string): InputProblem | undefined {
  const money = MONEY_FIELDS[typeName];
  const currency = money && fields[money.currencyField];
  if (!money || typeof currency !== 'string' || !isCurrencyCode(currency)) return undefined;
  for (const name of money.amounts) {
    const amount = fields[name];
    if (typeof amount !== 'string') continue;
    try {
      parseMoney(amount, currency);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      return {
        argument: `${path}.${name}`,
        problem: error.message,
        accepted: `a decimal string such as "12.50", with at most as many decimals as ${currency} has`,
      };
    }
  }
  return undefined;
}
