import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SERVICE_SECRET } from '#test/support/serviceSecret.js';
import { principalKeyFrom, readCallerPrincipal } from '#packages/principal/index.js';
import { formatApiKeyLine, hashApiKey, parseApiKeyLines } from '../src/keys/ApiKeyRecord.js';
import { createApiKeyAuthenticator } from '../src/keys/createApiKeyAuthenticator.js';
import { generateApiKey } from '../src/keys/generateApiKey.js';
import { readApiKeys } from '../src/keys/readApiKeys.js';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { startTestGateway, type TestGateway } from './support/startTestGateway.js';

const HASH = 'ab'.repeat(32);

describe('API key lines', () => {
  it('read id, tier, scopes, hash and revocation; skip blanks and comments; split API_KEYS on ";"', () => {
    const records = parseApiKeyLines(
      `# keys\nacme developer orders:write,orders:read ${HASH}\n\nold analyst - ${'cd'.repeat(32)} revoked;`,
      'keys.txt',
    );
    expect(records).toEqual([
      { id: 'acme', tier: 'developer', scopes: new Set(['orders:write', 'orders:read']), sha256: HASH, revoked: false },
      { id: 'old', tier: 'analyst', scopes: new Set(), sha256: 'cd'.repeat(32), revoked: true },
    ]);
    expect(parseApiKeyLines(records.map(formatApiKeyLine).join(';'), 'API_KEYS')).toEqual(records);
  });

  it('bind a marketplace-tier key to its marketplace', () => {
    const [bound] = parseApiKeyLines(`feira marketplace insights:read ${HASH} marketplace=br-feira`, 'keys.txt');
    expect(bound).toMatchObject({ tier: 'marketplace', marketplaceId: 'br-feira', revoked: false });
    expect(parseApiKeyLines(formatApiKeyLine(bound!), 'again')).toEqual([bound]);
    expect(parseApiKeyLines(`feira marketplace - ${HASH} marketplace=br-feira revoked`, 'k')[0]).toMatchObject({ revoked: true });
  });

  it.each([
    [`acme boss - ${HASH}`, /tier "boss"/],
    [`acme developer Orders:Write ${HASH}`, /scope "Orders:Write"/],
    ['acme developer - not-a-hash', /64 lower-case hex/],
    [`acme developer - ${HASH} expired`, /unexpected "expired"/],
    [`acme developer -`, /expected/],
    [`ac/me developer - ${HASH}`, /key id/],
    [`acme developer - ${HASH} marketplace=br-feira`, /only a marketplace-tier key/],
    [`acme marketplace - ${HASH} marketplace=`, /unexpected "marketplace="/],
    [`acme marketplace - ${HASH} revoked revoked`, /once each/],
  ])('refuse %s, naming the entry', (line, problem) => {
    expect(() => parseApiKeyLines(`\n${line}`, 'keys.txt')).toThrow(problem);
    expect(() => parseApiKeyLines(`\n${line}`, 'keys.txt')).toThrow(/keys\.txt, entry 2/);
  });

  it('come from the file and the environment together; one id or one hash twice is refused', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'keys-')), 'keys.txt');
    writeFileSync(file, `a developer - ${HASH}\n`);
    expect(readApiKeys({ file, inline: `b analyst - ${'cd'.repeat(32)}` }).map((r) => r.id)).toEqual(['a', 'b']);
    expect(() => readApiKeys({ file, inline: `a analyst - ${'cd'.repeat(32)}` })).toThrow(/listed twice/);
    expect(() => readApiKeys({ file, inline: `b analyst - ${HASH}` })).toThrow(/same hash/);
  });
});

describe('createApiKeyAuthenticator', () => {
  const developer = generateApiKey({ tier: 'developer', scopes: ['orders:write'], id: 'dev' });
  const revoked = generateApiKey({ tier: 'marketplace', scopes: [], id: 'gone' });
  const authenticate = createApiKeyAuthenticator([developer.record, { ...revoked.record, revoked: true }]);
  const statusOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as { extensions: { code: string; http: { status: number } } }).extensions;
    }
    return undefined;
  };

  it('stores only the hash: the key never appears in its line', () => {
    expect(developer.line).not.toContain(developer.key);
    expect(developer.line).toContain(hashApiKey(developer.key));
    expect(developer.key).toMatch(/^tg_[A-Za-z0-9_-]{32}$/);
  });

  it('reads x-api-key or a Bearer token; no key is the lowest tier, counted per client address', () => {
    expect(authenticate({ 'x-api-key': developer.key }, '10.0.0.1')).toMatchObject({
      keyId: 'dev',
      tier: 'developer',
      rateLimitKey: 'key:dev',
    });
    expect(authenticate({ authorization: `Bearer ${developer.key}` }, '10.0.0.1').keyId).toBe('dev');
    expect(authenticate({}, '10.0.0.1')).toMatchObject({ keyId: undefined, tier: 'developer', rateLimitKey: 'anonymous:10.0.0.1' });
  });

  it('answers 401 UNAUTHENTICATED for an unknown, revoked, empty or malformed key', () => {
    for (const headers of [{ 'x-api-key': 'tg_nope' }, { 'x-api-key': revoked.key }, { 'x-api-key': '' }, { authorization: 'Basic abc' }]) {
      expect(
        statusOf(() => authenticate(headers, undefined)),
        JSON.stringify(headers),
      ).toMatchObject({
        code: 'UNAUTHENTICATED',
        http: { status: 401 },
      });
    }
  });
});

