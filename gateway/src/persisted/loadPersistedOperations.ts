import { existsSync } from 'node:fs';
import type { Logger } from '#packages/log/index.js';
import { readPersistedOperationManifest, type PersistedOperationManifest } from './PersistedOperationManifest.js';

const EMPTY: PersistedOperationManifest = { format: 'apollo-persisted-query-manifest', version: 1, operations: [] };

/**
 * The registered operations. In `allowlist` mode a missing manifest is fatal (nothing could run);
 * otherwise it only means hashes must be registered by clients first, so it is a warning.
 */
export function loadPersistedOperations(path: string, mode: 'off' | 'apq' | 'allowlist', logger: Logger): PersistedOperationManifest {
  if (existsSync(path)) return readPersistedOperationManifest(path);
  if (mode === 'allowlist') throw new Error(`PERSISTED_QUERIES=allowlist needs the manifest ${path}: run npm run persisted-operations`);
  if (mode === 'apq') logger.warn('no persisted operation manifest: clients register every operation through APQ first', { path });
  return EMPTY;
}
