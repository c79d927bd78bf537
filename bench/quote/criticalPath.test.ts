import { describe, expect, it } from 'vitest';
import { call, stageOf } from './callFixtures.js';
import { criticalPath } from './criticalPath.js';

describe('criticalPath', () => {
  it('adds the slowest call of each stage, in stage order, whatever order the calls came in', () => {
    const path = criticalPath(
      [
        call('pay-a', 250, 350),
        call('market-a', 0, 100),
        call('market-b', 5, 120),
        call('carrier-a', 130, 230),
        call('carrier-b', 131, 240),
      ],
      stageOf,
    );
    expect(path.steps.map((s) => [s.upstream, s.ms])).toEqual([
      ['market-b', 115],
      ['carrier-b', 109],
      ['pay-a', 100],
    ]);
    expect(path.ms).toBe(324);
    expect(path.serial.map((s) => s.upstream)).toEqual(['market-b', 'carrier-b', 'pay-a']);
  });

  it('shows calls made one after another that the stages would have run side by side', () => {
    const path = criticalPath(
      [call('market-a', 0, 100), call('carrier-a', 110, 210), call('carrier-b', 215, 315), call('pay-a', 320, 420)],
      stageOf,
    );
    expect(path.ms).toBe(300);
    expect(path.serialMs).toBe(400);
    expect(path.serial.map((s) => s.upstream)).toEqual(['market-a', 'carrier-a', 'carrier-b', 'pay-a']);
  });

  it('is empty for a request that reached no upstream', () => {
    expect(criticalPath([], stageOf)).toMatchObject({ steps: [], ms: 0, serial: [], serialMs: 0, calls: 0 });
  });
});
