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

  it('starts aborted when the caller already is', () => {
    const caller = AbortSignal.abort(new Error('before'));
    const { signal, done } = deadlineSignal(60_000, caller);
    expect(signal.aborted).toBe(true);
    done();
  });
});
