import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import { hasScope, type CallerPrincipal } from '#packages/principal/index.js';

/** The scope analyst keys need. */
export const INSIGHTS_SCOPE = 'insights:read';

/** What a caller may see: everything, or one marketplace's flows. */
export type InsightsAccess =
  | { readonly kind: 'all'; readonly keyId: string }
  | { readonly kind: 'marketplace'; readonly keyId: string; readonly marketplaceId: string };

/**
 * Who may read trade flows: keys with `insights:read` see every flow; a marketplace key sees its
 * own marketplace's flows only; every other caller is refused, saying what would let it in.
 */
export function authorizeAnalyst(principal: CallerPrincipal | undefined): InsightsAccess {
  if (!principal || principal.keyId === undefined) {
    throw new GraphQLError(`Trade flows need an API key: an analyst key with the scope ${INSIGHTS_SCOPE}, or a marketplace key`, {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  if (principal.tier === 'marketplace' && principal.marketplaceId !== undefined) {
    return { kind: 'marketplace', keyId: principal.keyId, marketplaceId: principal.marketplaceId };
  }
  if (hasScope(principal, INSIGHTS_SCOPE)) return { kind: 'all', keyId: principal.keyId };
  throw new GraphQLError(`This key may not read trade flows: it needs the scope ${INSIGHTS_SCOPE} (or to be a marketplace key)`, {
    extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
  });
}

/** Narrows a marketplace key's filter to its own marketplace; asking for another is refused. */
export function scopeMarketplaces(access: InsightsAccess, requested: readonly string[] | undefined): readonly string[] | undefined {
  if (access.kind === 'all') return requested;
  const other = requested?.find((id) => id !== access.marketplaceId);
  if (other !== undefined) {
    throw new GraphQLError(`filter.marketplaces: this key sees only ${access.marketplaceId}'s flows, not ${other}'s`, {
      extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
    });
  }
  return [access.marketplaceId];
}
