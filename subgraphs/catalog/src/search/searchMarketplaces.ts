import type { MarketplaceAdapter, OfferRecord } from '../adapters/ports.js';
import type { OfferConnectionModel, OfferEdgeModel } from '../models.js';
import { encodeCursor, type SearchCursor, type SourcePosition } from './searchCursor.js';
import { relevance } from './relevance.js';
import { SourceStream } from './SourceStream.js';

export interface MarketplaceSearch {
  readonly query: string;
  readonly first: number;
  readonly fingerprint: string;
  readonly after: SearchCursor | undefined;
  readonly adapters: readonly MarketplaceAdapter[];
  /** Filters the catalog applies itself, after the vendor's own query. */
  readonly accept: (offer: OfferRecord) => boolean;
  readonly deadlineMs: number;
  /** Signs the cursors handed out. */
  readonly cursorKey: Buffer;
}

const START: SourcePosition = { page: null, skip: 0, done: false };

/**
 * Asks every marketplace in parallel under one deadline and merges their answers: at each
 * step the most relevant of the marketplaces' next offers; between equally relevant ones, the
 * marketplaces take turns. Each edge's cursor holds every marketplace's position at that edge.
 */
export async function searchMarketplaces(search: MarketplaceSearch): Promise<OfferConnectionModel> {
  const signal = AbortSignal.timeout(search.deadlineMs);
  const streams = search.adapters.map(
    (adapter) => new SourceStream(adapter, search.query, search.accept, signal, search.after?.sources[adapter.marketplace.id] ?? START),
  );
  for (const stream of streams) stream.prefetch();

  let turn = search.after?.turn ?? 0;
  const edges: OfferEdgeModel[] = [];
  while (edges.length < search.first) {
    const heads = await Promise.all(streams.map((stream) => stream.head()));
    let best = -1;
    let bestScore = -1;
    for (let step = 0; step < streams.length; step++) {
      const index = (turn + step) % streams.length;
      const head = heads[index];
      if (head === undefined) continue;
      const score = relevance(head, search.query);
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    }
    const chosen = streams[best];
    const node = heads[best];
    if (chosen === undefined || node === undefined) break;
    chosen.take();
    turn = (best + 1) % streams.length;
    edges.push({ node, cursor: encodeCursor(snapshot(search.fingerprint, streams, turn), search.cursorKey) });
  }

  return {
    edges,
    pageInfo: {
      hasNextPage: streams.some((stream) => stream.mayHaveMore()),
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    sources: streams.map((stream) => stream.report()),
  };
}

function snapshot(fingerprint: string, streams: readonly SourceStream[], turn: number): SearchCursor {
  return {
    search: fingerprint,
    turn,
    sources: Object.fromEntries(streams.map((stream) => [stream.adapter.marketplace.id, stream.position()])),
  };
}