describe('npm run apikey', () => {
  it('prints a new key once and the line that stores its hash', () => {
    const output = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'gateway/src/keys/apikeyCli.ts',
        'create',
        '--tier',
        'marketplace',
        '--marketplace',
        'br-feira',
        '--scopes',
        'orders:write',
        '--id',
        'feira',
      ],
      {
        cwd: new URL('../../', import.meta.url),
        encoding: 'utf8',
      },
    );
    const key = /API key \(shown once[^)]*\): (\S+)/.exec(output)?.[1];
    const line = output.trim().split('\n').at(-1)!;
    expect(parseApiKeyLines(line, 'output')).toEqual([
      {
        id: 'feira',
        tier: 'marketplace',
        scopes: new Set(['orders:write']),
        sha256: hashApiKey(key!),
        revoked: false,
        marketplaceId: 'br-feira',
      },
    ]);
  });
});

describe('API keys in the gateway', () => {
  let subgraphs: FakeSubgraphs;
  let gateway: TestGateway;
  const writer = generateApiKey({ tier: 'marketplace', scopes: ['orders:write'], id: 'writer', marketplaceId: 'br-feira' });
  const reader = generateApiKey({ tier: 'analyst', scopes: [], id: 'reader' });
  const analyst = generateApiKey({ tier: 'analyst', scopes: ['insights:read'], id: 'analyst' });
  const revoked = generateApiKey({ tier: 'developer', scopes: ['orders:write'], id: 'revoked' });
  beforeAll(async () => {
    subgraphs = await startFakeSubgraphs();
    gateway = await startTestGateway(subgraphs.supergraphPath, {
      API_KEYS: [writer.line, reader.line, analyst.line, `${revoked.line} revoked`].join(';'),
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraphs?.close();
  });
  const mutation = { query: 'mutation { placeOrder(offerId: "offer-7") }' };

  it('refuses a bad or revoked key with 401 before anything runs', async () => {
    const calls = subgraphs.calls();
    for (const key of ['tg_guessed', revoked.key]) {
      const answer = await gateway.post({ query: '{ marketplaces { id } }' }, { 'x-api-key': key });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await gateway.post({ query: '{ marketplaces { id } }' }, { 'x-api-key': revoked.key })).body.errors?.[0]?.message).toMatch(
      /revoked/,
    );
    expect(subgraphs.calls()).toBe(calls);
  });

  it('needs orders:write for a mutation: 401 without a key, 403 with a key lacking it, none reaching a subgraph', async () => {
    const calls = subgraphs.calls();
    const anonymous = await gateway.post(mutation);
    expect(anonymous.status).toBe(401);
    const lacking = await gateway.post(mutation, { 'x-api-key': reader.key });
    expect(lacking.status).toBe(403);
    expect(lacking.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'orders:write' });
    expect(subgraphs.calls()).toBe(calls);
    const allowed = await gateway.post(mutation, { authorization: `Bearer ${writer.key}` });
    expect(allowed.body).toEqual({ data: { placeOrder: 'order for offer-7' } });
  });

  it('lets an export of trade flows through with insights:read (or a marketplace key), not booking', async () => {
    const exportJob = { query: 'mutation { requestTradeFlowExport }' };
    expect((await gateway.post(exportJob, { 'x-api-key': analyst.key })).body).toEqual({ data: { requestTradeFlowExport: 'export job' } });
    expect((await gateway.post(exportJob, { 'x-api-key': writer.key })).body).toEqual({ data: { requestTradeFlowExport: 'export job' } });
    const lacking = await gateway.post(exportJob, { 'x-api-key': reader.key });
    expect(lacking.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'insights:read' });
    const booking = await gateway.post(mutation, { 'x-api-key': analyst.key });
    expect(booking.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'orders:write' });
  });

  it('never forwards the key to a subgraph', async () => {
    await gateway.post({ query: '{ me }' }, { 'x-api-key': reader.key });
    const seen = subgraphs.shop.seen.at(-1)!;
    expect(seen.headers['x-api-key']).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
  });

  it('tells every subgraph who the caller is, signed so that a subgraph can trust it and a client cannot forge it', async () => {
    const key = principalKeyFrom(TEST_SERVICE_SECRET);
    await gateway.post({ query: '{ me }' }, { 'x-api-key': writer.key, 'x-tradegraph-principal': 'v1.0.forged.sig' });
    expect(readCallerPrincipal(subgraphs.shop.seen.at(-1)!.headers, key, Date.now())).toEqual({
      keyId: 'writer',
      tier: 'marketplace',
      scopes: ['orders:write'],
      marketplaceId: 'br-feira',
    });
    await gateway.post({ query: '{ me }' });
    expect(readCallerPrincipal(subgraphs.shop.seen.at(-1)!.headers, key, Date.now())).toEqual({
      keyId: undefined,
      tier: 'developer',
      scopes: [],
      marketplaceId: undefined,
    });
    expect(readCallerPrincipal(subgraphs.shop.seen.at(-1)!.headers, principalKeyFrom('another deployment'), Date.now())).toBeUndefined();
  });
});
