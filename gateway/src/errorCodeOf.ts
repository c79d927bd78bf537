/**
 * The `extensions.code` of anything Apollo Server reports as an error. Typed as GraphQLError, but a
 * subgraph that cannot be reached surfaces as a plain Error (no `extensions`): its code is
 * INTERNAL_SERVER_ERROR, as the client is told.
 */
export function errorCodeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}
