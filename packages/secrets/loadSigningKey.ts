import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SigningKeyOptions {
  /** What the key signs, e.g. `search-cursor`; names the file a development key is kept in. */
  purpose: string;
  /** The configured secret, if any. */
  secret: string | undefined;
  /** The variable that would hold it, for the error message. */
  variable: string;
  production: boolean;
  /** Where a development key is kept between restarts. */
  dataDir: string;
}

/**
 * The HMAC key for tokens we hand out and must later trust (cursors, quotes). Production must
 * configure it, so every replica signs alike; development makes one once and keeps it in the data
 * directory, so tokens survive a restart.
 */
export function loadSigningKey(options: SigningKeyOptions): Buffer {
  if (options.secret !== undefined) {
    if (options.secret.length < 32) throw new Error(`${options.variable} must be at least 32 characters`);
    return Buffer.from(options.secret, 'utf8');
  }
  if (options.production) throw new Error(`${options.variable} is required in production`);
  const file = join(options.dataDir, `${options.purpose}.key`);
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch {
    const key = randomBytes(32);
    mkdirSync(options.dataDir, { recursive: true });
    // `wx`: if another process made the key in the meantime, use theirs.
    try {
      writeFileSync(file, key.toString('base64'), { flag: 'wx', mode: 0o600 });
      return key;
    } catch {
      return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    }
  }
}
