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

const { values } = parseArgs({ options: { supergraph: { type: 'string' }, port: { type: 'string', default: '0' } } });
if (!values.supergraph) throw new Error('--supergraph FILE is required');

const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: readFileSync(values.supergraph, 'utf8') }) });
const { url } = await startStandaloneServer(server, { listen: { port: Number(values.port), host: '127.0.0.1' } });
process.stdout.write(`${JSON.stringify({ listening: url.replace(/\/$/, '') })}\n`);
