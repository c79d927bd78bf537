import type { Setting } from '../../../../packages/config/index.js';
import type { Logger } from '../../../../packages/log/index.js';
import type { Money } from '../../../../packages/money/index.js';

/** A payment provider as buyers and the API see it. */
export interface PaymentProviderInfo {
  /** Our id: also its adapter folder and its sandbox's id. */
  readonly id: string;
  readonly name: string;
  /** CARD, WALLET, PIX, FPX, … */
  readonly methods: readonly string[];
}

/** One payment to price: what the buyer would pay, where they are, and whom they pay. */
export interface FeeQuoteRequest {
  readonly amount: Money;
  readonly buyerCountry: string;
  /** The seller's country: decides whether the provider counts the payment as cross-border. */
  readonly merchantCountry: string;
  /** The currency the seller is paid out in: decides whether the provider charges an FX spread. */
  readonly settlementCurrency: string;
}

/** How the provider arrived at a fee, in our terms whatever its API called them. */
export interface FeeBreakdown {
  readonly schedule: string;
  readonly percentBp: number;
  readonly crossBorderBp: number;
  readonly fxSpreadBp: number;
  readonly fixed: Money;
}

export type FeeRefusalReason = 'CURRENCY_NOT_SUPPORTED' | 'COUNTRY_NOT_SUPPORTED' | 'BELOW_MINIMUM' | 'ABOVE_MAXIMUM' | 'UNKNOWN';

/** A provider's answer for one payment: a price, or a refusal (which is an answer, not an error). */
export type FeeQuote =
  | { readonly accepted: true; readonly fee: Money; readonly breakdown: FeeBreakdown }
  | { readonly accepted: false; readonly reason: FeeRefusalReason; readonly message: string };

export interface AuthorizationRequest {
  readonly amount: Money;
  readonly buyerCountry: string;
  readonly merchantCountry: string;
  readonly settlementCurrency: string;
  /** Ours (an order id): shown in the provider's dashboard. */
  readonly reference: string;
  /** The same key always yields the same authorization, however often the call is repeated. */
  readonly idempotencyKey: string;
}

export type AuthorizationStatus = 'AUTHORIZED' | 'CAPTURED' | 'VOIDED' | 'DECLINED';

export interface Authorization {
  /** The provider's id for it. */
  readonly id: string;
  readonly status: AuthorizationStatus;
  readonly amount: Money;
  readonly captured: Money;
  /** The provider's reason, when declined. */
  readonly declineReason?: string;
}

export interface CaptureRequest {
  readonly authorizationId: string;
  /** Default: all that was authorized. */
  readonly amount?: Money;
}

export interface VoidRequest {
  readonly authorizationId: string;
}

/**
 * A payment provider, as payments needs it. Errors are `UpstreamError`s (a refusal to price one
 * payment is not an error: it is that payment's `FeeQuote`). Capture and void are idempotent by
 * nature (repeating one gives the same state); authorize by its idempotency key.
 */
export interface PaymentProvider {
  readonly info: PaymentProviderInfo;
  /** Prices many payments in as few calls as the provider allows: one answer per request, in order. */
  quoteFees(requests: readonly FeeQuoteRequest[], signal?: AbortSignal): Promise<FeeQuote[]>;
  authorize(request: AuthorizationRequest, signal?: AbortSignal): Promise<Authorization>;
  capture(request: CaptureRequest, signal?: AbortSignal): Promise<Authorization>;
  void(request: VoidRequest, signal?: AbortSignal): Promise<Authorization>;
  close(): Promise<void>;
}

/** What each adapter folder exports: its settings and how to build it from them. */
export interface PaymentProviderModule<S extends Record<string, Setting<unknown>>> {
  readonly id: string;
  readonly settings: S;
  create(
    config: { readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never },
    context: { logger: Logger; upstreamTimeoutMs: number },
  ): PaymentProvider;
}
