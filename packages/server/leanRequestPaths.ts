import type { ApolloServer, BaseContext } from '@apollo/server';
import type { ServeGraphQLPost } from './createGraphQLHttpServer.js';

// ApolloServer is generic in its context; each entry is registered and read with the same server's type
const paths = new WeakMap<ApolloServer<never>, ServeGraphQLPost<never>>();

/** Records the lean request path `createApolloServer` made for a server. */
export function registerLeanRequestPath<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  path: ServeGraphQLPost<TContext>,
): void {
  paths.set(apollo as unknown as ApolloServer<never>, path as unknown as ServeGraphQLPost<never>);
}

/** The lean request path made for a server by `createApolloServer`, if any (a schema, `leanRequests` on). */
export function leanRequestPathOf<TContext extends BaseContext>(apollo: ApolloServer<TContext>): ServeGraphQLPost<TContext> | undefined {
  return paths.get(apollo as unknown as ApolloServer<never>) as unknown as ServeGraphQLPost<TContext> | undefined;
}
