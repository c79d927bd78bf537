import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { CHROMIUM, CHROMIUM_FLAGS, chromiumMissing } from '#test/support/chromium.js';

/**
 * What a new developer does first, against the real stack as `npm start` runs it (a development
 * key, local rate limits): books an order from the explorer in headless Chromium with the network
 * blocked, and runs `examples/bookOrder.ts`, which books through `packages/client`.
 */

if (chromiumMissing && process.env.CI !== 'true')
  console.warn(`SKIPPING the explorer test: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const DEVELOPMENT_KEY = `tg_test_${randomBytes(24).toString('base64url')}`;
const ROOT = new URL('../../', import.meta.url);

let stack: RunningStack;
beforeAll(async () => {
  if (!existsSync(new URL('web/dist/explorer/main.js', ROOT))) execFileSync('npx', ['tsx', 'scripts/buildWeb.ts'], { stdio: 'inherit' });
  stack = await launchStack({
    ports: 'free',
    env: { LOG_LEVEL: 'warn' },
    gatewayEnv: { DEVELOPMENT_API_KEY: DEVELOPMENT_KEY, RATE_LIMITS: 'developer=6000' },
  });
}, 400_000);
afterAll(async () => {
  await stack?.stop();
});

/** The text of the CodeMirror editor under `selector` (all of it: the page draws only what is in view). */
async function editorText(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
}

describe.skipIf(chromiumMissing && process.env.CI !== 'true')('the explorer', () => {
  let browser: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (required in CI)`).toBe(true);
    profile = mkdtempSync(join(tmpdir(), 'explorer-chromium-'));
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('runs the search example offline, shows a landed cost, and books the quote with the development key', async () => {
    const origin = new URL(stack.gatewayUrl).origin;
    const elsewhere: string[] = [];
    // The network is blocked: only the gateway that served the page answers.
    await browser.route('**/*', (route) => {
      if (route.request().url().startsWith(origin)) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${origin}/`);
    await page.waitForSelector('.graphiql-container .graphiql-execute-button', { timeout: 30_000 });
    expect(await page.textContent('#keyStatus')).toMatch(/Development key filled in/);
    expect(await page.getAttribute('a[href="/insights"]', 'href')).toBe('/insights');

    // The first tab is the contract's search, with variables that run as they are.
    expect(await editorText(page, '.graphiql-query-editor .CodeMirror')).toMatch(/query Search\(/);
    await page.click('.graphiql-execute-button');
    await expect.poll(() => editorText(page, '.result-window .CodeMirror'), { timeout: 60_000, interval: 250 }).toContain('landedCost');
    const searched = JSON.parse(await editorText(page, '.result-window .CodeMirror')) as {
      data: {
        search: {
          edges: Array<{
            node: { availableQuantity: number; shippingOptions: Array<{ landedCost: { quoteId: string; total: { amount: string } } }> };
          }>;
        };
      };
    };
    const quote = searched.data.search.edges
      .filter((edge) => edge.node.availableQuantity > 0)
      .flatMap((edge) => edge.node.shippingOptions)[0]?.landedCost;
    expect(quote?.total.amount).toMatch(/^\d+\.\d{2}$/);

    // The third tab books: paste the quote, run it.
    await page.locator('.graphiql-tab').nth(2).click();
    expect(await editorText(page, '.graphiql-query-editor .CodeMirror')).toMatch(/mutation PlaceOrder\(/);
    await page.$eval(
      '.graphiql-editor-tool .CodeMirror',
      (element, quoteId) => {
        const editor = (element as unknown as { CodeMirror: { getValue(): string; setValue(text: string): void } }).CodeMirror;
        editor.setValue(editor.getValue().replace(/"quoteId": "[^"]*"/, `"quoteId": "${quoteId}"`));
      },
      quote!.quoteId,
    );
    await page.click('.graphiql-execute-button');
    await expect.poll(() => editorText(page, '.result-window .CodeMirror'), { timeout: 60_000, interval: 250 }).toContain('placeOrder');
    const booked = JSON.parse(await editorText(page, '.result-window .CodeMirror')) as {
      data?: { placeOrder: { order: { id: string; status: string } | null; userErrors: unknown[] } };
    };
    expect(booked.data?.placeOrder.userErrors).toEqual([]);
    expect(booked.data?.placeOrder.order?.status).toBe('CONFIRMED');
    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
  }, 180_000);
});

describe('examples/bookOrder.ts', () => {
  it('searches, chooses an option, books and follows the order through packages/client', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'examples/bookOrder.ts', '--url', stack.gatewayUrl, '--key', DEVELOPMENT_KEY],
      { cwd: ROOT, timeout: 120_000 },
    );
    const steps = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { step: string; status?: string; order?: string; idempotencyKey?: string });
    expect(steps.map((step) => step.step)).toEqual(['search', 'choose', 'book', 'follow']);
    const [, , booked, followed] = steps;
    expect(booked?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(followed).toMatchObject({ order: booked?.order, status: 'CONFIRMED' });
  }, 150_000);
});
