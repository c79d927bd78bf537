import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSigningKey } from './loadSigningKey.js';

describe('loadSigningKey', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'keys-'));
  const base = { purpose: 'quote', variable: 'QUOTE_SIGNING_SECRET', secret: undefined, production: false };

  it('refuses to run in production without a configured secret', () => {
    expect(() => loadSigningKey({ ...base, production: true, dataDir: dataDir() })).toThrow(
      /QUOTE_SIGNING_SECRET is required in production/,
    );
  });

  it('refuses a short secret', () => {
    expect(() => loadSigningKey({ ...base, secret: 'short', dataDir: dataDir() })).toThrow(/at least 32/);
  });

  it('in development, makes a key once and keeps it across restarts', () => {
    const dir = dataDir();
    const first = loadSigningKey({ ...base, dataDir: dir });
    expect(first.length).toBe(32);
    expect(loadSigningKey({ ...base, dataDir: dir }).equals(first)).toBe(true);
    expect(loadSigningKey({ ...base, purpose: 'cursor', dataDir: dir }).equals(first)).toBe(false);
  });
});
