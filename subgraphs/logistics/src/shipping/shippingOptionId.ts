/** What a shipping option's id is made of: the same inputs always give the same id. */
export interface ShippingOptionKey {
  readonly offerId: string;
  readonly carrierId: string;
  /** The carrier's service; for several legs, each leg's `carrier:service` joined with `+`. */
  readonly service: string;
  readonly to: string;
  readonly quantity: number;
}

/** Opaque to clients (base64url), deterministic, and readable back by any service. */
export function toShippingOptionId(key: ShippingOptionKey): string {
  const parts = ['ShippingOption', key.offerId, key.carrierId, key.service, key.to, key.quantity];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** The key inside an id, or undefined when the text is not one of our ids. */
export function fromShippingOptionId(id: string): ShippingOptionKey | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== 6 || parts[0] !== 'ShippingOption') return undefined;
    const [, offerId, carrierId, service, to, quantity] = parts as unknown[];
    if (typeof offerId !== 'string' || typeof carrierId !== 'string' || typeof service !== 'string' || typeof to !== 'string')
      return undefined;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity)) return undefined;
    return { offerId, carrierId, service, to, quantity };
  } catch {
    return undefined;
  }
}
