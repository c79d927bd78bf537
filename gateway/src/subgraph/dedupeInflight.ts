/**
 * Shares one in-flight promise between identical calls: the first caller starts the work, the
 * callers that come while it runs get the same promise, and the entry is forgotten once it
 * settles, so nothing is cached beyond the request's own lifetime.
 */
export class InflightDeduplicator<T> {
  private readonly inflight = new Map<string, Promise<T>>();

  /** Runs `start` unless an identical `key` is in flight; `onShared` counts the calls that joined one. */
  run(key: string, start: () => Promise<T>, onShared?: () => void): Promise<T> {
    const running = this.inflight.get(key);
    if (running) {
      onShared?.();
      return running;
    }
    const started = start().finally(() => this.inflight.delete(key));
    this.inflight.set(key, started);
    return started;
  }

  get size(): number {
    return this.inflight.size;
  }
}
