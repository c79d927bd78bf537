import { setTimeout as sleep } from 'node:timers/promises';
import { UpstreamError } from '#packages/errors/index.js';
import type { Logger } from '#packages/log/index.js';
import type { OrderStore } from './OrderStore.js';

export interface OrderStoreConnection {
  /**
   * The store, usable at once: until it is connected and migrated every call fails with a
   * retryable `UPSTREAM_UNAVAILABLE`, afterwards each goes to the connected store.
   */
  readonly store: OrderStore;
  /** Resolves once connected and migrated; never rejects (it stops trying on `close`). */
  readonly connected: Promise<void>;
  /** Resolves once the first attempt has succeeded or failed: a store that is there is used from the first request. */
  readonly firstAttempt: Promise<void>;
  /** For `/ready`: connected, or why not and how many attempts so far. */
  status(): { readonly connected: true } | { readonly connected: false; readonly attempts: number; readonly reason: string };
  close(): Promise<void>;
}

export interface ConnectOrderStoreOptions {
  kind: OrderStore['kind'];
  /** Opens and migrates the store; a failure is retried. */
  open: () => Promise<OrderStore>;
  logger: Logger;
  /** First wait after a failure; each next one doubles, with jitter. Default: 500 ms. */
  initialDelayMs?: number;
  /** Longest wait between attempts. Default: 30000 ms. */
  maxDelayMs?: number;
}

/**
 * Opens the order store in the background, retrying with exponential backoff, so a database that
 * is not up yet (or a wrong `DATABASE_URL`) leaves the service running and saying why on `/ready`
 * instead of exiting with a stack trace. Each failed attempt is one warn line.
 */
export function connectOrderStore(options: ConnectOrderStoreOptions): OrderStoreConnection {
  const { kind, logger, initialDelayMs = 500, maxDelayMs = 30_000 } = options;
  let current: OrderStore | undefined;
  let attempts = 0;
  let reason = 'connecting';
  let closed = false;
  const stop = new AbortController();
  let firstAttemptDone: () => void = () => undefined;
  const firstAttempt = new Promise<void>((resolve) => (firstAttemptDone = resolve));

  const connected = (async () => {
    for (;;) {
      attempts++;
      try {
        const store = await options.open();
        if (closed) {
          await store.close();
          firstAttemptDone();
          return;
        }
        current = store;
        if (attempts > 1) logger.info('order store connected', { store: kind, attempts });
        firstAttemptDone();
        return;
      } catch (error) {
        reason = error instanceof Error ? error.message || error.name : String(error);
        const delayMs = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(attempts - 1, 20));
        const waitMs = Math.round(delayMs / 2 + (Math.random() * delayMs) / 2);
        logger.warn('order store unreachable; retrying', { store: kind, attempt: attempts, reason, retryInMs: waitMs });
        firstAttemptDone();
        try {
          await sleep(waitMs, undefined, { signal: stop.signal });
        } catch {
          return; // closed while waiting
        }
      }
    }
  })();

  const notConnected = () =>
    new UpstreamError({
      upstream: `orders store (${kind})`,
      failure: 'unavailable',
      message: `The order store is not reachable yet (${reason}); retry shortly`,
      retryable: true,
      reached: false,
    });

  const close = async () => {
    closed = true;
    stop.abort();
    await current?.close();
  };

  // Every method but `kind` and `close` waits for nothing: before the store is connected it fails at once.
  const store = new Proxy({} as OrderStore, {
    get(_target, property) {
      if (property === 'kind') return kind;
      if (property === 'close') return close;
      // not a thenable, whatever the store has: `await` of this object must not call into it
      if (typeof property !== 'string' || property === 'then') return undefined;
      return (...args: unknown[]) => {
        if (current === undefined) return Promise.reject(notConnected());
        const method = (current as unknown as Record<string, (...a: unknown[]) => unknown>)[property];
        if (typeof method !== 'function') throw new TypeError(`OrderStore has no method ${property}`);
        return method.apply(current, args);
      };
    },
  });

  return {
    store,
    connected,
    firstAttempt,
    status: () => (current !== undefined ? { connected: true } : { connected: false, attempts, reason }),
    close,
  };
}
