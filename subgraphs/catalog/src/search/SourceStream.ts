import { UpstreamError } from '#packages/errors/index.js';
import type { MarketplaceAdapter, OfferRecord, SearchPage } from '../adapters/ports.js';
import type { SearchSourceModel } from '../models.js';
import type { SourcePosition } from './searchCursor.js';
import type { OfferScreen } from './trustScreen.js';

interface LoadedPage {
  readonly position: string | null;
  readonly page: SearchPage;
  /** The screen's verdict per offer (by index); absent without a screen. */
  readonly screened?: readonly boolean[];
}

/**
 * One marketplace's results for one search, read lazily page by page from a cursor position.
 * Offers are consumed strictly in the marketplace's order, so a position always means
 * "everything before this was shown or filtered out" — which is what makes paging across
 * marketplaces free of repeats and gaps.
 */
export class SourceStream {
  private pages: LoadedPage[] = [];
  /** Index of the page holding the next offer, and of that offer within it. */
  private pageIndex = 0;
  private offerIndex: number;
  private exhausted: boolean;
  private failure: { status: SearchSourceModel['status']; message: string } | undefined;
  private pending: Promise<void> | undefined;
  private latencyMs = 0;
  private calls = 0;
  private droppedForRestrictions = 0;

  constructor(
    readonly adapter: MarketplaceAdapter,
    private readonly query: string,
    private readonly filter: {
      readonly accept: (offer: OfferRecord) => boolean;
      /** Accepted, but no customs mode may carry it to the buyer: skipped and counted. */
      readonly restricted: (offer: OfferRecord) => boolean;
      /** Decided for a whole page at once, after `accept` (e.g. the sellers' trust): offers it refuses are skipped. */
      readonly screen?: OfferScreen;
      /**
       * Settles once `accept` can judge offers (the reference rates it may convert prices at are
       * known): a page that arrives before waits for it; when it fails, so does the page.
       * Default: `accept` can judge at once.
       */
      readonly ready?: Promise<void>;
    },
    private readonly signal: AbortSignal,
    private readonly start: SourcePosition,
  ) {
    this.offerIndex = start.skip;
    this.exhausted = start.done;
  }

  /** Starts reading the first page now, so all marketplaces are asked in parallel. */
  prefetch(): void {
    if (!this.exhausted) void this.head();
  }

  /** The next acceptable offer, reading further pages when needed; undefined when none (or failed). */
  async head(): Promise<OfferRecord | undefined> {
    for (;;) {
      if (this.failure || this.exhausted) return undefined;
      const page = this.pages[this.pageIndex];
      if (page === undefined) {
        await this.load(this.pageIndex === 0 ? this.start.page : (this.pages[this.pageIndex - 1]?.page.next ?? null));
        continue;
      }
      const offer = page.page.offers[this.offerIndex];
      if (offer === undefined) {
        if (page.page.next === null) {
          this.exhausted = true;
          return undefined;
        }
        this.pageIndex++;
        this.offerIndex = 0;
        continue;
      }
      if (this.filter.accept(offer) && page.screened?.[this.offerIndex] !== false) {
        if (!this.filter.restricted(offer)) return offer;
        // Each offer is passed over once: the index moves on, so it is counted once.
        this.droppedForRestrictions++;
      }
      this.offerIndex++;
    }
  }

  /** Marks the current head as shown. */
  take(): void {
    this.offerIndex++;
  }

  /** Where to resume: the page holding the next unshown offer. */
  position(): SourcePosition {
    const page = this.pages[this.pageIndex];
    if (this.exhausted) return { page: null, skip: 0, done: true };
    if (page === undefined)
      return this.pageIndex === 0 ? this.start : { page: this.pages[this.pageIndex - 1]?.page.next ?? null, skip: 0, done: false };
    return { page: page.position, skip: this.offerIndex, done: false };
  }

