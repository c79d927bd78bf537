import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log/index.js';
import { createSandboxServer, type SandboxCall } from './createSandboxServer.js';

describe('the sandbox call log', () => {
  const server = createSandboxServer({
    id: 'test-upstream',
    logger: createLogger('sandbox-test', { level: 'error' }),
    fault: { kind: 'slow', ms: 40 },
    routes: [{ method: 'GET', path: '/quote', endpoint: 'quote', handle: () => ({ body: { ok: true } }) }],
  });
  let url = '';
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const calls = async () => ((await (await fetch(`${url}/__sandbox/calls`)).json()) as { calls: SandboxCall[] }).calls;

  it('lists each answered call under the request id it carried, with its round trip, and forgets them with the stats', async () => {
    await fetch(`${url}/quote`, { headers: { 'x-request-id': 'first-request' } });
    await fetch(`${url}/quote`, { headers: { 'x-request-id': 'second-request' } });
    await fetch(`${url}/__sandbox/stats`); // admin calls are not logged

    const logged = await calls();
    expect(logged.map((call) => [call.upstream, call.endpoint, call.requestId])).toEqual([
      ['test-upstream', 'quote', 'first-request'],
      ['test-upstream', 'quote', 'second-request'],
    ]);
    for (const call of logged) expect(call.answeredAt - call.receivedAt).toBeGreaterThanOrEqual(39); // the slow fault's wait
    expect(logged[1]!.receivedAt).toBeGreaterThanOrEqual(logged[0]!.answeredAt);

    await fetch(`${url}/__sandbox/stats`, { method: 'DELETE' });
    expect(await calls()).toEqual([]);
  });
});
