/** A cache hint: how long, and for whom. */
export interface CacheHint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}

/** A request's overall cache policy, narrowed by each subgraph answer (`restrictCachePolicy`). */
export interface CachePolicy extends CacheHint {
  restrict(hint: CacheHint): void;
  /** The policy, or null when nothing may be cached (no max-age, or 0). */
  policyIfCacheable(): { maxAge: number; scope: 'PUBLIC' | 'PRIVATE' } | null;
}

/**
 * The cache policy Apollo Server starts each request with (its `overallCachePolicy`), with the same
 * rules: the shortest max-age wins, PRIVATE sticks, and no max-age means uncacheable. The lean
 * request path gives it to the engine, and writes the `cache-control` header from it as Apollo
 * Server's cache-control plugin does.
 */
export function newCachePolicy(): CachePolicy {
  return {
    maxAge: undefined,
    scope: undefined,
    restrict(hint) {
      if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge)) this.maxAge = hint.maxAge;
      if (hint.scope !== undefined && this.scope !== 'PRIVATE') this.scope = hint.scope;
    },
    policyIfCacheable() {
      if (this.maxAge === undefined || this.maxAge === 0) return null;
      return { maxAge: this.maxAge, scope: this.scope ?? 'PUBLIC' };
    },
  };
}
