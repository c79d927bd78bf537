/**
 * The marketplace of a seller, read from its global id (`Seller:<marketplace>:<native id>`,
 * base64url: the catalog makes them readable by any service); undefined for another shape.
 */
export function marketplaceOfSeller(sellerId: string): string | undefined {
  const decoded = /^[A-Za-z0-9_-]+$/.test(sellerId) ? Buffer.from(sellerId, 'base64url').toString('utf8') : '';
  return /^Seller:([a-z0-9-]+):./.exec(decoded)?.[1];
}
