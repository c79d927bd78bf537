import { createLogger } from '#packages/log/index.js';
import type { SandboxStats, SandboxUpstream } from '#packages/sandbox/index.js';
import { listen, type RunningServer } from '#packages/server/index.js';

export interface TestSandbox {
  readonly url: string;
  setFault(fault: string | null): Promise<void>;
  stats(): Promise<SandboxStats>;
  resetStats(): Promise<void>;
  post(path: string, body: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** Runs a sandbox upstream in this process on a free port: real HTTP, controlled through its admin API. */
export async function startSandbox(upstream: SandboxUpstream): Promise<TestSandbox> {
  const running: RunningServer = await listen(upstream.create({ logger: createLogger(upstream.id, { level: 'silent' }) }), '127.0.0.1', 0);
  const post = (path: string, body: unknown) =>
    fetch(running.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    url: running.url,
    post,
    async setFault(fault) {
      const response = await post('/__sandbox/faults', { fault });
      if (!response.ok) throw new Error(`could not set fault ${fault}: ${await response.text()}`);
    },
    async stats() {
      return (await (await fetch(running.url + '/__sandbox/stats')).json()) as SandboxStats;
    },
    async resetStats() {
      await fetch(running.url + '/__sandbox/stats', { method: 'DELETE' });
    },
    close: () => running.close(),
  };
}
