/** Which provider holds a payment, and its own id for it. */
export interface PaymentRef {
  readonly providerId: string;
  readonly authorizationId: string;
}

/**
 * A payment's id names its provider and the provider's id, as base64url of
 * `Payment:<provider>:<provider id>`: opaque to clients, and enough for any replica to ask the
 * provider about it. Payments stores nothing.
 */
export function toPaymentId(ref: PaymentRef): string {
  return Buffer.from(`Payment:${ref.providerId}:${ref.authorizationId}`, 'utf8').toString('base64url');
}

/** The reference inside an id, or undefined when the text is not one of our payment ids. */
export function fromPaymentId(id: string): PaymentRef | undefined {
  const decoded = /^[A-Za-z0-9_-]+$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const match = /^Payment:([a-z0-9-]+):(.+)$/.exec(decoded);
  return match ? { providerId: match[1]!, authorizationId: match[2]! } : undefined;
}
