import type { PaymentResolvers } from '../__generated__/resolvers.js';
import { ProviderRefusal } from '../adapters/ProviderRefusal.js';
import { fromPaymentId, isPaymentOwnedBy } from '../booking/paymentId.js';
import type { Context } from '../context.js';
import { providerInfo } from './LandedCost.js';

export const Payment: PaymentResolvers<Context> = {
  /**
   * The id names provider and provider id; the status is the provider's, read once per request.
   * Only the owner sees a payment (as with orders, another key's is null, not "forbidden"): the id's
   * tag must be the caller's key's, checked before the provider is asked. Internal callers see all.
   */
  async __resolveReference(reference, { loaders, serviceCaller, ownerKeyId, paymentOwnerKey }) {
    const ref = fromPaymentId(reference.id);
    const loader = ref && loaders.authorizations.get(ref.providerId);
    if (!ref || !loader) return null;
    if (!serviceCaller && !isPaymentOwnedBy(reference.id, ownerKeyId, paymentOwnerKey)) return null;
    try {
      return { id: reference.id, providerId: ref.providerId, authorization: await loader.load(ref.authorizationId) };
    } catch (error) {
      if (error instanceof ProviderRefusal && error.reason === 'NOT_FOUND') return null;
      throw error;
    }
  },
  id: (payment) => payment.id,
  status: (payment) => payment.authorization.status,
  provider: (payment) => payment.providerId,
  processedBy: (payment, _args, { providers }) => providerInfo(providers, payment.providerId),
  amount: (payment) => payment.authorization.amount,
  escrow: (payment) => payment.authorization.escrow,
};
