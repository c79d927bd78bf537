import type { LandedCostResolvers } from '../__generated__/resolvers.js';
import type { PaymentProviderInfo } from '../adapters/ports.js';
import type { Context } from '../context.js';

export const LandedCost: LandedCostResolvers<Context> = {
  quoteId: (cost) => cost.quoteId,
  expiresAt: (cost) => cost.quote.expiresAt,
  currency: (cost) => cost.quote.currency,
  item: (cost) => cost.quote.converted.item,
  shipping: (cost) => cost.quote.converted.shipping,
  duties: (cost) => cost.quote.converted.duties,
  taxes: (cost) => cost.quote.converted.taxes,
  fees: (cost) => cost.quote.fees,
  total: (cost) => cost.quote.total,
  payableAtCheckout: (cost) => cost.quote.payableAtCheckout,
  payableOnDelivery: (cost) => cost.quote.payableOnDelivery,
  paymentMethod: (cost) => (cost.quote.paymentMethod as 'CARD' | 'WALLET' | 'PIX' | 'FPX' | null) ?? null,
  paymentProvider: (cost, _args, { providers }) => providerInfo(providers, cost.quote.paymentFee.provider),
  lines: (cost) => [...cost.lines],
};

/** A quote names its provider by id; one since removed from the registry still shows by its id. */
export function providerInfo(providers: Context['providers'], id: string): PaymentProviderInfo {
  return providers.get(id)?.info ?? { id, name: id, methods: [], country: null };
}
