import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

/** The message types a client has sent, by their one-letter code (`P` Parse, `B` Bind, `E` Execute, `Q` a simple query). */
export interface ProtocolCounts {
  readonly sent: ReadonlyMap<string, number>;
  reset(): void;
}

export interface CountingProxy extends ProtocolCounts {
  /** `url` with its host and port pointing at the proxy. */
  readonly url: string;
  close(): Promise<void>;
}

/** PostgreSQL's SSLRequest and GSSENCRequest codes: untyped like the startup message, and followed by another. */
const ENCRYPTION_REQUESTS = new Set([80877103, 80877104]);

/**
 * A TCP proxy in front of a PostgreSQL server that forwards every byte both ways and counts the
 * messages clients send, by type (the frontend protocol: after the untyped startup message, one
 * type byte and a length). What a store puts on the wire, seen as the server sees it.
 */
export async function countProtocolMessages(url: string): Promise<CountingProxy> {
  const target = new URL(url);
  const sent = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    upstream.pipe(client);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    let pending = Buffer.alloc(0);
    let started = false;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (!started) {
          if (pending.length < 8) return;
          const length = pending.readInt32BE(0);
          if (pending.length < length) return;
          started = !ENCRYPTION_REQUESTS.has(pending.readInt32BE(4));
          pending = pending.subarray(length);
          continue;
        }
        if (pending.length < 5) return;
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) return;
        const type = String.fromCharCode(pending[0]!);
        sent.set(type, (sent.get(type) ?? 0) + 1);
        pending = pending.subarray(1 + length);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String((server.address() as AddressInfo).port);
  return {
    url: proxied.href,
    sent,
    reset: () => sent.clear(),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
