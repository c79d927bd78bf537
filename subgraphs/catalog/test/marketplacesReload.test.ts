import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { freePorts } from '#scripts/stack/freePorts.js';
import { ServiceProcess } from '#scripts/stack/ServiceProcess.js';
import { principalHeaders, TEST_SERVICE_SECRET } from '#test/support/serviceSecret.js';

const ROOT = new URL('../../../', import.meta.url);
const entry = (id: string, name: string) => `  - id: ${id}
    name: ${name}
    country: KE
    currency: KES
    continent: AFRICA
    baseUrl: http://127.0.0.1:9
    auth:
      scheme: hmac
      keyIdEnv: KE_KEY_ID
      secretEnv: KE_SECRET
`;

/** The catalog as its own process, reading a MARKETPLACES_FILE of the test's. */
async function startCatalog(file: string): Promise<{ service: ServiceProcess; url: string }> {
  const [port] = await freePorts(1);
  const service = new ServiceProcess({
    name: 'catalog',
    entry: 'subgraphs/catalog/src/main.ts',
    root: ROOT,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      MARKETPLACES_FILE: file,
      KE_KEY_ID: 'k',
      KE_SECRET: 's',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'catalog-')),
      SERVICE_SECRET: TEST_SERVICE_SECRET,
    },
  });
  service.start();
  return { service, url: `http://127.0.0.1:${port}` };
}

async function marketplaces(url: string): Promise<string[]> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...principalHeaders() },
    body: JSON.stringify({ query: '{ marketplaces { id } }' }),
  });
  return ((await response.json()) as { data: { marketplaces: Array<{ id: string }> } }).data.marketplaces.map((m) => m.id);
}

describe('MARKETPLACES_FILE in a running catalog', () => {
  let running: ServiceProcess | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it('stops start-up at a bad entry, naming its line and field', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'marketplaces-')), 'marketplaces.yaml');
    writeFileSync(file, `marketplaces:\n${entry('ke-soko', 'Soko').replace('currency: KES', 'currency: SHILLING')}`);
    const { service } = await startCatalog(file);
    running = service;
    const line = await service.waitForLine((text) => (text.startsWith('catalog did not start') ? text : undefined), 60_000);
    expect(line).toBe(
      `catalog did not start: MARKETPLACES_FILE ${file} line 5: marketplaces[0] ("ke-soko") currency must be an ISO 4217 currency code, e.g. KES`,
    );
  });

  it('reloads on SIGHUP; a bad file keeps the marketplaces it had and says why', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'marketplaces-')), 'marketplaces.yaml');
    writeFileSync(file, `marketplaces:\n${entry('ke-soko', 'Soko')}`);
    const { service, url } = await startCatalog(file);
    running = service;
    await service.waitForHttp(`${url}/health`, 60_000);
    const builtIn = (await marketplaces(url)).filter((id) => id !== 'ke-soko');
    expect(await marketplaces(url)).toEqual([...builtIn, 'ke-soko']);
    expect(builtIn).toHaveLength(6);

    writeFileSync(file, `marketplaces:\n${entry('ke-soko', 'Soko')}${entry('ke-duka', 'Duka')}`);
    process.kill(service.pid!, 'SIGHUP');
    await service.waitForLine((text) => (text.includes('MARKETPLACES_FILE reloaded') ? text : undefined), 30_000);
    expect(await marketplaces(url)).toEqual([...builtIn, 'ke-soko', 'ke-duka']);

    writeFileSync(file, `marketplaces:\n${entry('ke-soko', 'Soko')}${entry('ke-duka', 'Duka').replace('country: KE', 'country: Kenya')}`);
    process.kill(service.pid!, 'SIGHUP');
    const refused = await service.waitForLine((text) => (text.includes('reload refused') ? text : undefined), 30_000);
    expect(refused).toContain('line 14: marketplaces[1] (\\"ke-duka\\") country must be an ISO 3166-1 alpha-2 country code');
    await sleep(100);
    expect(await marketplaces(url)).toEqual([...builtIn, 'ke-soko', 'ke-duka']);
  });
});
