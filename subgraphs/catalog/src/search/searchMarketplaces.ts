import type { ReferenceRates } from '#packages/fx/index.js';
import { deadlineSignal } from '#packages/http/index.js';
import type { MarketplaceAdapter, OfferRecord } from '../adapters/ports.js';
import type { OfferConnectionModel, OfferEdgeModel } from '../models.js';
import { encodeCursor, type SearchCursor, type SourcePosition } from './searchCursor.js';
import { priceInEuroCents } from './priceInEuros.js';
import { relevance } from './relevance.js';
import { SourceStream } from './SourceStream.js';
import type { OfferScreen } from './trustScreen.js';

export interface MarketplaceSearch {
  readonly query: string;
  readonly first: number;
  readonly fingerprint: string;
  readonly after: SearchCursor | undefined;
  readonly adapters: readonly MarketplaceAdapter[];
  /** Filters the catalog applies itself, after the vendor's own query, with the reference rates when they were read. */
  readonly accept: (offer: OfferRecord, rates: ReferenceRates | undefined) => boolean;
  /** Offers the filter accepts but no customs mode may carry to the buyer: left out and counted per source. */
  readonly restricted?: (offer: OfferRecord) => boolean;
  /** Decided for a page of a marketplace's offers at once, after `accept` (`filter.minTrustLevel`). */
  readonly screen?: OfferScreen;
  readonly deadlineMs: number;
  /** Signs the cursors handed out. */
  readonly cursorKey: Buffer;
  /**
   * The day's reference rates, to break relevance ties by price (without them, turns alone) and for
   * `accept`. Read while the marketplaces are asked, not before: a page that arrives first waits
   * for them. When they fail, the search fails with their error.
   */
  readonly rates: Promise<ReferenceRates | undefined>;
}

const START: SourcePosition = { page: null, skip: 0, done: false };

/**
 * Asks every marketplace in parallel under one deadline and merges their answers: at each
 * step the most relevant of the marketplaces' next offers, the cheaper (in euros) between equally
 * relevant ones, and turns between equal ones — with each marketplace held to its fair share of
 * the page (⌈first ÷ marketplaces with results⌉) while others still have offers, so a small
 * seller's marketplace is not pushed off the first page by a cheaper one. Each edge's cursor
 * holds every marketplace's position at that edge.
 */
export async function searchMarketplaces(search: MarketplaceSearch): Promise<OfferConnectionModel> {
  // the deadline's timer is cleared once the page is made (deadlineSignal)
  const deadline = deadlineSignal(search.deadlineMs);
  try {
    return await mergePage(search, deadline.signal);
  } finally {
    deadline.done();
  }
}

async function mergePage(search: MarketplaceSearch, signal: AbortSignal): Promise<OfferConnectionModel> {
  let rates: ReferenceRates | undefined;
  const ratesKnown = search.rates.then((read) => {
    rates = read;
  });
  const accept = (offer: OfferRecord) => search.accept(offer, rates);
  const streams = search.adapters.map(
    (adapter) =>
      new SourceStream(
        adapter,
        search.query,
        {
          accept,
          restricted: search.restricted ?? (() => false),
          ...(search.screen !== undefined && { screen: search.screen }),
          ready: ratesKnown,
        },
        signal,
        search.after?.sources[adapter.marketplace.id] ?? START,
      ),
  );
  for (const stream of streams) stream.prefetch();
  await ratesKnown;

  let turn = search.after?.turn ?? 0;
  const edges: OfferEdgeModel[] = [];
  const taken = streams.map(() => 0);
  let share: number | undefined;
  // A head stays the head until it is taken: rank it once, not at every pick.
  const ranks = new Map<OfferRecord, Rank>();
  const rankOf = (offer: OfferRecord): Rank => {
    let rank = ranks.get(offer);
    if (rank === undefined) {
      rank = { relevance: relevance(offer, search.query), price: priceInEuroCents(offer, rates) };
      ranks.set(offer, rank);
    }
    return rank;
  };
  while (edges.length < search.first) {
    const heads = await Promise.all(streams.map((stream) => stream.head()));
    // Each marketplace's fair share of this page, among those that have anything to show.
    share ??= Math.ceil(search.first / Math.max(1, heads.filter((head) => head !== undefined).length));
    const pick = (withinShare: boolean): number => {
      let best = -1;
      let bestRank: Rank | undefined;
      for (let step = 0; step < streams.length; step++) {
        const index = (turn + step) % streams.length;
        const head = heads[index];
        if (head === undefined || (withinShare && taken[index]! >= share!)) continue;
        const rank = rankOf(head);
        if (bestRank === undefined || outranks(rank, bestRank)) {
          best = index;
          bestRank = rank;
        }
      }
      return best;
    };
    const withinShare = pick(true);
    const best = withinShare >= 0 ? withinShare : pick(false);
    const chosen = streams[best];
    const node = heads[best];
    if (chosen === undefined || node === undefined) break;
    chosen.take();
    taken[best]!++;
    turn = (best + 1) % streams.length;
    edges.push({ node, cursor: encodeCursor(snapshot(search.fingerprint, streams, turn), search.cursorKey) });
  }

  return {
    edges,
    pageInfo: {
      hasNextPage: streams.some((stream) => stream.mayHaveMore()),
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage: search.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
    },
    sources: streams.map((stream) => stream.report()),
  };
}

interface Rank {
  relevance: number;
  price: bigint | undefined;
}

/** More relevant first; then cheaper (an unknown price never outranks a known one); else the earlier turn stands. */
function outranks(a: Rank, b: Rank): boolean {
  if (a.relevance !== b.relevance) return a.relevance > b.relevance;
  if (a.price === undefined || b.price === undefined) return false;
  return a.price < b.price;
}

function snapshot(fingerprint: string, streams: readonly SourceStream[], turn: number): SearchCursor {
  return {
    search: fingerprint,
    turn,
    sources: Object.fromEntries(streams.map((stream) => [stream.adapter.marketplace.id, stream.position()])),
  };
}
