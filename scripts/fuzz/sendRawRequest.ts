import { connect } from 'node:net';
import type { RawRequest } from './malformedRequest.js';

/** What came back: a status and body, the connection closed with no answer, or nothing in time. */
export type RawAnswer =
  | { readonly kind: 'answered'; readonly status: number; readonly headers: string; readonly body: string; readonly ms: number }
  | { readonly kind: 'closed'; readonly ms: number; readonly error?: string }
  | { readonly kind: 'timeout'; readonly ms: number };

/**
 * Sends `request` as it is written over a new TCP connection and reads the answer until the
 * server closes it (every request says `Connection: close`). A chunked body is decoded.
 */
export function sendRawRequest(port: number, request: RawRequest, timeoutMs: number): Promise<RawAnswer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (answer: RawAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const socket = connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => finish({ kind: 'timeout', ms: elapsed() }), timeoutMs);
    socket.on('connect', () => {
      // Node's HTTP server drops a request whose client half-closes before the answer is written:
      // only a request cut short is ended early; the others wait for the server's `Connection: close`.
      if (request.cutAt === undefined) socket.write(request.bytes);
      else socket.end(request.bytes.subarray(0, request.cutAt));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error) => {
      // a reset after the server answered still leaves its answer
      if (chunks.length > 0) finish(parse(Buffer.concat(chunks), elapsed()));
      else finish({ kind: 'closed', ms: elapsed(), error: error.message });
    });
    socket.on('close', () => finish(chunks.length > 0 ? parse(Buffer.concat(chunks), elapsed()) : { kind: 'closed', ms: elapsed() }));
  });
}

function parse(raw: Buffer, ms: number): RawAnswer {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.subarray(0, split < 0 ? raw.length : split).toString('latin1');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(headers);
  if (!status) return { kind: 'closed', ms, error: `not an HTTP answer: ${JSON.stringify(headers.slice(0, 80))}` };
  const rawBody = split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4);
  const body = /^transfer-encoding:\s*chunked/im.test(headers) ? dechunk(rawBody) : rawBody;
  return { kind: 'answered', status: Number(status[1]), headers, body: body.toString('utf8'), ms };
}

/** The body of a chunked answer (sizes are in bytes, so this works on bytes). */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const line = body.indexOf('\r\n', at);
    if (line < 0) break;
    const size = Number.parseInt(body.subarray(at, line).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(line + 2, line + 2 + size));
    at = line + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
