import { assertNever, userInputError, UpstreamError } from '#packages/errors/index.js';
import { toDecimalString, type Money } from '#packages/money/index.js';
import type { FeeQuote, FeeQuoteRequest, PaymentProviderInfo } from '../adapters/ports.js';

export interface ProviderAnswer {
  readonly provider: PaymentProviderInfo;
  /** The provider's quote, or why it could not give one (down, timed out, unreadable). */
  readonly answer: FeeQuote | Error;
}

export type ChosenFee = Extract<FeeQuote, { accepted: true }> & { readonly provider: PaymentProviderInfo };

/**
 * The cheapest provider that takes this payment; ties go to the earlier one in the registry.
 * When none takes it: if some provider could not answer, its failure is the error (it might have
 * taken the payment, so "unsupported" would be a lie); otherwise every provider refused, and the
 * buyer learns why, naming `currency` (the argument they can change).
 */
export function choosePaymentFee(request: FeeQuoteRequest, answers: readonly ProviderAnswer[]): ChosenFee {
  let best: ChosenFee | undefined;
  for (const { provider, answer } of answers) {
    if (answer instanceof Error || !answer.accepted) continue;
    if (best === undefined || answer.fee.minor < best.fee.minor) best = { ...answer, provider };
  }
  if (best) return best;

  const failure = answers.find((entry) => entry.answer instanceof Error)?.answer;
  if (failure instanceof UpstreamError) throw failure;
  if (failure instanceof Error) throw failure;
  const reasons = answers
    .map(({ provider, answer }) => `${provider.id}: ${answer instanceof Error || answer.accepted ? 'no answer' : describe(answer.reason)}`)
    .join('; ');
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
