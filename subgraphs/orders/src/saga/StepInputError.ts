import type { OrderErrorCode } from '../store/OrderStore.js';

/**
 * A step refused the request for something the client chose (not the quote itself): the failure's
 * user error names that input field, e.g. a payment method the quote's provider does not take.
 */
export class StepInputError extends Error {
  override name = 'StepInputError';

  constructor(
    readonly code: OrderErrorCode,
    readonly field: readonly string[],
    message: string,
  ) {
    super(message);
  }
}
