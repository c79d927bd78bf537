import { createServer } from 'node:http';
import { listen, type RunningServer } from '#packages/server/index.js';

/**
 * A marketplace that answers off the protocol: it forwards every request to a conformant one
 * (headers, signature and body as they came) and bends the JSON answers of `path` with `bend`.
 */
export async function startOffProtocolProxy(
  targetUrl: string,
  path: string,
  bend: (answer: Record<string, unknown>) => unknown,
): Promise<RunningServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    const forward = async () => {
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host'),
      );
      const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
      const upstream = await fetch(targetUrl + request.url, { method: request.method, headers, body }).catch(() => undefined);
      if (!upstream) {
        response.writeHead(502).end();
        return;
      }
      let text = await upstream.text();
      if (new URL(request.url ?? '/', 'http://proxy').pathname === path && upstream.ok) text = JSON.stringify(bend(JSON.parse(text)));
      response.writeHead(upstream.status, { 'content-type': 'application/json' });
      response.end(text);
    };
    request.on('end', () => void forward().catch(() => response.writeHead(502).end()));
  });
  return listen(server, '127.0.0.1', 0);
}
