import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes sure `file` exists and only its owner can read or write it (0600), before a library opens
 * it with the process's umask (SQLite and its `-wal`/`-shm` companions, which SQLite creates with
 * the main file's mode): orders hold buyers' names and addresses. A folder it creates is 0700.
 */
export function ensurePrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}
