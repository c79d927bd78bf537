import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file, inside the data directory, that keeps the development key between restarts. */
export const DEVELOPMENT_KEY_FILE = 'development-api-key';

/** What a development key is: a test-mode key (`tg_test_`), 192 random bits. */
const KEY_PATTERN = /^tg_test_[A-Za-z0-9_-]{32}$/;

/**
 * The development API key of a data directory: made once (`tg_test_` and 192 random bits) and
 * kept there, so `npm start` prints the same key on every restart and a browser tab that holds it
 * keeps working. The key itself is kept (not only its hash) because it is shown on every start;
 * it exists only where the development stack runs, and production refuses it.
 */
export function loadDevelopmentKey(dataDir: string): { key: string; created: boolean } {
  const file = join(dataDir, DEVELOPMENT_KEY_FILE);
  const existing = readKey(file);
  if (existing !== undefined) return { key: existing, created: false };
  mkdirSync(dataDir, { recursive: true });
  const key = `tg_test_${randomBytes(24).toString('base64url')}`;
  try {
    // `wx`: if another process made the key in the meantime, use theirs.
    writeFileSync(file, `${key}\n`, { flag: 'wx', mode: 0o600 });
    return { key, created: true };
  } catch {
    const made = readKey(file);
    if (made === undefined) throw new Error(`${file} does not hold a development key; delete it to make a new one`);
    return { key: made, created: false };
  }
}

function readKey(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
  if (!KEY_PATTERN.test(text)) throw new Error(`${file} does not hold a development key; delete it to make a new one`);
  return text;
}
