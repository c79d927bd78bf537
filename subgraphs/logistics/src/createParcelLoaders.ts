import DataLoader from 'dataloader';
import type { CarrierAdapter, ParcelRecord } from './adapters/ports.js';

/** One loader per carrier id: tracking numbers in, what the carrier says about each out. */
export type ParcelLoaders = ReadonlyMap<string, DataLoader<string, ParcelRecord>>;

/**
 * Per-request loaders, one per carrier: every label a request reads (many shipments, both legs of a
 * line, tracking and customs documents alike) becomes one batched call per carrier. A failing
 * carrier fails only its own labels.
 */
export function createParcelLoaders(carriers: readonly CarrierAdapter[]): ParcelLoaders {
  return new Map(
    carriers.map((adapter) => [
      adapter.carrier.id,
      new DataLoader<string, ParcelRecord>(async (trackingNumbers) => {
        try {
          return await adapter.track(trackingNumbers);
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          return trackingNumbers.map(() => failure);
        }
      }),
    ]),
  );
}
