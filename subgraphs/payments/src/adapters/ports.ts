import type { Setting } from '#packages/config/index.js';
import type { Logger } from '#packages/log/index.js';
import type { Money } from '#packages/money/index.js';

/** A payment provider as buyers and the API see it. */
export interface PaymentProviderInfo {
  /** Our id: also its adapter folder and its sandbox's id. */
  readonly id: string;
  readonly name: string;
  /** CARD, WALLET, PIX, FPX, … */
  readonly methods: readonly string[];
  /** The country whose domestic scheme it is (Pix: BR, FPX: MY); null for one that takes payers across borders. */
  readonly country: string | null;
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
  /** Capture into escrow (held for the seller until `releaseEscrow`) rather than straight to the seller. */
  readonly escrow: boolean;
  /** The same key always yields the same authorization, however often the call is repeated. */
  readonly idempotencyKey: string;
}

/**
 * `IN_ESCROW`: captured from the buyer, held for the seller; `RELEASED`: then paid out to the seller;
 * `REFUNDED`: all the money taken given back to the buyer (a part given back leaves the status as it was).
 */
export type AuthorizationStatus = 'AUTHORIZED' | 'CAPTURED' | 'VOIDED' | 'DECLINED' | 'IN_ESCROW' | 'RELEASED' | 'REFUNDED';

export interface Authorization {
  /** The provider's id for it. */
  readonly id: string;
  readonly status: AuthorizationStatus;
  readonly amount: Money;
  readonly captured: Money;
  /** Made to be captured into escrow. */
  readonly escrow: boolean;
  /** The provider's reason, when declined. */
  readonly declineReason?: string;
}

/** Capture, void and release carry an idempotency key too: the provider answers a repeat with its first answer. */
export interface CaptureRequest {
  readonly authorizationId: string;
  /** Default: all that was authorized. */
  readonly amount?: Money;
  readonly idempotencyKey: string;
}

export interface VoidRequest {
  readonly authorizationId: string;
  readonly idempotencyKey: string;
}

export interface ReleaseRequest {
  readonly authorizationId: string;
  readonly idempotencyKey: string;
}

export interface RefundRequest {
  readonly authorizationId: string;
  /** A part, exactly, in the payment's currency; default: all that was captured and not yet refunded. */
  readonly amount?: Money;
  /** Ours, shown in the provider's dashboard where its API takes one (e.g. a return id). */
  readonly reason?: string;
  /** The same key never refunds twice. */
  readonly idempotencyKey: string;
}

/**
 * A payment provider, as payments needs it. Errors are `UpstreamError`s (a refusal to price one
 * payment is not an error: it is that payment's `FeeQuote`; a declined authorization is an answer
 * too, with status DECLINED). Every write carries an idempotency key the provider honours, so
 * writes are retried like reads; a write refused for a business reason is a `ProviderRefusal`.
 */
export interface PaymentProvider {
  readonly info: PaymentProviderInfo;
  /** Prices many payments in as few calls as the provider allows: one answer per request, in order. */
  quoteFees(requests: readonly FeeQuoteRequest[], signal?: AbortSignal): Promise<FeeQuote[]>;
  authorize(request: AuthorizationRequest, signal?: AbortSignal): Promise<Authorization>;
  /** Captures an authorization: to the seller, or into escrow if it was made so. */
  capture(request: CaptureRequest, signal?: AbortSignal): Promise<Authorization>;
  void(request: VoidRequest, signal?: AbortSignal): Promise<Authorization>;
  /** Pays escrowed funds out to the seller; releasing again is harmless. */
  releaseEscrow(request: ReleaseRequest, signal?: AbortSignal): Promise<Authorization>;
  /**
   * Gives captured money back to the buyer: all of it (a dispute settled for the buyer) or a part
   * (a return); parts add up to at most the capture, and the status turns REFUNDED once all of it
   * is back. Held, captured or already paid out (the provider takes it back from the seller's next
   * payout). A whole refund of a REFUNDED payment is harmless; an authorization never captured is
   * a `ProviderRefusal` STATE_CONFLICT (void it instead), a part beyond what is left INVALID_REQUEST.
   */
  refund(request: RefundRequest, signal?: AbortSignal): Promise<Authorization>;
  /** Reads an authorization as the provider holds it now; an unknown id is a `ProviderRefusal` NOT_FOUND. */
  retrieve(authorizationId: string, signal?: AbortSignal): Promise<Authorization>;
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
