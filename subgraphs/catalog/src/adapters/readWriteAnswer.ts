import { UpstreamError } from '#packages/errors/index.js';

/**
 * Reads a vendor's answer to a write. An answer we cannot read is a `bad-response`: the write may
 * have happened, so it is never guessed at; repeating it with the same idempotency key is safe and
 * tells. A `MarketplaceRefusal` (or any `UpstreamError`) thrown by `read` passes through.
 */
export function readWriteAnswer<T>(marketplaceId: string, operation: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    throw new UpstreamError({
      upstream: marketplaceId,
      failure: 'bad-response',
      message: `${marketplaceId} sent an unreadable ${operation} answer`,
      detail: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
}

/** A vendor status word as ours; a word we do not know is unreadable, never guessed (it is about stock and money). */
export function readStatus<T extends string>(table: Readonly<Record<string, T>>, word: string, path: string): T {
  const status = Object.hasOwn(table, word) ? table[word] : undefined;
  if (status === undefined) throw new Error(`${path}: unknown status "${word}"`);
  return status;
}
