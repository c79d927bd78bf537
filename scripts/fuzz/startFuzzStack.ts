import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchStack, type RunningStack } from '../stack/launchStack.js';
import { loadDevelopmentKey } from '../stack/loadDevelopmentKey.js';
import { superviseStack } from '../stack/superviseStack.js';

export interface FuzzStack {
  readonly stack: RunningStack;
  /** The development key, made as `npm start` makes it. */
  readonly apiKey: string;
  /** Hosts of the subgraphs (`127.0.0.1:port`): none may appear in an answer. */
  readonly internalOrigins: readonly string[];
  /** Each unexpected exit of a service while the stack ran (`service (code N)`). */
  readonly exits: readonly string[];
  stop(): Promise<void>;
}

/** Limits raised out of the fuzzer's way: it sends everything from one address with one key, faster than any client. */
const FUZZ_GATEWAY_LIMITS = {
  RATE_LIMITS: 'developer=10000000,marketplace=10000000,analyst=10000000',
  APQ_REGISTRATION_LIMITS: 'developer=10000000,marketplace=10000000,analyst=10000000',
  FAILED_KEY_LIMIT: '1000000',
};

/**
 * The stack as `npm start` runs it (development mode, embedded stores, every service its own
 * process, a service that dies restarted alone), on free ports and in a data folder of its own.
 * Only the gateway's rate limits are raised (`FUZZ_GATEWAY_LIMITS`), so that requests reach the
 * code behind them instead of stopping at 429.
 */
export async function startFuzzStack(options: { onLine?: (service: string, line: string) => void } = {}): Promise<FuzzStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tradegraph-fuzz-'));
  const { key } = loadDevelopmentKey(dataDir);
  const stack = await launchStack({
    ports: 'free',
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'error' },
    gatewayEnv: { DEVELOPMENT_API_KEY: key, ...FUZZ_GATEWAY_LIMITS },
    startTimeoutMs: 240_000,
    ...(options.onLine !== undefined && { onLine: options.onLine }),
  });
  const exits: string[] = [];
  const supervisor = superviseStack(stack.services, {
    onEvent: ({ service, kind, code }) => {
      if (kind === 'exited') exits.push(`${service} (code ${code})`);
    },
  });
  const internalOrigins = Object.values(stack.subgraphUrls).map((url) => new URL(url).host);
  return {
    stack,
    apiKey: key,
    internalOrigins,
    exits,
    async stop() {
      supervisor.stop();
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
