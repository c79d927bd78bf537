import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import { MoneyError, parseMoney, type Money } from '#packages/money/index.js';
import type { QuoteDeclaration } from '#packages/quotes/index.js';

/** A customs charge line as received, amount already exact: what it is, when it is paid, by whom. */
export interface CustomsLine {
  readonly kind: 'DUTY' | 'TAX' | 'FEE';
  readonly amount: Money;
  readonly collectedAt: 'CHECKOUT' | 'BORDER' | 'DELIVERY';
  readonly remitter: string;
  readonly paidBy: 'BUYER' | 'SELLER';
}

/** What payments knows of a shipping option: the fields it `@requires`, read into exact money. */
export interface ShippingOptionFacts {
  readonly id: string;
  readonly cost: Money;
  readonly originCountry: string;
  readonly destinationCountry: string;
  /** The ISO 3166-2 subdivision whose taxes customs applied (given or assumed), or null. */
  readonly destinationRegion: string | null;
  readonly goodsValue: Money;
  readonly deMinimisApplied: boolean;
  /** Where the HS code duties were assessed on came from, when it was not the seller's (empty otherwise). */
  readonly hsCodeNote: string;
  readonly customsLines: readonly CustomsLine[];
  readonly rulesDate: string;
  /** The carrier's transit days, as logistics quoted them. */
  readonly transitDays: { readonly min: number; readonly max: number };
  /** The customs declaration's value and basis, and whether it must carry the EU product identifiers; undefined when customs gave none. */
  readonly declaration: QuoteDeclaration | undefined;
}

interface MoneyShape {
  readonly amount: string;
  readonly currency: string;
}

/**
 * The representation the router sends: customs' `quoteBasis` (`@requires`), the option's parties,
 * value, cost and transit days as logistics quoted them, with the import charges customs computed.
 */
export interface ShippingOptionRepresentation {
  readonly id: string;
  /** Null when customs could not price the option: then there is no landed cost either. */
  readonly quoteBasis?: null | {
    readonly originCountry: string;
    readonly destinationCountry: string;
    readonly region?: string | null;
    readonly goodsValue: MoneyShape;
    readonly cost: MoneyShape;
    readonly transitDays: { readonly min: number; readonly max: number };
    readonly deMinimisApplied: boolean;
    readonly rulesDate: string;
    readonly hsCodeNote?: string | null;
    readonly charges: ReadonlyArray<{ kind: string; amount: MoneyShape; collectedAt: string; remitter: string; paidBy: string }>;
    readonly customsValue?: MoneyShape | null;
    readonly valuationBasis?: string | null;
    readonly productIdentifiersRequired: boolean;
  };
}

/**
 * Reads a representation into exact money. The fields come from other subgraphs through the
 * router, never from the client; one missing or unreadable means a plan or a subgraph is broken,
 * and the landed cost fails loudly rather than quoting a wrong total.
 */
export function readShippingOption(representation: ShippingOptionRepresentation): ShippingOptionFacts {
  const { id, quoteBasis: basis } = representation;
  if (basis === undefined) throw broken(id, 'the representation lacks quoteBasis (see @requires)');
  if (basis === null) {
    throw new GraphQLError('No landed cost: customs could not price the import charges of this option', {
      extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE, upstream: 'customs' },
    });
  }
  const money = (value: MoneyShape, path: string): Money => {
    try {
      return parseMoney(value.amount, value.currency);
    } catch (error) {
      if (error instanceof MoneyError) throw broken(id, `quoteBasis.${path}: ${error.message}`);
      throw error;
    }
  };
  return {
    id,
    cost: money(basis.cost, 'cost'),
    originCountry: basis.originCountry,
    destinationCountry: basis.destinationCountry,
    destinationRegion: basis.region ?? null,
    goodsValue: money(basis.goodsValue, 'goodsValue'),
    deMinimisApplied: basis.deMinimisApplied,
    hsCodeNote: basis.hsCodeNote ?? '',
    customsLines: basis.charges.map((line, index): CustomsLine => {
      const at = `charges[${index}]`;
      if (line.kind !== 'DUTY' && line.kind !== 'TAX' && line.kind !== 'FEE') throw broken(id, `quoteBasis.${at}.kind: ${line.kind}`);
      if (line.collectedAt !== 'CHECKOUT' && line.collectedAt !== 'BORDER' && line.collectedAt !== 'DELIVERY')
        throw broken(id, `quoteBasis.${at}.collectedAt`);
      if (line.paidBy !== 'BUYER' && line.paidBy !== 'SELLER') throw broken(id, `quoteBasis.${at}.paidBy`);
      return {
        kind: line.kind,
        amount: money(line.amount, `${at}.amount`),
        collectedAt: line.collectedAt,
        remitter: line.remitter,
        paidBy: line.paidBy,
      };
    }),
    rulesDate: basis.rulesDate,
    transitDays: { min: basis.transitDays.min, max: basis.transitDays.max },
    declaration: declarationOf(id, basis, money),
  };
}

function declarationOf(
  id: string,
  basis: NonNullable<ShippingOptionRepresentation['quoteBasis']>,
  money: (value: MoneyShape, path: string) => Money,
): QuoteDeclaration | undefined {
  const { customsValue, valuationBasis } = basis;
  if (customsValue == null) return undefined;
  if (valuationBasis !== 'CIF' && valuationBasis !== 'FOB') throw broken(id, `quoteBasis.valuationBasis: ${valuationBasis}`);
  return {
    customsValue: money(customsValue, 'customsValue'),
    valuationBasis,
    productIdentifiersRequired: basis.productIdentifiersRequired,
  };
}

function broken(id: string, problem: string): GraphQLError {
  return new GraphQLError(`ShippingOption ${id}: ${problem}`, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
}
