import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, currentTestTrigger } from '../log/index.js';
import { PRINCIPAL_HEADER, principalKeyFrom, signPrincipal, type CallerPrincipal } from '../principal/index.js';
import { createApolloServer } from './createApolloServer.js';
import { createGraphQLHttpServer, listen, type RunningServer } from './createGraphQLHttpServer.js';
import { TEST_TRIGGER_HEADER } from '../testmode/index.js';
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
        fields: {
          whoAmI: { type: GraphQLString, resolve: (_source, _args, context) => context.principal?.keyId ?? 'nobody' },
          // what an adapter's upstream call would pass on to its sandbox
          testTrigger: { type: GraphQLString, resolve: () => currentTestTrigger() ?? 'none' },
        },
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

  it('passes a test-mode trigger on only from an internal caller, and only a known one', async () => {
    const trigger = { [TEST_TRIGGER_HEADER]: 'payment_declined' };
    expect(await whoAmI({ [SERVICE_SECRET_HEADER]: SECRET, ...trigger }, '{ whoAmI: testTrigger }')).toBe('payment_declined');
    // a client's header, arriving with the gateway's signed principal, is not honoured
    expect(await whoAmI({ [PRINCIPAL_HEADER]: signPrincipal(analyst, key, Date.now()), ...trigger }, '{ whoAmI: testTrigger }')).toBe(
      'none',
    );
    expect(await whoAmI({ [SERVICE_SECRET_HEADER]: SECRET, [TEST_TRIGGER_HEADER]: 'explode' }, '{ whoAmI: testTrigger }')).toBe('none');
  });
});
