import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { PRODUCTION_TEST_API_KEYS, startTestGateway, type TestGateway } from './support/startTestGateway.js';

/**
 * Where the explorer answers, and what it is told: the page itself runs in Chromium in
 * test/e2e/developerFirstRun.e2e.ts. Here a built page folder of our own stands in for
 * `npm run build:web`'s, so the routes can be seen without bundling.
 */
const DEVELOPMENT_KEY = `tg_test_${'k'.repeat(32)}`;
const SECRET = 's'.repeat(40);
let subgraphs: FakeSubgraphs;
let webDist: string;
beforeAll(async () => {
  subgraphs = await startFakeSubgraphs();
  webDist = mkdtempSync(join(tmpdir(), 'tradegraph-web-'));
  for (const page of ['explorer', 'insights']) {
    mkdirSync(join(webDist, page));
    writeFileSync(join(webDist, page, 'index.html'), `<!doctype html><title>${page}</title>`);
    writeFileSync(join(webDist, page, 'main.js'), '');
  }
});
afterAll(() => subgraphs?.close());

const browse = (url: string) => fetch(url, { headers: { accept: 'text/html,application/xhtml+xml' } });

describe('in development', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(subgraphs.supergraphPath, { WEB_DIST_DIR: webDist, DEVELOPMENT_API_KEY: DEVELOPMENT_KEY });
  });
  afterAll(() => gateway?.close());

  it('serves the explorer at / and to a browser at /graphql, under a policy that allows only this origin', async () => {
    for (const path of ['/', '/graphql']) {
      const page = await browse(`${gateway.origin}${path}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>explorer</title>');
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*font-src 'self'/);
    }
    // a GraphQL client's GET still reaches GraphQL
    const query = await fetch(`${gateway.url}?query=${encodeURIComponent('{ marketplaces { id } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(((await query.json()) as { data: unknown }).data).toEqual({ marketplaces: [{ id: 'cn-jademarket' }, { id: 'br-feira' }] });
  });

  it('tells the page the development key, which books (it holds orders:write)', async () => {
    const settings = await fetch(`${gateway.origin}/explorer/settings.json`);
    expect(settings.headers.get('cache-control')).toBe('no-store');
    expect(await settings.json()).toEqual({ developmentKey: DEVELOPMENT_KEY });
    const booked = await gateway.post({ query: 'mutation { placeOrder(offerId: "offer-1") }' }, { 'x-api-key': DEVELOPMENT_KEY });
    expect(booked.body).toEqual({ data: { placeOrder: 'order for offer-1' } });
  });
});

describe('in production', () => {
  // A function: `webDist` is made in beforeAll, after this block is collected.
  const production = () => ({ NODE_ENV: 'production', SERVICE_SECRET: SECRET, API_KEYS: PRODUCTION_TEST_API_KEYS, WEB_DIST_DIR: webDist });

  it('serves no explorer, and GraphQL answers a browser without loading anything from elsewhere', async () => {
    const gateway = await startTestGateway(subgraphs.supergraphPath, production());
    try {
      expect((await browse(`${gateway.origin}/`)).status).toBe(404);
      const graphql = await browse(gateway.url);
      expect(await graphql.text()).not.toMatch(/<html|cdn|apollographql\.com/i);
      expect((await gateway.post({ query: '{ marketplaces { id } }' })).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });

  it('serves it with EXPLORER=true, without a development key', async () => {
    const gateway = await startTestGateway(subgraphs.supergraphPath, { ...production(), EXPLORER: 'true' });
    try {
      expect((await browse(`${gateway.origin}/`)).status).toBe(200);
      expect(await (await fetch(`${gateway.origin}/explorer/settings.json`)).json()).toEqual({});
    } finally {
      await gateway.close();
    }
  });

  it('refuses to start with a development key', async () => {
    await expect(startTestGateway(subgraphs.supergraphPath, { ...production(), DEVELOPMENT_API_KEY: DEVELOPMENT_KEY })).rejects.toThrow(
      /DEVELOPMENT_API_KEY is refused in production/,
    );
  });
});
