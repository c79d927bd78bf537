import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '#packages/server/index.js';
import { startSandbox, type TestSandbox } from '#test/support/startSandbox.js';
import { sokoSandbox } from '#upstreams/ke-soko/createSokoSandbox.js';
import { startCatalog, type TestCatalog } from '../startCatalog.js';
import { startOffProtocolProxy } from './startOffProtocolProxy.js';

const SEARCH = /* GraphQL */ `
  query ($filter: SearchFilter) {
    search(query: "tea", first: 10, filter: $filter) {
      edges {
        node {
          marketplace {
            id
          }
          seller {
            name
            dispatchAddress {
              lines
              city
              postalCode
              country
            }
          }
        }
      }
      sources {
        marketplace {
          id
        }
        status
        message
      }
    }
  }
`;

interface SearchData {
  search: {
    edges: Array<{ node: { marketplace: { id: string }; seller: { name: string; dispatchAddress: { country: string } } } }>;
    sources: Array<{ marketplace: { id: string }; status: string; message: string | null }>;
  };
}

/** Two connector marketplaces by configuration: Soko, and one that answers search with a listing missing its price. */
describe('a connector marketplace that answers off the protocol', () => {
  let catalog: TestCatalog;
  let soko: TestSandbox;
  let bent: RunningServer;
  beforeAll(async () => {
    soko = await startSandbox(sokoSandbox);
    bent = await startOffProtocolProxy(soko.url, '/listings/search', (page) => ({
      ...page,
      listings: (page.listings as Array<Record<string, unknown>>).map(({ price: _price, ...listing }) => listing),
    }));
    const file = join(mkdtempSync(join(tmpdir(), 'marketplaces-')), 'marketplaces.yaml');
    const entry = (id: string, baseUrl: string) =>
      `  - { id: ${id}, name: ${id}, country: KE, currency: KES, continent: AFRICA, baseUrl: "${baseUrl}", auth: { scheme: hmac, keyIdEnv: KE_SOKO_KEY_ID, secretEnv: KE_SOKO_SECRET } }\n`;
    // ke-soko's URL is overridden by KE_SOKO_URL, to the catalog's own sandbox.
    writeFileSync(file, `marketplaces:\n${entry('ke-soko', 'http://127.0.0.1:4107')}${entry('ke-pembe', bent.url)}`);
    catalog = await startCatalog({ MARKETPLACES_FILE: file });
  });
  afterAll(async () => {
    await catalog.stop();
    await bent.close();
    await soko.close();
  });

  it('is an ERROR source whose message names the field, and never fails the search', async () => {
    const result = await catalog.query<SearchData>(SEARCH, { filter: { marketplaces: ['ke-soko', 'ke-pembe'] } });
    expect(result.errors).toBeUndefined();
    const { edges, sources } = result.data!.search;
    expect(sources).toEqual([
      { marketplace: { id: 'ke-soko' }, status: 'OK', message: null },
      {
        marketplace: { id: 'ke-pembe' },
        status: 'ERROR',
        message: expect.stringMatching(/^ke-pembe answered searchListings off the connector protocol \(HTTP 200, listings\[0\]\.price: /),
      },
    ]);
    expect(edges.length).toBe(10);
    for (const { node } of edges) {
      expect(node.marketplace.id).toBe('ke-soko');
      expect(node.seller.dispatchAddress.country).toBe('KE');
    }
  });
});
