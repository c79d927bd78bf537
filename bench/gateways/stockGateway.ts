/**
 * Stock `@apollo/gateway` + `@apollo/server` with default settings, as the public benchmark runs
 * it (one process: the benchmark forks one per core, which would only split the same cores).
 *
 *   node --import tsx bench/gateways/stockGateway.ts --supergraph FILE --port N [--service-secret S]
 *
 * Tradegraph's subgraphs answer nothing unsigned: with `--service-secret`, every subgraph call
 * carries it (`x-service-secret`), the one addition to the defaults.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { acceptEnforcedFeatures } from '#gateway/src/authorization/acceptEnforcedFeatures.js';

const { values } = parseArgs({
  options: { supergraph: { type: 'string' }, port: { type: 'string', default: '0' }, 'service-secret': { type: 'string' } },
});
const secret = values['service-secret'];
if (!values.supergraph) throw new Error('--supergraph FILE is required');

// Stock @apollo/gateway refuses the supergraph's access rules (for: SECURITY), which it cannot enforce;
// the benchmark's queries select no field they guard, so it runs over the supergraph without them.
const supergraphSdl = acceptEnforcedFeatures(readFileSync(values.supergraph, 'utf8'));
const server = new ApolloServer({
  gateway: new ApolloGateway({
    supergraphSdl,
    ...(secret !== undefined && {
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource({
          url,
          willSendRequest: ({ request }) => void request.http?.headers.set('x-service-secret', secret),
        }),
    }),
  }),
});
const { url } = await startStandaloneServer(server, { listen: { port: Number(values.port), host: '127.0.0.1' } });
process.stdout.write(`${JSON.stringify({ listening: url.replace(/\/$/, '') })}\n`);
