/**
 * The marketplace whose offer a shipping option is for, read from the ids alone: logistics' option
 * id is base64url JSON `["ShippingOption", offerId, …]` and the catalog's offer id is base64url
 * `Offer:<marketplace>:<native id>` (both documented as readable back by any service). Undefined for
 * an id of another shape: then the quote is simply not counted in the marketplace's reach.
 */
export function marketplaceOfShippingOption(shippingOptionId: string): string | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(shippingOptionId, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts[0] !== 'ShippingOption' || typeof parts[1] !== 'string') return undefined;
    const offer = /^Offer:([a-z0-9-]+):/.exec(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return offer?.[1];
  } catch {
    return undefined;
  }
}
