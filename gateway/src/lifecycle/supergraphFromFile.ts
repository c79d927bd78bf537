import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '#packages/log/index.js';
import type { ReloadGate } from './createReloadGate.js';

export interface SupergraphFileOptions {
  path: string;
  /** The file's content as already read at start-up. */
  initialSdl: string;
  /** Poll interval for changes, in ms; 0 reloads on SIGHUP only. */
  pollMs: number;
  logger: Logger;
  /** Keeps the swap out of the way of executions under way. */
  gate: ReloadGate;
  /** What @apollo/gateway is handed of each version of the file. Default: the file as it is. */
  handOver?: (supergraphSdl: string) => string;
  /** After each reload attempt: the new SDL (the file's) when it took, or the error when it did not. */
  onReload?: (result: { ok: true; supergraphSdl: string } | { ok: false; error: unknown }) => void;
}

/**
 * Serves the supergraph from its file and reloads it on SIGHUP or when the file changes, through
 * @apollo/gateway's `update` callback: the gateway swaps schema and query planner at once, requests
 * under way finish on the plan they started with, and none is dropped. A file that does not parse
 * or compose (e.g. caught half-written) is refused and the previous supergraph stays in service.
 */
export function supergraphFromFile(options: SupergraphFileOptions): SupergraphSdlHook {
  const { path, logger } = options;
  const handOver = options.handOver ?? ((sdl: string) => sdl);
  return async ({ update }) => {
    let current = options.initialSdl;
    const reload = async (reason: string): Promise<void> => {
      let next: string;
      try {
        next = readFileSync(path, 'utf8');
      } catch (error) {
        logger.error('supergraph reload failed: the file cannot be read; still serving the previous supergraph', { path, reason, error });
        options.onReload?.({ ok: false, error });
        return;
      }
      if (next === current) return;
      try {
        await options.gate.exclusive(() => update(handOver(next)));
        current = next;
        logger.info('supergraph reloaded', { path, reason });
        options.onReload?.({ ok: true, supergraphSdl: next });
      } catch (error) {
        logger.error('supergraph reload failed; still serving the previous supergraph', { path, reason, error });
        options.onReload?.({ ok: false, error });
      }
    };
    // One reload at a time, in the order asked; a reload never throws.
    let queue = Promise.resolve();
    const enqueue = (reason: string): void => {
      queue = queue.then(() => reload(reason));
    };
    const onSignal = (): void => enqueue('SIGHUP');
    process.on('SIGHUP', onSignal);
    const onChange = (): void => enqueue('file changed');
    if (options.pollMs > 0) watchFile(path, { interval: options.pollMs, persistent: false }, onChange);
    return {
      supergraphSdl: handOver(current),
      async cleanup() {
        process.off('SIGHUP', onSignal);
        if (options.pollMs > 0) unwatchFile(path, onChange);
      },
    };
  };
}
