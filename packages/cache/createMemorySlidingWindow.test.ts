import { describe, expect, it } from 'vitest';
import { createMemorySlidingWindow } from './createMemorySlidingWindow.js';
import { defineSlidingWindowSuite } from './defineSlidingWindowSuite.js';

defineSlidingWindowSuite('createMemorySlidingWindow', async () => createMemorySlidingWindow());

describe('createMemorySlidingWindow', () => {
  it('slides by its clock, to the millisecond', async () => {
    let now = 0;
    const window = createMemorySlidingWindow({ now: () => now });
    expect((await window.hit('k', 1, 1_000)).allowed).toBe(true);
    now = 999;
    expect(await window.hit('k', 1, 1_000)).toEqual({ allowed: false, limit: 1, remaining: 0, resetMs: 1 });
    now = 1_000;
    expect((await window.hit('k', 1, 1_000)).allowed).toBe(true);
  });

  it('forgets the least recently hit key once it tracks maxKeys', async () => {
    const window = createMemorySlidingWindow({ maxKeys: 2 });
    await window.hit('a', 1, 60_000);
    await window.hit('b', 1, 60_000);
    await window.hit('c', 1, 60_000); // forgets a
    expect((await window.hit('a', 1, 60_000)).allowed).toBe(true);
    expect((await window.hit('c', 1, 60_000)).allowed).toBe(false);
  });
});
