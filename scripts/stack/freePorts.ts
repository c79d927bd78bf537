import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

/** Lowest port handed out: below it are the well-known and registered services a machine may run. */
const LOWEST_PORT = 10_000;
/** Tries at random ports before falling back to ports the kernel picks. */
const MAX_TRIES = 200;

/**
 * `count` distinct ports that were free a moment ago on 127.0.0.1. They are held open together
 * and released together, so two services of one stack are never handed the same port.
 *
 * They are taken below the kernel's ephemeral range (`ip_local_port_range`, 32768–60999 by
 * default): a port from that range, released here and bound seconds later by a service still
 * starting, can meanwhile become the local port of any outgoing connection or of another
 * process's `listen(0)`, and the service fails with EADDRINUSE on a busy machine. Ports below it
 * are never handed out by the kernel on its own. Where the range cannot be read, the kernel picks.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  const ceiling = ephemeralRangeStart();
  try {
    for (let tries = 0; servers.length < count && ceiling !== undefined && tries < MAX_TRIES; tries++) {
      const port = LOWEST_PORT + Math.floor(Math.random() * (ceiling - LOWEST_PORT));
      const server = await listening(port);
      if (server !== undefined) servers.push(server);
    }
    while (servers.length < count) {
      const server = await listening(0);
      if (server === undefined) throw new Error('no free port on 127.0.0.1');
      servers.push(server);
    }
    return servers.map((server) => {
      const address = server.address();
      return typeof address === 'object' && address !== null ? address.port : 0;
    });
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }
}

/** A server listening on `port` of 127.0.0.1 (0: one the kernel picks), or undefined if it is taken. */
function listening(port: number): Promise<Server | undefined> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** The first port of the kernel's ephemeral range, if this is Linux and it leaves room below it. */
function ephemeralRangeStart(): number | undefined {
  try {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(start) && start > LOWEST_PORT + 1_000 ? start : undefined;
  } catch {
    return undefined;
  }
}
