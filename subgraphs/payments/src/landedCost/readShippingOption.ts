import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import { MoneyError, parseMoney, type Money } from '#packages/money/index.js';

/** A customs charge line as received, amount already exact. */
export interface CustomsLine {
  readonly kind: string;
  readonly description: string;
  readonly amount: Money;
  readonly formula: string;
  readonly source: string;
}

/** What payments knows of a shipping option: the fields it `@requires`, read into exact money. */
export interface ShippingOptionFacts {
  readonly id: string;
  readonly cost: Money;
  readonly originCountry: string;
  readonly destinationCountry: string;
  readonly quantity: number;
  readonly goodsValue: Money;
  readonly duties: Money;
  readonly taxes: Money;
  readonly importFees: Money;
  readonly deMinimisApplied: boolean;
  readonly collectedAtSale: boolean;
  readonly customsLines: readonly CustomsLine[];
  readonly rulesDate: string;
  /** The carrier's transit days, as logistics quoted them. */
  readonly transitDays: { readonly min: number; readonly max: number };
}

interface MoneyShape {
  readonly amount: string;
  readonly currency: string;
}

/** The representation the router sends with the `@requires` fields of logistics and customs. */
export interface ShippingOptionRepresentation {
  readonly id: string;
  readonly cost?: MoneyShape;
  readonly transitDays?: { readonly min: number; readonly max: number };
  readonly consignment?: {
    readonly originCountry: string;
    readonly destinationCountry: string;
    readonly quantity: number;
    readonly goodsValue: MoneyShape;
  };
  readonly importCharges?: {
    readonly duties: MoneyShape;
    readonly taxes: MoneyShape;
    readonly fees: MoneyShape;
    readonly deMinimisApplied: boolean;
    readonly collectedAtSale: boolean;
    readonly lines: ReadonlyArray<{ kind: string; description: string; amount: MoneyShape; formula: string; source: string }>;
    readonly rulesDate: string;
  };
}

/**
 * Reads a representation into exact money. The fields come from other subgraphs through the
 * router, never from the client; one missing or unreadable means a plan or a subgraph is broken,
 * and the landed cost fails loudly rather than quoting a wrong total.
 */
export function readShippingOption(representation: ShippingOptionRepresentation): ShippingOptionFacts {
  const { id, cost, consignment, importCharges, transitDays } = representation;
  if (cost === undefined || consignment === undefined || importCharges === undefined || transitDays === undefined) {
    throw broken(id, 'the representation lacks cost, transitDays, consignment or importCharges (see @requires)');
  }
  const money = (value: MoneyShape, path: string): Money => {
    try {
      return parseMoney(value.amount, value.currency);
    } catch (error) {
      if (error instanceof MoneyError) throw broken(id, `${path}: ${error.message}`);
      throw error;
    }
  };
  return {
    id,
    cost: money(cost, 'cost'),
    originCountry: consignment.originCountry,
    destinationCountry: consignment.destinationCountry,
    quantity: consignment.quantity,
    goodsValue: money(consignment.goodsValue, 'consignment.goodsValue'),
    duties: money(importCharges.duties, 'importCharges.duties'),
    taxes: money(importCharges.taxes, 'importCharges.taxes'),
    importFees: money(importCharges.fees, 'importCharges.fees'),
    deMinimisApplied: importCharges.deMinimisApplied,
    collectedAtSale: importCharges.collectedAtSale,
    customsLines: importCharges.lines.map((line, index) => ({
      ...line,
      amount: money(line.amount, `importCharges.lines[${index}].amount`),
    })),
    rulesDate: importCharges.rulesDate,
    transitDays: { min: transitDays.min, max: transitDays.max },
  };
}

function broken(id: string, problem: string): GraphQLError {
  return new GraphQLError(`ShippingOption ${id}: ${problem}`, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
}
