import { UpstreamError } from '#packages/errors/index.js';

/** A vendor answer we could not read: never a guessed rate. */
export function badResponse(carrierId: string, operation: string, error: unknown): UpstreamError {
  return new UpstreamError({
    upstream: carrierId,
    failure: 'bad-response',
    message: `${carrierId} sent an unreadable ${operation} answer`,
    detail: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

/** The vendor refused the whole call (credentials, request shape): retrying will not help. */
export function rejected(carrierId: string, operation: string, status: number, detail: string): UpstreamError {
  return new UpstreamError({
    upstream: carrierId,
    failure: 'rejected',
    status,
    message: `${carrierId} refused ${operation}`,
    detail: detail.slice(0, 300),
  });
}

/** Runs a reader over a vendor payload, turning what it throws into a `bad-response`. */
export function readPayload<T>(carrierId: string, operation: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw badResponse(carrierId, operation, error);
  }
}

/** Splits requests into the vendor's batch size; the calls go out in parallel. */
export async function inBatches<T, R>(items: readonly T[], size: number, call: (batch: readonly T[]) => Promise<R[]>): Promise<R[]> {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return (await Promise.all(batches.map(call))).flat();
}
