import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { ServiceProcess } from '#scripts/stack/ServiceProcess.js';
import type { CallCounter } from '../measureTargets.js';
import { composeWorkload } from './composeWorkload.js';

const ROOT = new URL('../../', import.meta.url);

export interface RunningWorkload {
  readonly urls: Readonly<Record<string, string>>;
  /** The supergraph file, routed to the subgraphs of this run. */
  readonly supergraphPath: string;
  /** The subgraphs' own request counters, summed. */
  readonly calls: CallCounter;
  stop(): Promise<void>;
}

/** The public benchmark's four subgraphs in their own process, and a supergraph file routed to them. */
export async function startWorkload(): Promise<RunningWorkload> {
  const subgraphs = new ServiceProcess({
    name: 'workload-subgraphs',
    entry: 'bench/workload/serveWorkloadSubgraphs.ts',
    root: ROOT,
    env: {},
  });
  subgraphs.start();
  try {
    const urls = await subgraphs.waitForLine((line) => {
      try {
        return (JSON.parse(line) as { subgraphs?: Record<string, string> }).subgraphs;
      } catch {
        return undefined;
      }
    }, 60_000);
    const supergraphPath = join(mkdtempSync(join(tmpdir(), 'tradegraph-bench-')), 'supergraph.graphql');
    writeFileSync(supergraphPath, composeWorkload(urls));
    const calls: CallCounter = {
      reset: async () =>
        void (await Promise.all(
          Object.values(urls).map((url) => request(new URL('/__stats', url), { method: 'DELETE' }).then((r) => r.body.dump())),
        )),
      read: async () => {
        const counts = await Promise.all(
          Object.values(urls).map(
            async (url) => ((await (await request(new URL('/__stats', url))).body.json()) as { requests: number }).requests,
          ),
        );
        return counts.reduce((sum, count) => sum + count, 0);
      },
    };
    return { urls, supergraphPath, calls, stop: () => subgraphs.stop() };
  } catch (error) {
    await subgraphs.stop();
    throw error;
  }
}
