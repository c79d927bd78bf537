import type { ReachCounter } from '#packages/reach/index.js';
import type { OfferConnectionModel } from '../models.js';

/**
 * Counts every offer of a search page as shown by its marketplace, for the buyer country the search
 * shipped to (`filter.shipTo`'s country; none when it named none). In memory only: the counter
 * flushes to orders on its own schedule, so the page is never held up by it.
 */
export function countShown(page: OfferConnectionModel, shipTo: string | null | undefined, reach: ReachCounter): void {
  const perMarketplace = new Map<string, number>();
  for (const edge of page.edges) perMarketplace.set(edge.node.marketplaceId, (perMarketplace.get(edge.node.marketplaceId) ?? 0) + 1);
  const country = shipTo == null ? null : shipTo.slice(0, 2);
  for (const [marketplaceId, shown] of perMarketplace) reach.count({ marketplaceId, country, kind: 'SHOWN' }, shown);
}
