import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log/index.js';
import { createApolloServer } from './createApolloServer.js';
import { createGraphQLHttpServer, listen, type RunningServer } from './createGraphQLHttpServer.js';

/** Texts whose UTF-8 bytes differ from their characters: the body and its length must be UTF-8's. */
const TEXTS: Record<string, string> = {
  ascii: 'Table, 899 EUR',
  latin1: 'Crème brûlée à 4,50 €',
  beyondLatin1: '≤ 22 € → 茶叶 (绿茶)',
  emoji: 'tea 🍵',
  long: `${'Lorem ipsum dolor sit amet, '.repeat(4000)}≤`,
};

describe('response bytes', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: Object.fromEntries(Object.entries(TEXTS).map(([name, text]) => [name, { type: GraphQLString, resolve: () => text }])),
      }),
    });
    const logger = createLogger('test', { level: 'silent' });
    const apollo = createApolloServer({ logger, production: false, schema });
    await apollo.start();
    const http = createGraphQLHttpServer({ apollo, logger, access: 'public', context: async () => ({}) });
    server = await listen(http, '127.0.0.1', 0, () => apollo.stop());
  });
  afterAll(async () => server?.close());

  it.each(Object.keys(TEXTS))('%s: the UTF-8 of the JSON text, with its length', async (name) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${name} }` }),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    // Apollo Server's default stringifyResult ends the text with a newline
    const expected = Buffer.from(`${JSON.stringify({ data: { [name]: TEXTS[name] } })}\n`, 'utf8');
    expect(bytes.equals(expected)).toBe(true);
    expect(Number(response.headers.get('content-length'))).toBe(expected.byteLength);
  });
});
