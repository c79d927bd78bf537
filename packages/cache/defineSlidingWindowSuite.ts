import { afterEach, describe, expect, it } from 'vitest';
import type { SlidingWindow } from './SlidingWindow.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The behaviour every `SlidingWindow` must share, so rate limits hold the same on Redis and in
 * memory. `create` returns a fresh window whose keys no other test sees.
 */
export function defineSlidingWindowSuite(name: string, create: () => Promise<SlidingWindow>): void {
  describe(`${name} (SlidingWindow conformance)`, () => {
    const opened: SlidingWindow[] = [];
    const open = async (): Promise<SlidingWindow> => {
      const window = await create();
      opened.push(window);
      return window;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((window) => window.close()));
    });

    it('allows `limit` hits, counting down what remains, then refuses', async () => {
      const window = await open();
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push(await window.hit('key:a', 3, 60_000));
      expect(decisions.map((d) => [d.allowed, d.remaining, d.limit])).toEqual([
        [true, 2, 3],
        [true, 1, 3],
        [true, 0, 3],
        [false, 0, 3],
      ]);
      for (const decision of decisions) {
        expect(decision.resetMs).toBeGreaterThan(59_000);
        expect(decision.resetMs).toBeLessThanOrEqual(60_000);
      }
    });

    it('keeps keys apart', async () => {
      const window = await open();
      expect((await window.hit('key:a', 1, 60_000)).allowed).toBe(true);
      expect((await window.hit('key:a', 1, 60_000)).allowed).toBe(false);
      expect((await window.hit('key:b', 1, 60_000)).allowed).toBe(true);
    });

    it('slides: a slot frees once its hit is older than the window, and refusals do not count', async () => {
      const window = await open();
      expect((await window.hit('slide', 2, 600)).allowed).toBe(true);
      await sleep(300);
      expect((await window.hit('slide', 2, 600)).allowed).toBe(true);
      const refused = await window.hit('slide', 2, 600);
      expect(refused.allowed).toBe(false);
      // The first hit leaves the window ~300 ms from now, not 600: refusals never extend it.
      expect(refused.resetMs).toBeLessThanOrEqual(320);
      await sleep(refused.resetMs + 40);
      const freed = await window.hit('slide', 2, 600);
      expect(freed).toMatchObject({ allowed: true, remaining: 0 });
      expect((await window.hit('slide', 2, 600)).allowed).toBe(false);
    });

    it('admits exactly `limit` of many concurrent hits', async () => {
      const window = await open();
      const decisions = await Promise.all(Array.from({ length: 25 }, () => window.hit('burst', 7, 60_000)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(7);
      expect(decisions.filter((d) => !d.allowed).every((d) => d.remaining === 0)).toBe(true);
    });

    it('rejects a limit or a window Redis and memory would read differently', async () => {
      const window = await open();
      for (const [limit, windowMs] of [
        [0, 1000],
        [1.5, 1000],
        [3, 0],
        [3, Number.NaN],
      ] as const) {
        await expect(window.hit('k', limit, windowMs)).rejects.toThrow(RangeError);
      }
    });

    it('reports no errors while healthy', async () => {
      const window = await open();
      await window.hit('healthy', 5, 1000);
      expect(window.stats()).toEqual({ errors: 0 });
    });
  });
}
