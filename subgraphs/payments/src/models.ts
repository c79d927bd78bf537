import type { ReferenceRates } from '#packages/fx/index.js';
import type { Money } from '#packages/money/index.js';
import type { Quote } from '#packages/quotes/index.js';
import type { Authorization, PaymentProviderInfo } from './adapters/ports.js';

/**
 * What resolvers hand to each other for types whose fields are resolved later (codegen
 * `mappers`), so the generated resolver types check the hand-over.
 */
export type MoneyModel = Money;
export type PaymentProviderModel = PaymentProviderInfo;
export type ExchangeRatesModel = ReferenceRates;

export type LandedCostLineKind = 'ITEM' | 'SHIPPING' | 'DUTY' | 'TAX' | 'FEE' | 'FX';

export interface LandedCostLineModel {
  readonly kind: LandedCostLineKind;
  readonly description: string;
  readonly amount: Money;
  readonly formula: string;
  readonly source: string;
  readonly collectedAt: 'CHECKOUT' | 'BORDER' | 'DELIVERY';
  readonly remitter: 'SELLER' | 'MARKETPLACE' | 'PLATFORM' | 'CARRIER' | 'BUYER' | null;
  readonly paidBy: 'BUYER' | 'SELLER';
}

/** A landed cost: the quote it fixes, its signed token, and the lines that explain it. */
export interface LandedCostModel {
  readonly quote: Quote;
  readonly quoteId: string;
  readonly lines: readonly LandedCostLineModel[];
}

/** A payment: its id (owner tag included), the provider's authorization as it answered, and which provider holds it. */
export interface PaymentModel {
  readonly id: string;
  readonly providerId: string;
  readonly authorization: Authorization;
}
