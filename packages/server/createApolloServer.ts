import { ApolloServer, type BaseContext } from '@apollo/server';
import type { ApolloServerOptionsWithGateway, ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema, ParseOptions } from 'graphql';
import { formatError } from '../errors/index.js';
import type { Logger } from '../log/index.js';
import { createLeanRequestPath } from './createLeanRequestPath.js';
import { registerLeanRequestPath } from './leanRequestPaths.js';
import { staticCacheControlPlugin } from './staticCacheControlPlugin.js';

export interface ApolloServerOptions<TContext extends BaseContext> {
  logger: Logger;
  production: boolean;
  schema?: GraphQLSchema;
  gateway?: ApolloServerOptionsWithGateway<TContext>['gateway'];
  plugins?: ApolloServerPlugin<TContext>[];
  /** Whether clients may introspect. Default: outside production only. */
  introspection?: boolean;
  /** Automatic persisted queries: where hashes are looked up and registered, or `false` for none. Default: Apollo's in-process cache. */
  persistedQueries?: ApolloServerOptionsWithGateway<TContext>['persistedQueries'];
  /** Limits on parsing, e.g. `maxTokens` so an oversized document is refused before validation. Default: none. */
  parseOptions?: ParseOptions;
  /**
   * Error codes of this service's own vocabulary that are safe to show in production (e.g. the
   * gateway's `RATE_LIMITED`): passed through without their stack instead of being masked. Default: none.
   */
  publicErrorCodes?: readonly string[];
  /** Writes a single result's response text. Default: Apollo's (`JSON.stringify` and a newline). */
  stringifyResult?: ApolloServerOptionsWithGateway<TContext>['stringifyResult'];
  /**
   * Whether Apollo's landing page (its Sandbox, loaded from Apollo's CDN) answers a browser at the
   * GraphQL path. Default: outside production only. The gateway turns it off: it serves its own explorer.
   */
  landingPage?: boolean;
  /**
   * Whether the schema's cache hints are all static `@cacheControl` directives (no resolver calls
   * `info.cacheControl.setCacheHint`): the `cache-control` header is then worked out once per
   * operation (`staticCacheControlPlugin`) instead of by a hook on every resolved field. Only for a
   * `schema`. Default: true.
   */
  staticCacheHints?: boolean;
  /**
   * Whether a JSON POST of one operation whose text was seen before is answered by the lean request
   * path (`createLeanRequestPath`): parsed and validated once, executed and written without Apollo
   * Server's request pipeline, with the same answers. Only for a `schema` with static cache hints
   * and no `plugins`; a service's `SUBGRAPH_LEAN=off` turns it off. Default: true.
   */
  leanRequests?: boolean;
  /** Whether Apollo Server stops itself on SIGINT/SIGTERM. Default: Apollo's (on outside tests); `false` when the caller drains. */
  stopOnTerminationSignals?: boolean;
}

/**
 * Apollo Server as every Tradegraph service runs it: our error masking, our JSON logs, no
 * inline tracing (no Apollo usage reporting is set up), and in production no landing page and no
 * field suggestions.
 */
export function createApolloServer<TContext extends BaseContext>(options: ApolloServerOptions<TContext>): ApolloServer<TContext> {
  const { logger, production } = options;
  const plugins: ApolloServerPlugin<TContext>[] = [ApolloServerPluginInlineTraceDisabled(), ...(options.plugins ?? [])];
  const publicCodes = new Set(options.publicErrorCodes ?? []);
  if (!(options.landingPage ?? !production)) plugins.push(ApolloServerPluginLandingPageDisabled());
  if (options.schema && (options.staticCacheHints ?? true))
    plugins.push(ApolloServerPluginCacheControlDisabled(), staticCacheControlPlugin<TContext>());
  const common = {
    plugins,
    introspection: options.introspection ?? !production,
    includeStacktraceInErrorResponses: !production,
    // "Did you mean …" in validation errors would list the schema's fields to a client that cannot introspect it
    hideSchemaDetailsFromClientErrors: production,
    formatError: (raw: GraphQLFormattedError, error: unknown) => {
      // and in the errors validation does not make (a variable's enum value, an input field)
      const formatted = production ? { ...raw, message: withoutSuggestions(raw.message) } : raw;
      const code = formatted.extensions?.code;
      if (production && typeof code === 'string' && publicCodes.has(code)) {
        const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
        return { ...formatted, extensions };
      }
      return formatError(formatted, error, { production });
    },
    ...(options.persistedQueries !== undefined && { persistedQueries: options.persistedQueries }),
    ...(options.parseOptions !== undefined && { parseOptions: options.parseOptions }),
    ...(options.stopOnTerminationSignals !== undefined && { stopOnTerminationSignals: options.stopOnTerminationSignals }),
    ...(options.stringifyResult !== undefined && { stringifyResult: options.stringifyResult }),
    logger: {
      debug: (message: string) => logger.debug(message),
      info: (message: string) => logger.info(message),
      warn: (message: string) => logger.warn(message),
      error: (message: string) => logger.error(message),
    },
  };
  if (options.gateway) return new ApolloServer<TContext>({ ...common, gateway: options.gateway });
  if (!options.schema) throw new Error('createApolloServer needs a schema or a gateway');
  const server = new ApolloServer<TContext>({ ...common, schema: options.schema });
  // the lean path answers as Apollo Server with these plugins does; a caller's own plugin would be skipped by it
  const lean = (options.leanRequests ?? true) && (options.staticCacheHints ?? true) && (options.plugins ?? []).length === 0;
  if (lean)
    registerLeanRequestPath(
      server,
      createLeanRequestPath(server, options.schema, { apolloStringify: options.stringifyResult === undefined }),
    );
  return server;
}

/** A message without graphql-js's trailing suggestion (` Did you mean "x"?`), which names parts of the schema. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean(.+?)\?$/s, '');
}
