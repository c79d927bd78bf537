import { createHash } from 'node:crypto';
import type { NormalizedPlaceOrder } from './normalizePlaceOrderInput.js';

/**
 * The fingerprint of a request, to tell a retry (same key, same request) from a reused key (same
 * key, another request). Taken over the normalized input, fields in a fixed order, without the
 * key itself: "Ana@Example.com " and "ana@example.com" are the same request.
 */
export function requestHashOf(request: NormalizedPlaceOrder): string {
  const { buyer } = request;
  const canonical = [
    request.quoteId,
    buyer.name,
    buyer.email,
    buyer.phone,
    buyer.address.line1,
    buyer.address.line2,
    buyer.address.city,
    buyer.address.postalCode,
    buyer.address.country,
    request.paymentMethod,
    // only when given, so requests made before buyer references existed hash as they did
    ...(request.buyerReference === null ? [] : [request.buyerReference]),
  ];
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}
