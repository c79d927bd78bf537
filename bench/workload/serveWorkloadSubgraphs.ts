/**
 * The benchmark workload's four subgraphs in one process, each on its own port. The public
 * benchmark runs them in Rust, where a subgraph costs next to nothing; here each answer is
 * computed once per distinct request body and then replayed (the data never changes), so the
 * subgraphs take little of the two cores and the gateways are what is measured.
 *
 * Prints one JSON line `{"subgraphs":{"accounts":"http://…/graphql",…}}` when listening.
 * `GET /__stats` gives the requests served, `DELETE /__stats` resets the count.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse } from 'graphql';
import { WORKLOAD_SUBGRAPHS, type WorkloadSubgraph } from './workloadSubgraphs.js';

async function serve(subgraph: WorkloadSubgraph): Promise<string> {
  const answers = new Map<string, string>();
  let requests = 0;
  const server = createServer((request, response) => {
    if (request.url === '/__stats') {
      if (request.method === 'DELETE') requests = 0;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ requests }));
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    const answerRequest = async () => {
      requests++;
      const body = Buffer.concat(chunks).toString('utf8');
      let answer = answers.get(body);
      if (answer === undefined) {
        const { query, variables, operationName } = JSON.parse(body) as {
          query: string;
          variables?: Record<string, unknown>;
          operationName?: string;
        };
        answer = JSON.stringify(
          await execute({ schema: subgraph.schema, document: parse(query), variableValues: variables, operationName }),
        );
        if (answers.size < 10_000) answers.set(body, answer);
      }
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
      response.end(answer);
    };
    // a malformed request is answered 500, never left to crash the benchmark's subgraphs
    request.on('end', () => void answerRequest().catch((error: unknown) => response.writeHead(500).end(String(error))));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const urls: Record<string, string> = {};
for (const subgraph of WORKLOAD_SUBGRAPHS) urls[subgraph.name] = await serve(subgraph);
process.stdout.write(`${JSON.stringify({ subgraphs: urls })}\n`);
process.on('SIGTERM', () => process.exit(0));
