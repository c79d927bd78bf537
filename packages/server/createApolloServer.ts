import { ApolloServer, type BaseContext } from '@apollo/server';
import type { ApolloServerOptionsWithGateway, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { formatError } from '../errors/index.js';
import type { Logger } from '../log/index.js';

export interface ApolloServerOptions<TContext extends BaseContext> {
  logger: Logger;
  production: boolean;
  schema?: GraphQLSchema;
  gateway?: ApolloServerOptionsWithGateway<TContext>['gateway'];
  plugins?: ApolloServerPlugin<TContext>[];
  /** Whether clients may introspect. Default: outside production only. */
  introspection?: boolean;
}

/**
 * Apollo Server as every Tradegraph service runs it: our error masking, our JSON logs, no
 * inline tracing (no Apollo usage reporting is set up), no landing page in production.
 */
export function createApolloServer<TContext extends BaseContext>(options: ApolloServerOptions<TContext>): ApolloServer<TContext> {
  const { logger, production } = options;
  const plugins: ApolloServerPlugin<TContext>[] = [ApolloServerPluginInlineTraceDisabled(), ...(options.plugins ?? [])];
  if (production) plugins.push(ApolloServerPluginLandingPageDisabled());
  const common = {
    plugins,
    introspection: options.introspection ?? !production,
    includeStacktraceInErrorResponses: !production,
    formatError: (formatted: Parameters<typeof formatError>[0], error: unknown) => formatError(formatted, error, { production }),
    logger: {
      debug: (message: string) => logger.debug(message),
      info: (message: string) => logger.info(message),
      warn: (message: string) => logger.warn(message),
      error: (message: string) => logger.error(message),
    },
  };
  if (options.gateway) return new ApolloServer<TContext>({ ...common, gateway: options.gateway });
  if (!options.schema) throw new Error('createApolloServer needs a schema or a gateway');
  return new ApolloServer<TContext>({ ...common, schema: options.schema });
}
