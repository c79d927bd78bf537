import { GraphQLError } from 'graphql';
import { ErrorCode, userInputError } from '#packages/errors/index.js';
import type { MutationResolvers } from '../__generated__/resolvers.js';
import type { Authorization, PaymentProvider } from '../adapters/ports.js';
import { authorizationOf, readIdempotencyKey, verifiedQuote } from '../booking/authorizationOf.js';
import { fromPaymentId, toPaymentId, type PaymentRef } from '../booking/paymentId.js';
import { toPaymentError } from '../booking/toPaymentError.js';
import type { Context } from '../context.js';
import type { PaymentModel } from '../models.js';
import { assertServiceCaller } from '#packages/server/index.js';
import { parseMoney, type Money } from '#packages/money/index.js';

/**
 * The booking saga's writes at the payment providers (internal: service secret only). Each passes
 * its idempotency key to the provider, which answers a repeat with its first answer: the same key
 * never authorizes, captures, releases or refunds twice (a refund of a part too). The payment id names
 * provider and provider id, tagged with the order's owner (`paymentId.ts`): nothing is stored here.
 */
export const Mutation: MutationResolvers<Context> = {
  async authorizePayment(_parent, { input }, context) {
    assertServiceCaller(context);
    const idempotencyKey = readIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey');
    const quote = verifiedQuote(input.quoteId, context.quoteKey, context.now());
    const provider = context.providers.get(quote.paymentFee.provider);
    const request = authorizationOf(quote, provider, { method: input.method, escrow: input.escrow, idempotencyKey });
    const authorization = await write(() => provider!.authorize(request));
    const ref = { providerId: provider!.info.id, authorizationId: authorization.id };
    const payment = { id: toPaymentId(ref, input.owner ?? undefined, context.paymentOwnerKey), providerId: ref.providerId, authorization };
    if (authorization.status === 'DECLINED') {
      throw new GraphQLError(`${provider!.info.name} declined the payment`, {
        extensions: {
          code: ErrorCode.PAYMENT_DECLINED,
          provider: payment.providerId,
          declineReason: authorization.declineReason ?? null,
          paymentId: payment.id,
        },
      });
    }
    return payment;
  },

  async capturePayment(_parent, { input }, context) {
    assertServiceCaller(context);
    const { ref, provider, idempotencyKey } = target(context, input);
    return paymentOf(input.paymentId, ref, await write(() => provider.capture({ authorizationId: ref.authorizationId, idempotencyKey })));
  },

  async voidPayment(_parent, { input }, context) {
    assertServiceCaller(context);
    const { ref, provider, idempotencyKey } = target(context, input);
    return paymentOf(input.paymentId, ref, await write(() => provider.void({ authorizationId: ref.authorizationId, idempotencyKey })));
  },

  async releaseEscrow(_parent, { input }, context) {
    assertServiceCaller(context);
    const { ref, provider, idempotencyKey } = target(context, input);
    return paymentOf(
      input.paymentId,
      ref,
      await write(() => provider.releaseEscrow({ authorizationId: ref.authorizationId, idempotencyKey })),
    );
  },

  async refundPayment(_parent, { input }, context) {
    assertServiceCaller(context);
    const { ref, provider, idempotencyKey } = target(context, input);
    const amount = input.amount == null && input.currency == null ? undefined : refundAmountOf(input);
    if (amount !== undefined) {
      // the provider counts a part in the payment's own currency: one read first, so a part in another
      // currency is refused here rather than refunded as if it were the payment's
      const current = await write(() => provider.retrieve(ref.authorizationId));
      if (current.amount.currency !== amount.currency) {
        throw userInputError(`input.currency: the payment is in ${current.amount.currency}, not ${amount.currency}`, 'input.currency');
      }
    }
    const request = {
      authorizationId: ref.authorizationId,
      idempotencyKey,
      ...(amount !== undefined && { amount }),
      ...(input.reason != null && { reason: input.reason }),
    };
    return paymentOf(input.paymentId, ref, await write(() => provider.refund(request)));
  },
};

function target(
  context: Context,
  input: { paymentId: string; idempotencyKey: string },
): { ref: PaymentRef; provider: PaymentProvider; idempotencyKey: string } {
  const ref = fromPaymentId(input.paymentId);
  if (ref === undefined) throw userInputError(`input.paymentId: "${input.paymentId}" is not a Payment id`, 'input.paymentId');
  const provider = context.providers.get(ref.providerId);
  if (provider === undefined)
    throw userInputError(`input.paymentId: provider "${ref.providerId}" is not one payments routes to`, 'input.paymentId');
  return { ref, provider, idempotencyKey: readIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey') };
}

/** A part to refund: `amount` and `currency` together, parsed exactly, more than zero. */
function refundAmountOf(input: { amount?: string | null; currency?: string | null }): Money {
  if (input.amount == null) throw userInputError('input.amount: required with input.currency', 'input.amount');
  if (input.currency == null) throw userInputError('input.currency: required with input.amount', 'input.currency');
  let amount: Money;
  try {
    amount = parseMoney(input.amount, input.currency);
  } catch {
    throw userInputError(`input.amount: "${input.amount}" is not an amount in ${input.currency}`, 'input.amount');
  }
  if (amount.minor <= 0n) throw userInputError('input.amount: a refund is more than zero', 'input.amount');
  return amount;
}

/** The payment as the action's caller named it: its id keeps the owner tag it was given at authorization. */
const paymentOf = (id: string, ref: PaymentRef, authorization: Authorization): PaymentModel => ({
  id,
  providerId: ref.providerId,
  authorization,
});

async function write<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toPaymentError(error);
  }
}
