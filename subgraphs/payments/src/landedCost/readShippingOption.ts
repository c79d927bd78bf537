import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import { describeHsCodeOrigin, type HsClassificationStatus } from '#packages/hs/index.js';
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
  readonly quantity: number;
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

/** The representation the router sends with the `@requires` fields of logistics and customs. */
export interface ShippingOptionRepresentation {
  readonly id: string;
  readonly cost?: MoneyShape;
  readonly transitDays?: { readonly min: number; readonly max: number };
  readonly consignment?: {
    readonly originCountry: string;
    readonly destinationCountry: string;
    readonly destinationRegion?: string | null;
    readonly hsCode?: string | null;
    readonly hsCodeStatus?: string;
    readonly hsCodeConfidence?: number | null;
    readonly rejectedHsCode?: string | null;
    readonly quantity: number;
    readonly goodsValue: MoneyShape;
  };
  /** Null when customs could not price the option: then there is no landed cost either. */
  readonly importCharges?: null | {
    readonly deMinimisApplied: boolean;
    readonly region?: string | null;
    readonly lines: ReadonlyArray<{ kind: string; amount: MoneyShape; collectedAt: string; remitter: string; paidBy: string }>;
    readonly rulesDate: string;
    readonly declaration?: null | {
      readonly customsValue: MoneyShape;
      readonly valuationBasis: string;
      readonly requirements: ReadonlyArray<{ readonly fields: readonly string[] }>;
    };
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
  if (importCharges === null) {
    throw new GraphQLError('No landed cost: customs could not price the import charges of this option', {
      extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE, upstream: 'customs' },
    });
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
    destinationRegion: importCharges.region ?? consignment.destinationRegion ?? null,
    quantity: consignment.quantity,
    goodsValue: money(consignment.goodsValue, 'consignment.goodsValue'),
    deMinimisApplied: importCharges.deMinimisApplied,
    hsCodeNote: hsCodeNoteOf(id, consignment),
    customsLines: importCharges.lines.map((line, index): CustomsLine => {
      const at = `importCharges.lines[${index}]`;
      if (line.kind !== 'DUTY' && line.kind !== 'TAX' && line.kind !== 'FEE') throw broken(id, `${at}.kind: ${line.kind}`);
      if (line.collectedAt !== 'CHECKOUT' && line.collectedAt !== 'BORDER' && line.collectedAt !== 'DELIVERY')
        throw broken(id, `${at}.collectedAt`);
      if (line.paidBy !== 'BUYER' && line.paidBy !== 'SELLER') throw broken(id, `${at}.paidBy`);
      return {
        kind: line.kind,
        amount: money(line.amount, `${at}.amount`),
        collectedAt: line.collectedAt,
        remitter: line.remitter,
        paidBy: line.paidBy,
      };
    }),
    rulesDate: importCharges.rulesDate,
    transitDays: { min: transitDays.min, max: transitDays.max },
    declaration: declarationOf(id, importCharges.declaration, money),
  };
}

function declarationOf(
  id: string,
  declaration: NonNullable<ShippingOptionRepresentation['importCharges']>['declaration'],
  money: (value: MoneyShape, path: string) => Money,
): QuoteDeclaration | undefined {
  if (declaration == null) return undefined;
  const basis = declaration.valuationBasis;
  if (basis !== 'CIF' && basis !== 'FOB') throw broken(id, `importCharges.declaration.valuationBasis: ${basis}`);
  return {
    customsValue: money(declaration.customsValue, 'importCharges.declaration.customsValue'),
    valuationBasis: basis,
    productIdentifiersRequired: declaration.requirements.some((requirement) => requirement.fields.includes('productIdentifiers')),
  };
}

const STATUSES: readonly HsClassificationStatus[] = ['DECLARED', 'SUGGESTED', 'INVALID', 'UNKNOWN'];

function hsCodeNoteOf(id: string, consignment: NonNullable<ShippingOptionRepresentation['consignment']>): string {
  const status = consignment.hsCodeStatus;
  if (status === undefined) return '';
  if (!STATUSES.includes(status as HsClassificationStatus)) throw broken(id, `consignment.hsCodeStatus: ${status}`);
  return describeHsCodeOrigin({
    status: status as HsClassificationStatus,
    hsCode: consignment.hsCode ?? '',
    confidence: consignment.hsCodeConfidence ?? null,
    rejectedHsCode: consignment.rejectedHsCode ?? null,
  });
}

function broken(id: string, problem: string): GraphQLError {
  return new GraphQLError(`ShippingOption ${id}: ${problem}`, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
}
