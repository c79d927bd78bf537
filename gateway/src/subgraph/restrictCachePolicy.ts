/** A cache hint, as Apollo Server's cache policies take it. */
export interface CacheHint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}

/** The part of Apollo Server's overall cache policy a gateway may narrow. */
interface RestrictableCachePolicy {
  restrict(hint: CacheHint): void;
}

/**
 * Narrows the response's cache policy by a subgraph's `cache-control` header, as
 * `RemoteGraphQLDataSource` does (its `honorSubgraphCacheControlHeader` default): no max-age
 * means 0, so one uncacheable subgraph answer makes the response uncacheable.
 */
export function restrictCachePolicy(policy: unknown, header: string | undefined): void {
  if (!isRestrictable(policy)) return;
  const directives = parseCacheControl(header);
  const hint: { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' } = { maxAge: 0 };
  const maxAge = directives.get('max-age');
  if (typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge)) hint.maxAge = Number(maxAge);
  if (directives.get('private') === true) hint.scope = 'PRIVATE';
  if (directives.get('public') === true) hint.scope = 'PUBLIC';
  policy.restrict(hint);
}

/** Narrows the response's cache policy by a hint (e.g. what is left of a cached part's life). */
export function restrictCachePolicyTo(policy: unknown, hint: CacheHint): void {
  if (isRestrictable(policy)) policy.restrict(hint);
}

function isRestrictable(policy: unknown): policy is RestrictableCachePolicy {
  return typeof policy === 'object' && policy !== null && 'restrict' in policy && typeof policy.restrict === 'function';
}

function parseCacheControl(header: string | undefined): Map<string, string | true> {
  const directives = new Map<string, string | true>();
  if (!header) return directives;
  for (const part of header.trim().split(/\s*,\s*/)) {
    const [name, value] = part.split(/\s*=\s*/, 2);
    directives.set(name ?? '', value === undefined ? true : value.replace(/^"|"$/g, ''));
  }
  return directives;
}
