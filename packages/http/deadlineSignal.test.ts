import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { deadlineSignal } from './deadlineSignal.js';

describe('deadlineSignal', () => {
  it('aborts with a TimeoutError once the time is up, as AbortSignal.timeout does', async () => {
    const { signal } = deadlineSignal(5);
    await sleep(30);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('never aborts once done: the timer is cleared', async () => {
    const { signal, done } = deadlineSignal(5);
    done();
    await sleep(30);
    expect(signal.aborted).toBe(false);
  });

  it("follows the caller's signal, with its reason, and lets go of it when done", async () => {
    const caller = new AbortController();
    const first = deadlineSignal(60_000, caller.signal);
    const second = deadlineSignal(60_000, caller.signal);
    second.done();
    caller.abort(new Error('the client went away'));
    expect(first.signal.aborted).toBe(true);
    expect((first.signal.reason as Error).message).toBe('the client went away');
    expect(second.signal.aborted).toBe(false);
    first.done();
  });

  it('is shared by many calls without a warning: each lets go of it when done', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const search = deadlineSignal(60_000);
      const calls = Array.from({ length: 24 }, () => deadlineSignal(60_000, search.signal));
      for (let i = 0; i < 24; i++) search.signal.addEventListener('abort', () => undefined, { once: true });
      await sleep(10); // a warning is emitted on the next tick
      expect(warnings.map((warning) => warning.name)).toEqual([]);
      for (const call of calls) call.done();
      search.done();
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('starts aborted when the caller already is', () => {
    const caller = AbortSignal.abort(new Error('before'));
    const { signal, done } = deadlineSignal(60_000, caller);
    expect(signal.aborted).toBe(true);
    done();
  });
});