  /** Whether more may follow, judged from what has been read (no extra vendor call). */
  mayHaveMore(): boolean {
    if (this.failure || this.exhausted) return false;
    const page = this.pages[this.pageIndex];
    if (page === undefined) return true;
    return (
      page.page.offers
        .slice(this.offerIndex)
        .some(
          (offer, index) =>
            this.filter.accept(offer) && page.screened?.[this.offerIndex + index] !== false && !this.filter.restricted(offer),
        ) || page.page.next !== null
    );
  }

  report(): SearchSourceModel {
    if (this.failure)
      return {
        marketplace: this.adapter.marketplace,
        status: this.failure.status,
        latencyMs: this.latencyMs,
        message: this.failure.message,
        droppedForRestrictions: this.droppedForRestrictions,
      };
    const message = this.calls === 0 && this.start.done ? 'No further results for this search' : null;
    return {
      marketplace: this.adapter.marketplace,
      status: 'OK',
      latencyMs: this.latencyMs,
      message,
      droppedForRestrictions: this.droppedForRestrictions,
    };
  }

  private load(position: string | null): Promise<void> {
    this.pending ??= this.fetch(position).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** The screen asked once for the page's offers that pass the other filters; the rest are skipped anyway. */
  private async screenPage(page: SearchPage): Promise<boolean[]> {
    const candidates = page.offers.flatMap((offer, index) => (this.filter.accept(offer) ? [index] : []));
    let verdicts: boolean[];
    try {
      verdicts = await whileNotAborted(
        this.filter.screen!(
          candidates.map((index) => page.offers[index]!),
          this.signal,
        ),
        this.signal,
      );
    } catch (error) {
      if (this.signal.aborted) throw error;
      throw new ScreenFailure(`the page could not be screened: ${error instanceof Error ? error.message : String(error)}`);
    }
    const screened = page.offers.map(() => false);
    candidates.forEach((index, position) => (screened[index] = verdicts[position] ?? false));
    return screened;
  }

  private async fetch(position: string | null): Promise<void> {
    if (this.signal.aborted) {
      this.failure = describeFailure(this.signal.reason, this.signal, this.adapter.marketplace.id);
      return;
    }
    const started = performance.now();
    this.calls++;
    try {
      let page: SearchPage;
      try {
        page = await whileNotAborted(this.adapter.searchPage({ query: this.query, position, signal: this.signal }), this.signal);
      } finally {
        this.latencyMs += Math.round(performance.now() - started);
      }
      await this.filter.ready;
      const screened = this.filter.screen === undefined ? undefined : await this.screenPage(page);
      this.pages.push({ position, page, ...(screened !== undefined && { screened }) });
    } catch (error) {
      this.failure = describeFailure(error, this.signal, this.adapter.marketplace.id);
    }
  }
}

/** Settles no later than the deadline, even if an adapter ignores its signal. */
function whileNotAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined); // its failure no longer matters to anyone; don't let it go unhandled
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function describeFailure(
  error: unknown,
  signal: AbortSignal,
  marketplaceId: string,
): { status: SearchSourceModel['status']; message: string } {
  if (signal.aborted) return { status: 'TIMEOUT', message: `${marketplaceId} did not answer before the search deadline` };
  if (error instanceof ScreenFailure) return { status: 'ERROR', message: `${marketplaceId}: ${error.message}` };
  if (!(error instanceof UpstreamError)) return { status: 'ERROR', message: `${marketplaceId} failed unexpectedly` };
  switch (error.failure) {
    case 'timeout':
      return { status: 'TIMEOUT', message: error.message };
    case 'unavailable':
    case 'rejected':
      return { status: 'UNAVAILABLE', message: error.message };
    case 'rate-limited':
      return { status: 'RATE_LIMITED', message: error.message };
    case 'bad-response':
      return { status: 'ERROR', message: error.message };
  }
}

/** The marketplace answered, but its offers could not be screened (e.g. seller trust unreachable): shown as none, never unfiltered. */
class ScreenFailure extends Error {
  override name = 'ScreenFailure';
}
