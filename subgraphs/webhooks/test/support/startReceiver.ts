import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface Receiver {
  readonly url: string;
  readonly received: ReceivedRequest[];
  /** The status the next requests get, in turn; 200 once they are used up. */
  answerWith(...statuses: number[]): void;
  close(): Promise<void>;
}

/** A real HTTP endpoint on a free local port that keeps every request it gets. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  let statuses: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/tradegraph`,
    received,
    answerWith: (...next) => void (statuses = next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
