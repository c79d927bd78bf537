import { afterEach, describe, expect, it } from 'vitest';
import { ServiceProcess } from './ServiceProcess.js';
import { superviseStack, type Supervisor } from './superviseStack.js';

const ROOT = new URL('../../', import.meta.url);

describe('superviseStack', () => {
  const services = new Map<string, ServiceProcess>();
  let supervisor: Supervisor | undefined;
  afterEach(async () => {
    supervisor?.stop();
    await Promise.all([...services.values()].map((service) => service.stop()));
    services.clear();
  });

  const start = async (name: string) => {
    const service = new ServiceProcess({ name, entry: 'scripts/stack/fixtures/idleService.ts', env: {}, root: ROOT });
    services.set(name, service);
    service.start();
    await service.waitForLine((line) => (line.startsWith('up ') ? line : undefined), 60_000);
    return service;
  };

  it('restarts a service that died, alone, and leaves the others running', async () => {
    const steady = await start('steady');
    const crashing = await start('crashing');
    const steadyPid = steady.pid;
    const firstPid = crashing.pid!;
    const events: string[] = [];
    supervisor = superviseStack(services, { initialDelayMs: 50, onEvent: ({ service, kind }) => events.push(`${service} ${kind}`) });

    process.kill(firstPid, 'SIGKILL'); // as a crash would
    await expect.poll(() => crashing.pid !== undefined && crashing.pid !== firstPid, { timeout: 30_000 }).toBe(true);
    await crashing.waitForLine((line) => (line === `up ${crashing.pid}` ? line : undefined), 60_000);

    expect(steady.pid).toBe(steadyPid);
    expect(events).toEqual(['crashing exited', 'crashing restarted']);
  });

  it('waits longer before each restart of a service that keeps dying', async () => {
    const crashing = await start('crashing');
    const delays: number[] = [];
    supervisor = superviseStack(services, {
      initialDelayMs: 50,
      onEvent: ({ kind, delayMs }) => void (kind === 'exited' && delays.push(delayMs!)),
    });
    for (let death = 0; death < 3; death++) {
      const pid = crashing.pid!;
      process.kill(pid, 'SIGKILL');
      await expect.poll(() => crashing.pid !== undefined && crashing.pid !== pid, { timeout: 30_000 }).toBe(true);
    }
    expect(delays).toEqual([50, 100, 200]);
  });
});
