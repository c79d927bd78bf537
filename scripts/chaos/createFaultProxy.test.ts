import { connect, createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultProxy, type FaultProxy } from './createFaultProxy.js';

/** Sends `text` through the proxy and resolves with the echo, or with what ended the connection. */
function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(text));
    socket.once('data', (data) => {
      resolve(data.toString('utf8'));
      socket.destroy();
    });
    socket.once('error', () => resolve('error'));
    socket.once('close', () => resolve('closed'));
  });
}

describe('createFaultProxy', () => {
  let echo: Server;
  let proxy: FaultProxy;
  beforeAll(async () => {
    echo = createServer((socket) => socket.on('data', (data) => socket.write(data)));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    proxy = await createFaultProxy('echo', { host: '127.0.0.1', port: (echo.address() as { port: number }).port });
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((resolve) => echo.close(resolve));
  });

  it('passes bytes both ways, refuses everything while cut, and passes again after', async () => {
    expect(await roundTrip(proxy.port, 'ping')).toBe('ping');
    proxy.set({ kind: 'cut' });
    expect(await roundTrip(proxy.port, 'ping')).toMatch(/closed|error/);
    proxy.set({ kind: 'pass' });
    expect(await roundTrip(proxy.port, 'pong')).toBe('pong');
  });

  it('delays each chunk while slow, and drops open connections on reset', async () => {
    proxy.set({ kind: 'slow', ms: 300 });
    const started = performance.now();
    expect(await roundTrip(proxy.port, 'slow')).toBe('slow');
    expect(performance.now() - started).toBeGreaterThanOrEqual(550); // two hops of 300 ms, less timer slack
    proxy.set({ kind: 'pass' });

    const socket = connect({ host: '127.0.0.1', port: proxy.port });
    await new Promise((resolve) => socket.once('connect', resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    proxy.reset();
    await closed;
    expect(socket.destroyed).toBe(true);
  });
});
