import type { MarketplaceAdapter, OfferRecord } from '../src/adapters/ports.js';

/** Every page of a search, in order, as the catalog would page through it (at most 100 pages). */
export async function walkSearch(adapter: MarketplaceAdapter, query: string): Promise<{ offers: OfferRecord[]; pages: number }> {
  const offers: OfferRecord[] = [];
  let position: string | null = null;
  let pages = 0;
  do {
    const page = await adapter.searchPage({ query, position, signal: AbortSignal.timeout(10_000) });
    offers.push(...page.offers);
    position = page.next;
    pages++;
  } while (position !== null && pages < 100);
  return { offers, pages };
}
