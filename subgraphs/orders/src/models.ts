import type { MoneyOutput } from '#packages/money/index.js';
import type { ReturnUserError } from './returns/createReturnDesk.js';
import type { ReturnRecord } from './returns/ReturnRecord.js';
import type { OrderFailure, OrderRecord, StepRecord } from './store/OrderStore.js';

/**
 * What resolvers hand to each other (codegen `mappers`): the store's records, turned into the
 * schema's shape by the type resolvers in `resolvers/`.
 */
export type OrderModel = OrderRecord;
export type OrderStepModel = StepRecord;
export type MoneyModel = MoneyOutput;

export interface OrderEdgeModel {
  readonly cursor: string;
  readonly node: OrderRecord;
}

export interface OrderConnectionModel {
  readonly edges: readonly OrderEdgeModel[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly endCursor: string | null;
    /** True on any page after the first: a cursor is only ever made after an item. */
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
  };
}

/** A user error as the API shows it. */
export interface UserErrorModel {
  readonly code: OrderFailure['code'];
  readonly message: string;
  readonly field: readonly string[] | null;
  /** The booking step that failed; absent for input errors. */
  readonly step?: OrderFailure['step'];
  /** For a carrier that could not be reached: the booked order, whose offer and destination the alternatives are for. */
  readonly failedOrder?: OrderRecord;
}

export interface PlaceOrderPayloadModel {
  readonly order: OrderRecord | null;
  readonly userErrors: readonly UserErrorModel[];
}

/** `Query.viewer`: the caller's own view; its fields read the principal from the context. */
export type ViewerModel = Record<string, never>;

/** A marketplace, by its id: what orders knows of it is the orders booked there. */
export interface MarketplaceModel {
  readonly id: string;
}

export type ReturnModel = ReturnRecord;
export type ReturnUserErrorModel = ReturnUserError;

export interface RequestReturnPayloadModel {
  readonly return: ReturnRecord | null;
  readonly userErrors: readonly ReturnUserError[];
}
