import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { startTestGateway } from './support/startTestGateway.js';

let subgraphs: FakeSubgraphs;
beforeAll(async () => {
  subgraphs = await startFakeSubgraphs();
});
afterAll(() => subgraphs.close());

/** A private copy of the supergraph, so a test can rewrite it. */
function supergraphCopy(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tradegraph-reload-')), 'supergraph.graphql');
  copyFileSync(subgraphs.supergraphPath, path);
  return path;
}

/** Sends `{ me }` back to back until `until` resolves; returns every status. */
async function trafficDuring(url: string, until: Promise<unknown>, statuses: number[] = []): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const worker = async () => {
    while (!done) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me }"}' });
      const body = (await response.json()) as { errors?: unknown };
      statuses.push(body.errors ? -response.status : response.status);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return statuses;
}

describe('reloading the supergraph', () => {
  it('on a file change, moves traffic to the new routing without failing a request under way', async () => {
    const path = supergraphCopy();
    const gateway = await startTestGateway(path, { SUPERGRAPH_POLL_MS: '50', RESPONSE_CACHE: 'false' });
    try {
      const replica = await subgraphs.startShopReplica();
      // traffic is under way before the file changes, and goes on until the replica has taken some:
      // at least 5 answers before and 6 after, however slow the machine
      const statuses: number[] = [];
      const moved = (async () => {
        await expect.poll(() => statuses.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
        writeFileSync(path, subgraphs.composeSupergraph({ shop: replica.url, rates: subgraphs.rates.url }));
        await expect.poll(() => replica.seen.length, { timeout: 10_000 }).toBeGreaterThan(5);
      })();
      await trafficDuring(gateway.url, moved, statuses);
      expect(statuses.length).toBeGreaterThan(10);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect(gateway.logs.filter((line) => line.msg === 'supergraph reloaded')).toHaveLength(1);
      expect(gateway.gateway.subgraphUrls.get('shop')).toBe(replica.url);
      expect(await (await fetch(`${gateway.origin}/metrics`)).text()).toContain(
        'tradegraph_gateway_supergraph_reloads_total{result="ok"} 1',
      );
    } finally {
      await gateway.close();
    }
  });

  it('fails nothing while reloads follow each other under steady traffic', async () => {
    const path = supergraphCopy();
    const gateway = await startTestGateway(path, { RESPONSE_CACHE: 'false', SUBGRAPH_CACHE: 'false' });
    try {
      const replica = await subgraphs.startShopReplica();
      const routings = [
        subgraphs.composeSupergraph({ shop: replica.url, rates: subgraphs.rates.url }),
        subgraphs.composeSupergraph({ shop: subgraphs.shop.url, rates: subgraphs.rates.url }),
      ];
      const reloads = (async () => {
        for (let i = 1; i <= 12; i++) {
          await new Promise((resolve) => setTimeout(resolve, 30));
          writeFileSync(path, routings[(i + 1) % 2]!); // the replica first: the file starts on the original
          process.emit('SIGHUP', 'SIGHUP');
          await expect.poll(() => gateway.logs.filter((line) => line.msg === 'supergraph reloaded').length).toBe(i);
        }
      })();
      const failures: string[] = [];
      let done = false;
      void reloads.finally(() => (done = true));
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (!done) {
            const answer = await gateway.post({ query: '{ offers(first: 3) { id duty marketplace { name } } }' });
            if (answer.status !== 200 || answer.body.errors) failures.push(`${answer.status} ${JSON.stringify(answer.body.errors)}`);
          }
        }),
      );
      await reloads;
      expect(failures).toEqual([]);
    } finally {
      await gateway.close();
    }
  });

  it('on SIGHUP; a file that does not compose is refused and the previous supergraph keeps serving', async () => {
    const path = supergraphCopy();
    const gateway = await startTestGateway(path, { RESPONSE_CACHE: 'false' });
    try {
      writeFileSync(path, 'this is not a supergraph');
      process.emit('SIGHUP', 'SIGHUP');
      await expect
        .poll(() => gateway.logs.filter((line) => line.msg === 'supergraph reload failed; still serving the previous supergraph'))
        .toHaveLength(1);
      expect((await gateway.post({ query: '{ me }' })).status).toBe(200);

      writeFileSync(path, subgraphs.composeSupergraph({ shop: subgraphs.shop.url, rates: subgraphs.rates.url }) + '\n# touched\n');
      process.emit('SIGHUP', 'SIGHUP');
      await expect
        .poll(() => gateway.logs.filter((line) => line.msg === 'supergraph reloaded' && line.reason === 'SIGHUP'))
        .toHaveLength(1);
      expect((await gateway.post({ query: '{ me }' })).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });
});

describe('graceful shutdown and readiness', () => {
  it('lets in-flight requests finish, then refuses new connections', async () => {
    const gateway = await startTestGateway(subgraphs.supergraphPath, { SHUTDOWN_GRACE_MS: '5000' });
    const inFlight = gateway.post({ query: '{ slow(ms: 600) }' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const stopped = gateway.close();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { slow: 'slept 600' } });
    await stopped;
    await expect(fetch(gateway.url, { method: 'POST', body: '{}' })).rejects.toThrow();
  });

  it('is ready when every subgraph answers, and says which store it shares', async () => {
    const gateway = await startTestGateway(subgraphs.supergraphPath);
    try {
      const ready = await fetch(`${gateway.origin}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        ready: true,
        store: 'memory',
        subgraphs: [
          { name: 'rates', reachable: true },
          { name: 'shop', reachable: true },
        ],
      });
    } finally {
      await gateway.close();
    }
  });
});
