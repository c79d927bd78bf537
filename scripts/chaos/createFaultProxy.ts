import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * What a fault proxy does to the connections through it: pass them, delay every chunk (`slow`),
 * refuse new ones and drop the open ones (`cut`: the server is gone), or drop the open ones once
 * (`reset`: the server restarted) and pass new ones.
 */
export type ProxyFault = { kind: 'pass' } | { kind: 'slow'; ms: number } | { kind: 'cut' };

export interface FaultProxy {
  readonly name: string;
  readonly port: number;
  /** `host:port` to give the stack instead of the server's own. */
  readonly address: string;
  set(fault: ProxyFault): void;
  /** Drops every open connection now (as a server restart does); new ones pass. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy of our own between the stack and a shared server (PostgreSQL, Redis, NATS): the
 * faults happen here, so the machine's real servers, which other work uses, are never touched.
 */
export async function createFaultProxy(name: string, target: { host: string; port: number }): Promise<FaultProxy> {
  let fault: ProxyFault = { kind: 'pass' };
  const open = new Set<Socket>();
  const drop = () => {
    for (const socket of open) socket.destroy();
    open.clear();
  };

  const server: Server = createServer((client) => {
    if (fault.kind === 'cut') return void client.destroy();
    const upstream = connect(target);
    open.add(client);
    open.add(upstream);
    const pipe = (from: Socket, to: Socket) =>
      from.on('data', (chunk: Buffer) => {
        if (fault.kind !== 'slow') return void to.write(chunk);
        from.pause();
        setTimeout(() => {
          if (!to.destroyed) to.write(chunk);
          from.resume();
        }, fault.ms);
      });
    pipe(client, upstream);
    pipe(upstream, client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on('error', close);
      socket.on('close', close);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    name,
    port,
    address: `127.0.0.1:${port}`,
    set(next) {
      fault = next;
      if (next.kind === 'cut') drop();
    },
    reset: drop,
    close: () =>
      new Promise((resolve) => {
        drop();
        server.close(() => resolve());
      }),
  };
}
