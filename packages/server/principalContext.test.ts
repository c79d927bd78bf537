import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log/index.js';
import { PRINCIPAL_HEADER, principalKeyFrom, signPrincipal, type CallerPrincipal } from '../principal/index.js';
import { createApolloServer } from './createApolloServer.js';
import { createGraphQLHttpServer, listen, type RunningServer } from './createGraphQLHttpServer.js';
import { SERVICE_SECRET_HEADER } from './serviceAuth.js';

interface Context {
  principal: CallerPrincipal | undefined;
}

const SECRET = 'the deployment secret, shared by gateway and subgraphs';
const key = principalKeyFrom(SECRET);
const analyst: CallerPrincipal = { keyId: 'a1', tier: 'analyst', scopes: ['insights:read'], marketplaceId: undefined };

describe('a subgraph server given the principal key', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType<unknown, Context>({
        name: 'Query',
        fields: { whoAmI: { type: GraphQLString, resolve: (_source, _args, context) => context.principal?.keyId ?? 'nobody' } },
      }),
    });
    const logger = createLogger('test', { level: 'silent' });
    const apollo = createApolloServer<Context>({ logger, production: false, schema });
    await apollo.start();
    const http = createGraphQLHttpServer<Context>({
      apollo,
      logger,
      access: { serviceSecret: SECRET },
      context: async ({ principal }) => ({ principal }),
    });
    server = await listen(http, '127.0.0.1', 0, () => apollo.stop());
  });
  afterAll(async () => server?.close());

  const whoAmI = async (headers: Record<string, string>, query = '{ whoAmI }') => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: { whoAmI: string }; errors?: Array<{ extensions: { code: string } }> };
    return response.status === 200 ? body.data?.whoAmI : `${response.status} ${body.errors?.[0]?.extensions.code}`;
  };

  it('hands resolvers the principal the gateway signed, and refuses a forged, foreign or missing one', async () => {
    expect(await whoAmI({ [PRINCIPAL_HEADER]: signPrincipal(analyst, key, Date.now()) })).toBe('a1');
    expect(await whoAmI({ [PRINCIPAL_HEADER]: signPrincipal(analyst, principalKeyFrom('elsewhere'), Date.now()) })).toBe(
      '401 UNAUTHENTICATED',
    );
    expect(await whoAmI({ [PRINCIPAL_HEADER]: 'v1.1.e30.AAAA' })).toBe('401 UNAUTHENTICATED');
    expect(await whoAmI({})).toBe('401 UNAUTHENTICATED');
    expect(await whoAmI({}, '{ __typename }')).toBe('401 UNAUTHENTICATED');
  });

  it('answers an internal caller with the service secret, as a caller without a principal', async () => {
    expect(await whoAmI({ [SERVICE_SECRET_HEADER]: SECRET })).toBe('nobody');
    expect(await whoAmI({ [SERVICE_SECRET_HEADER]: `${SECRET}!` })).toBe('401 UNAUTHENTICATED');
  });
});
