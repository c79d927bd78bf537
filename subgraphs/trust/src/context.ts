import type DataLoader from 'dataloader';
import type { Logger } from '#packages/log/index.js';
import type { OrderOutcome } from './score/SellerEvidence.js';

/** A seller's orders on the platform, as the track-record store keeps them. */
export interface TrackRecord {
  readonly orders: readonly OrderOutcome[];
  readonly lastEventAt: number | undefined;
}

/** What every trust resolver gets; one per request. */
export interface Context {
  readonly logger: Logger;
  /** Track records by seller id, one store read per request for every seller asked for. */
  readonly trackRecords: DataLoader<string, TrackRecord>;
  now: () => number;
}
