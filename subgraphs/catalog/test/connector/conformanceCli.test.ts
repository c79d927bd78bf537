import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '#packages/server/index.js';
import { startSandbox, type TestSandbox } from '#test/support/startSandbox.js';
import { sokoSandbox } from '#upstreams/ke-soko/createSokoSandbox.js';
import { startOffProtocolProxy } from './startOffProtocolProxy.js';

const ROOT = new URL('../../../../', import.meta.url).pathname;

/** `npm run conformance -- marketplace <url> …` as a marketplace runs it: a separate process, its report and exit code. */
function runConformance(baseUrl: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        'subgraphs/catalog/conformance/main.ts',
        'marketplace',
        baseUrl,
        '--key-id',
        'soko-sandbox',
        '--secret-env',
        'SOKO_SECRET',
      ],
      { cwd: ROOT, env: { ...process.env, SOKO_SECRET: sokoSandbox.clientEnvironment.KE_SOKO_SECRET }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

describe('npm run conformance -- marketplace <baseUrl>', () => {
  let soko: TestSandbox;
  let offProtocol: RunningServer;
  beforeAll(async () => {
    soko = await startSandbox(sokoSandbox);
    // The same marketplace, except that its search answers prices as JSON numbers.
    offProtocol = await startOffProtocolProxy(soko.url, '/listings/search', (page) => ({
      ...page,
      listings: (page.listings as Array<{ price: { amount: string } }>).map((listing) => ({
        ...listing,
        price: { ...listing.price, amount: Number(listing.price.amount) },
      })),
    }));
  });
  afterAll(async () => {
    await offProtocol.close();
    await soko.close();
  });

  it(
    'passes the seventh marketplace, Soko: every check the built-in adapters pass, and the protocol’s own',
    { timeout: 120_000 },
    async () => {
      const { code, output } = await runConformance(soko.url);
      expect(output).toContain('as ke-soko, searching "tea"');
      for (const check of [
        'pages through every match exactly once',
        'holds stock once per idempotency key, however often the call is repeated',
        'maps the fault garbage to an UpstreamError (bad-response)',
        'refuses an unsigned request, a stale timestamp and a signature made for another request with 401 UNAUTHENTICATED',
        'calls back an order’s status changes (placed, cancelled), signed with the shared secret',
        'tells each seller’s return policy: whether returns are accepted, the window, who pays return shipping, the restocking fee',
      ]) {
        expect(output).toContain(`✓ ${check}`);
      }
      expect(output).toMatch(/^24 passed, 0 failed, 1 skipped$/m);
      expect(output).toContain('Conformant.');
      expect(code).toBe(0);
    },
  );

  it('fails an implementation that answers off the protocol, showing what was sent and what came back', { timeout: 120_000 }, async () => {
    const { code, output } = await runConformance(offProtocol.url);
    expect(code).toBe(1);
    expect(output).toContain('✗ searches "tea" to the last page');
    expect(output).toContain('answered searchListings off the connector protocol (HTTP 200, listings[0].price.amount');
    expect(output).toMatch(/sent: {5}GET http:\/\/127\.0\.0\.1:\d+\/listings\/search\?q=tea&limit=50/);
    expect(output).toMatch(/got back: HTTP 200\n\s+\{"listings":\[\{"id":"SK-\d+"/);
    expect(output).not.toContain(sokoSandbox.clientEnvironment.KE_SOKO_SECRET); // credentials never in a report
    expect(output).toContain('Not conformant');
  });
});
