import type { FallbackReason } from './engineMetrics.js';

/** Thrown while preparing an operation the engine does not execute; the stock executor takes it. */
export class UnsupportedOperationError extends Error {
  override name = 'UnsupportedOperationError';

  constructor(
    readonly reason: FallbackReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}
