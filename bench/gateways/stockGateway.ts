/**
 * Stock `@apollo/gateway` + `@apollo/server` with default settings, as the public benchmark runs
 * it (one process: the benchmark forks one per core, which would only split the same cores).
 *
 *   node --import tsx bench/gateways/stockGateway.ts --supergraph FILE --port N
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { acceptEnforcedFeatures } from '#gateway/src/authorization/acceptEnforcedFeatures.js';

const { values } = parseArgs({ options: { supergraph: { type: 'string' }, port: { type: 'string', default: '0' } } });
if (!values.supergraph) throw new Error('--supergraph FILE is required');

// Stock @apollo/gateway refuses the supergraph's access rules (for: SECURITY), which it cannot enforce;
// the benchmark's queries select no field they guard, so it runs over the supergraph without them.
const supergraphSdl = acceptEnforcedFeatures(readFileSync(values.supergraph, 'utf8'));
const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
const { url } = await startStandaloneServer(server, { listen: { port: Number(values.port), host: '127.0.0.1' } });
process.stdout.write(`${JSON.stringify({ listening: url.replace(/\/$/, '') })}\n`);
