/**
 * What the supergraph asks of a caller before a schema coordinate (`Type` or `Type.field`) may be
 * read, from the federation's `@authenticated` and `@requiresScopes` directives.
 */
export interface AccessRequirement {
  /** `@authenticated`: the caller must present a key. */
  readonly authenticated: boolean;
  /**
   * Each `@requiresScopes(scopes:)` on the coordinate: every entry must hold; an entry holds when
   * the caller has all the scopes of at least one of its lists (OR of ANDs, as in the spec).
   */
  readonly scopes: readonly (readonly (readonly string[])[])[];
}

/** The requirements of one supergraph, by schema coordinate. Empty when it declares none. */
export type AuthorizationPolicy = ReadonlyMap<string, AccessRequirement>;
