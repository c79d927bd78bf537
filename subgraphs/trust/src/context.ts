import type DataLoader from 'dataloader';
import type { Logger } from '#packages/log/index.js';
import type { PlatformRecord } from './score/PlatformRecord.js';

/** A seller's orders on the platform, summed up at the request's instant. */
export interface TrackRecord {
  readonly record: PlatformRecord;
  readonly lastEventAt: number | undefined;
}

/** What every trust resolver gets; one per request. */
export interface Context {
  readonly logger: Logger;
  /** Track records by seller id, one store read per request for every seller asked for. */
  readonly trackRecords: DataLoader<string, TrackRecord>;
  now: () => number;
}
