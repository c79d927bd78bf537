import { UpstreamError } from '#packages/errors/index.js';

/** A provider answer we cannot read as documented: never a half-read fee. */
export function badResponse(upstream: string, operation: string, error: unknown): UpstreamError {
  if (error instanceof UpstreamError) return error;
  return new UpstreamError({
    upstream,
    failure: 'bad-response',
    message: `${upstream} sent an unreadable ${operation} answer`,
    detail: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}
