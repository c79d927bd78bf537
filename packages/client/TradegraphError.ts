/** One GraphQL error as the API answers it. */
export interface TradegraphErrorEntry {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

/**
 * The API said no, or could not be reached: `status` is the HTTP status (0 when no answer came),
 * `errors` the GraphQL errors, `code` the first one's `extensions.code`, and `data` whatever part of
 * the answer came with them.
 */
export class TradegraphError extends Error {
  override name = 'TradegraphError';
  readonly code: string | undefined;

  constructor(
    message: string,
    readonly status: number,
    readonly errors: readonly TradegraphErrorEntry[] = [],
    readonly data: unknown = undefined,
  ) {
    super(message);
    this.code = errors[0]?.extensions?.code;
  }
}
