import type { CallerPrincipal } from './CallerPrincipal.js';
import { PRINCIPAL_MAX_AGE_SECONDS, signPrincipal } from './signPrincipal.js';

/** Signs principals for subgraph requests, reusing a signature while it is young. */
export type PrincipalSigner = (principal: CallerPrincipal) => string;

/**
 * A principal is the same for every request of one key, so its signature is made once and reused
 * for a fifth of its lifetime: an HMAC per request would be cheap, but not free on the gateway's
 * hot path. Entries are bounded by the number of configured keys (plus one for keyless callers).
 */
export function createPrincipalSigner(key: Buffer, now: () => number = Date.now): PrincipalSigner {
  const reuseMs = (PRINCIPAL_MAX_AGE_SECONDS * 1000) / 5;
  const signed = new Map<string, { readonly header: string; readonly at: number }>();
  // the caller that passes the same principal object for every request of a key (the gateway) skips building its id
  const byObject = new WeakMap<CallerPrincipal, { readonly header: string; readonly at: number }>();
  return (principal) => {
    const at = now();
    const known = byObject.get(principal);
    if (known !== undefined && at - known.at < reuseMs) return known.header;
    const id = `${principal.keyId ?? ''}\u0000${principal.tier}\u0000${principal.marketplaceId ?? ''}\u0000${principal.scopes.join(',')}\u0000${principal.testMode === true ? 'test' : 'live'}`;
    let entry = signed.get(id);
    if (entry === undefined || at - entry.at >= reuseMs) signed.set(id, (entry = { header: signPrincipal(principal, key, at), at }));
    byObject.set(principal, entry);
    return entry.header;
  };
}
