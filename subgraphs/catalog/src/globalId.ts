import { userInputError } from '#packages/errors/index.js';

/** What a global id names: offers and sellers (public), and the booking's stock holds and marketplace orders. */
export type GlobalIdKind = 'Offer' | 'Seller' | 'StockReservation' | 'MarketplaceOrder';

export interface NativeRef {
  readonly marketplaceId: string;
  readonly nativeId: string;
}

/**
 * Global ids are opaque to clients (base64url), yet any service can read the marketplace and
 * the vendor's own id back out of them without a lookup table: `Offer:cn-jademarket:640000007`,
 * `StockReservation:br-feira:RES00000001`. So a reservation or an order is found again at its
 * marketplace from its id alone: the catalog stores nothing.
 */
export function toGlobalId(kind: GlobalIdKind, ref: NativeRef): string {
  return Buffer.from(`${kind}:${ref.marketplaceId}:${ref.nativeId}`, 'utf8').toString('base64url');
}

/** Reads a global id, or throws BAD_USER_INPUT naming `argumentName`. */
export function fromGlobalId(kind: GlobalIdKind, id: string, argumentName: string, knownMarketplaces: ReadonlySet<string>): NativeRef {
  const decoded = /^[A-Za-z0-9_-]+$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const match = /^([A-Za-z]+):([a-z0-9-]+):(.+)$/.exec(decoded);
  if (!match || match[1] !== kind)
    throw userInputError(`${argumentName}: "${id}" is not ${kind === 'Offer' ? 'an' : 'a'} ${kind} id`, argumentName);
  const marketplaceId = match[2]!;
  if (!knownMarketplaces.has(marketplaceId)) throw userInputError(`${argumentName}: unknown marketplace "${marketplaceId}"`, argumentName);
  return { marketplaceId, nativeId: match[3]! };
}
