import type { SlidingWindow } from '#packages/cache/index.js';
import { GatewayErrorCode, gatewayError } from '../gatewayError.js';

export interface FailedKeyThrottle {
  /** Refuses (429) a request from an address that sent too many bad keys, until its window frees. */
  check(address: string): void;
  /** Counts a bad key from `address`; throws the 429 once that is one too many. */
  failed(address: string): Promise<void>;
}

/**
 * Throttles guessing of API keys per client address: `limit` unknown, revoked or malformed keys in
 * a window are answered 401, and after that every request from the address is answered 429
 * until the oldest failure leaves the window. Failures are counted in the shared store, so
 * replicas count together; the block itself is remembered per replica (each learns it at its first
 * failure past the limit), in a map bounded to `maxAddresses`, oldest out first.
 */
export function createFailedKeyThrottle(options: {
  window: SlidingWindow;
  limit: number;
  windowSeconds: number;
  maxAddresses?: number;
  now?: () => number;
  onThrottled?: () => void;
}): FailedKeyThrottle {
  const { limit, windowSeconds } = options;
  const now = options.now ?? Date.now;
  const maxAddresses = options.maxAddresses ?? 10_000;
  const blockedUntil = new Map<string, number>();
  const refuse = (until: number) => {
    options.onThrottled?.();
    const retryAfterSeconds = Math.max(1, Math.ceil((until - now()) / 1000));
    return gatewayError(
      `Too many requests with an invalid API key from this address (${limit} per ${windowSeconds} s); retry in ${retryAfterSeconds} s`,
      {
        code: GatewayErrorCode.RATE_LIMITED,
        status: 429,
        headers: [['retry-after', String(retryAfterSeconds)]],
        details: { limit, windowSeconds, retryAfterSeconds },
      },
    );
  };
  return {
    check(address) {
      const until = blockedUntil.get(address);
      if (until === undefined) return;
      if (until > now()) throw refuse(until);
      blockedUntil.delete(address);
    },
    async failed(address) {
      const decision = await options.window.hit(`failed-key:${address}`, limit, windowSeconds * 1000);
      if (decision.allowed) return;
      const until = now() + Math.max(1_000, decision.resetMs);
      blockedUntil.delete(address);
      blockedUntil.set(address, until);
      if (blockedUntil.size > maxAddresses) blockedUntil.delete(blockedUntil.keys().next().value!);
      throw refuse(until);
    },
  };
}
