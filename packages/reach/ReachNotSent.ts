import type { ReachCount } from './ReachCount.js';

/**
 * A batch sent in part: `unsent` are the counts that did not reach the store, so the counter keeps
 * those alone (keeping what was written as well would count it twice).
 */
export class ReachNotSent extends Error {
  constructor(
    message: string,
    readonly unsent: readonly ReachCount[],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ReachNotSent';
  }
}
