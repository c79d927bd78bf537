import type { PaymentResolvers } from '../__generated__/resolvers.js';
import { ProviderRefusal } from '../adapters/ProviderRefusal.js';
import { fromPaymentId, toPaymentId } from '../booking/paymentId.js';
import type { Context } from '../context.js';
import { providerInfo } from './LandedCost.js';

export const Payment: PaymentResolvers<Context> = {
  /** The id names provider and provider id; the status is the provider's, read once per request. */
  async __resolveReference(reference, { loaders }) {
    const ref = fromPaymentId(reference.id);
    const loader = ref && loaders.authorizations.get(ref.providerId);
    if (!ref || !loader) return null;
    try {
      return { providerId: ref.providerId, authorization: await loader.load(ref.authorizationId) };
    } catch (error) {
      if (error instanceof ProviderRefusal && error.reason === 'NOT_FOUND') return null;
      throw error;
    }
  },
  id: (payment) => toPaymentId({ providerId: payment.providerId, authorizationId: payment.authorization.id }),
  status: (payment) => payment.authorization.status,
  provider: (payment) => payment.providerId,
  processedBy: (payment, _args, { providers }) => providerInfo(providers, payment.providerId),
  amount: (payment) => payment.authorization.amount,
  escrow: (payment) => payment.authorization.escrow,
};
