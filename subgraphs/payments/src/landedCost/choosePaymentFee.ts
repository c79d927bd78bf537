import { assertNever, userInputError, UpstreamError } from '#packages/errors/index.js';
import { toDecimalString, type Money } from '#packages/money/index.js';
import type { FeeQuote, FeeQuoteRequest, PaymentProviderInfo } from '../adapters/ports.js';

export interface ProviderAnswer {
  readonly provider: PaymentProviderInfo;
  /** The provider's quote, or why it could not give one (down, timed out, unreadable). */
  readonly answer: FeeQuote | Error;
}

type AcceptedFee = Extract<FeeQuote, { accepted: true }>;

export type ChosenFee = AcceptedFee & { readonly provider: PaymentProviderInfo };

/**
 * The cheapest provider for the buyer that takes this payment (by `costOf`: what the buyer pays for
 * paying this way); ties go to the earlier one in the registry. When none takes it: if some provider
 * could not answer, its failure is the error (it might have taken the payment, so "unsupported"
 * would be a lie); otherwise every provider refused, and the buyer learns why, naming the argument
 * they can change: `paymentMethod` when the method asked is not one their country can use, else `currency`.
 */
export function choosePaymentFee(
  request: FeeQuoteRequest,
  answers: readonly ProviderAnswer[],
  method: string | null = null,
  costOf: (provider: PaymentProviderInfo, fee: Money) => bigint = (_provider, fee) => fee.minor,
): ChosenFee {
  let best: { readonly provider: PaymentProviderInfo; readonly quote: AcceptedFee; readonly cost: bigint } | undefined;
  for (const { provider, answer } of answers) {
    if (answer instanceof Error || !answer.accepted) continue;
    const cost = costOf(provider, answer.fee);
    // Equal cost to the buyer (a fee the seller bears costs the buyer nothing): the cheaper fee wins.
    if (best === undefined || cost < best.cost || (cost === best.cost && answer.fee.minor < best.quote.fee.minor))
      best = { provider, quote: answer, cost };
  }
  if (best !== undefined) return { ...best.quote, provider: best.provider };

  const failure = answers.find((entry) => entry.answer instanceof Error)?.answer;
  if (failure instanceof UpstreamError) throw failure;
  if (failure instanceof Error) throw failure;
  const reasons = answers
    .map(({ provider, answer }) => `${provider.id}: ${answer instanceof Error || answer.accepted ? 'no answer' : describe(answer.reason)}`)
    .join('; ');
  if (method !== null) {
    // Every provider of the method refused: the method is what the buyer can change.
    throw userInputError(
      `paymentMethod: ${method} cannot be used by a buyer in ${request.buyerCountry} paying ${describeMoney(request.amount)} (${reasons})`,
      'paymentMethod',
    );
  }
  throw userInputError(
    `currency: no payment provider takes ${describeMoney(request.amount)} from a buyer in ${request.buyerCountry} (${reasons})`,
    'currency',
  );
}

function describe(reason: Extract<FeeQuote, { accepted: false }>['reason']): string {
  switch (reason) {
    case 'CURRENCY_NOT_SUPPORTED':
      return 'currency not supported';
    case 'COUNTRY_NOT_SUPPORTED':
      return "buyer's country not served";
    case 'BELOW_MINIMUM':
      return 'below its minimum';
    case 'ABOVE_MAXIMUM':
      return 'above its maximum';
    case 'UNKNOWN':
      return 'refused';
    default:
      return assertNever(reason);
  }
}

const describeMoney = (money: Money): string => `${toDecimalString(money)} ${money.currency}`;
