import { describe, expect, it } from 'vitest';
import { createReloadGate } from '../src/lifecycle/createReloadGate.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createReloadGate', () => {
  it('swaps only once the executions under way are done, and holds new ones until it has', async () => {
    const gate = createReloadGate();
    const events: string[] = [];
    const execution = (name: string, ms: number) =>
      gate.run(async () => {
        events.push(`${name} start`);
        await sleep(ms);
        events.push(`${name} end`);
      });
    const first = execution('a', 60);
    await sleep(5);
    const swapped = gate.exclusive(() => events.push('swap'));
    const later = execution('b', 1);
    await Promise.all([first, swapped, later]);
    expect(events).toEqual(['a start', 'a end', 'swap', 'b start', 'b end']);
  });

  it('swaps at once when idle, and lets executions go on after a swap that throws', async () => {
    const gate = createReloadGate();
    await expect(
      gate.exclusive(() => {
        throw new Error('not a supergraph');
      }),
    ).rejects.toThrow('not a supergraph');
    await expect(gate.run(async () => 'ran')).resolves.toBe('ran');
  });
});
