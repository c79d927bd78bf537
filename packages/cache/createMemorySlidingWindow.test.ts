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

  it('decides as a log that keeps only the events inside the window would, however long it runs', async () => {
    let now = 0;
    const window = createMemorySlidingWindow({ now: () => now });
    // the reference: every counted time kept, filtered on each hit
    const reference = new Map<string, number[]>();
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let step = 0; step < 20_000; step++) {
      now += Math.floor(random() * 4);
      const key = random() < 0.8 ? 'busy' : 'quiet';
      const limit = key === 'busy' ? 400 : 3;
      const windowMs = key === 'busy' ? 700 : 50;
      const counted = (reference.get(key) ?? []).filter((time) => time > now - windowMs);
      const allowed = counted.length < limit;
      if (allowed) counted.push(now);
      reference.set(key, counted);
      const expected = {
        allowed,
        limit,
        remaining: Math.max(0, limit - counted.length),
        resetMs: counted.length === 0 ? 0 : counted[0]! + windowMs - now,
      };
      expect(await window.hit(key, limit, windowMs)).toEqual(expected);
    }
  });
});
