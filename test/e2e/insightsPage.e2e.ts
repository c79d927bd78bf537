import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverBatch } from '#packages/events/index.js';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { createTradeFlowReader } from '#subgraphs/insights/src/ingest/createTradeFlowReader.js';
import { syntheticEvents } from '#subgraphs/insights/src/seed/createSyntheticHistory.js';
import { createDuckDbStore } from '#subgraphs/insights/src/store/createDuckDbStore.js';
import { CHROMIUM, CHROMIUM_FLAGS, chromiumMissing } from '#test/support/chromium.js';

/**
 * The analyst page in headless Chromium against a seeded stack: every chart drawn (SVG with
 * marks), no console error, and no request anywhere but the gateway that served it.
 */

if (chromiumMissing && process.env.CI !== 'true')
  console.warn(`SKIPPING the analyst page test: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const ANALYST_KEY = `tg_${randomBytes(24).toString('base64url')}`;
const CHARTS = ['monthlyByMode', 'topPartners', 'landedCost', 'laneTransit'];

describe.skipIf(chromiumMissing && process.env.CI !== 'true')('the analyst page', () => {
  let stack: RunningStack;
  let browser: BrowserContext;
  let dataDir: string;
  let profile: string;
  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (required in CI)`).toBe(true);
    if (!existsSync(new URL('../../web/dist/insights/main.js', import.meta.url)))
      execFileSync('npx', ['tsx', 'scripts/buildWeb.ts'], { stdio: 'inherit' });
    dataDir = mkdtempSync(join(tmpdir(), 'insights-page-'));
    profile = mkdtempSync(join(tmpdir(), 'insights-chromium-'));
    // Seeded before the stack starts: insights then owns its DuckDB file.
    const store = await createDuckDbStore({ file: join(dataDir, 'insights.duckdb') });
    await store.migrate();
    const reader = createTradeFlowReader({ name: 'seed', store, fallbackRates: async () => ({}) });
    const events = [...syntheticEvents({ orders: 4_000, months: 12 })];
    await deliverBatch(
      reader,
      events.map((event) => ({ payload: JSON.stringify(event), source: 'seed' })),
    );
    await store.close();
    const keyLine = `e2e-page analyst insights:read ${createHash('sha256').update(ANALYST_KEY).digest('hex')}`;
    stack = await launchStack({ ports: 'free', env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', API_KEYS: keyLine } });
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    for (const dir of [dataDir, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws every chart from the API, offline, without console errors', async () => {
    const origin = new URL(stack.gatewayUrl).origin;
    const page = await browser.newPage();
    const problems: string[] = [];
    const elsewhere: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) elsewhere.push(request.url());
    });
    await page.goto(`${origin}/insights#key=${ANALYST_KEY}`);
    for (const chart of CHARTS) await page.waitForSelector(`#${chart}[data-rendered="true"]`, { timeout: 60_000 });
    for (const chart of CHARTS) {
      const marks = await page.$$eval(
        `#${chart} svg path`,
        (paths) => paths.filter((path) => (path.getAttribute('d') ?? '').length > 0).length,
      );
      expect(marks, `marks drawn in #${chart}`).toBeGreaterThan(0);
    }
    expect(await page.textContent('#status')).toMatch(/imports; lane CN-DE/);
    expect(await page.$$eval('#customsRules li', (items) => items.length)).toBeGreaterThan(0);
    if (process.env.INSIGHTS_PAGE_SCREENSHOT) await page.screenshot({ path: process.env.INSIGHTS_PAGE_SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
  }, 120_000);
});
