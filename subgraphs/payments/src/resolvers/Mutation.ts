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

/**
 * The booking saga's writes at the payment providers (internal: service secret only). Each passes
 * its idempotency key to the provider, which answers a repeat with its first answer: the same key
 * never authorizes, captures or releases twice. The payment id names provider and provider id,
 * tagged with the order's owner (`paymentId.ts`): nothing is stored here.
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
