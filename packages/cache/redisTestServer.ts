import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/**
 * Test support: whether a Redis answers, and a throwaway redis-server the test owns, so outages
 * can be staged without ever touching the shared Redis.
 */

/** Undefined when `url` answers PING, otherwise why not. */
export async function redisUnavailableReason(url: string): Promise<string | undefined> {
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: null, connectTimeout: 1_000, maxRetriesPerRequest: 0 });
  // The connection error says why (ECONNREFUSED…); the rejection only says the connection closed.
  let cause: string | undefined;
  probe.on('error', (error: Error) => (cause ??= error.message));
  try {
    await probe.connect();
    await probe.ping();
    return undefined;
  } catch (error) {
    return cause ?? (error instanceof Error ? error.message : String(error));
  } finally {
    probe.disconnect();
  }
}

/** Deletes every key starting with `prefix`, by SCAN so a shared Redis is never blocked. */
export async function deleteKeysWithPrefix(url: string, prefix: string): Promise<void> {
  const admin = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await admin.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    admin.disconnect();
  }
}

/** A port nothing listens on right now, found by letting the OS pick one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RedisServer {
  readonly process: ChildProcess;
  /** Stops this server by its own PID and waits until it has exited. */
  stop(): Promise<void>;
}

/** Starts `redis-server` on `port` with nothing persisted, and waits until it answers. */
export async function startRedisServer(port: number): Promise<RedisServer> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve()); // e.g. no redis-server binary: the readiness wait below reports it
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 5_000;
  while ((await redisUnavailableReason(`redis://127.0.0.1:${port}`)) !== undefined) {
    if (Date.now() > deadline || child.exitCode !== null || child.pid === undefined) {
      await stop();
      throw new Error(`redis-server on port ${port} did not start within 5 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { process: child, stop };
}
