import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse, type DocumentNode } from 'graphql';
import type { SubgraphFault, TestSubgraph } from './TestSubgraph.js';

export interface ServedSubgraph {
  readonly name: string;
  url: string;
  /** Requests received since the last reset. */
  requests: number;
  fault: SubgraphFault;
  close(): Promise<void>;
}

/** Serves a test subgraph over real HTTP on a free port, as a plain graphql-js endpoint. */
export async function serveSubgraph(subgraph: TestSubgraph): Promise<ServedSubgraph> {
  const documents = new Map<string, DocumentNode>();
  const served: ServedSubgraph = {
    name: subgraph.name,
    url: '',
    requests: 0,
    fault: 'none',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      served.requests++;
      if (served.fault === 'down') {
        response.destroy();
        return;
      }
      if (served.fault === 'http500') {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ errors: [{ message: 'subgraph on fire' }] }));
        return;
      }
      if (served.fault === 'garbage') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<html>maintenance</html>');
        return;
      }
      const { query, variables, operationName } = JSON.parse(body) as {
        query: string;
        variables?: Record<string, unknown>;
        operationName?: string;
      };
      let document = documents.get(query);
      if (!document) documents.set(query, (document = parse(query)));
      Promise.resolve(execute({ schema: subgraph.schema, document, variableValues: variables, operationName }))
        .then((result) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(result));
        })
        .catch((error: unknown) => {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end(String(error));
        });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  served.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return served;
}
