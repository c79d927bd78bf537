import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_KEY_FILE, loadDevelopmentKey } from '#scripts/stack/loadDevelopmentKey.js';

describe("npm start's development key", () => {
  it('is made once per data directory, test-mode, readable by its owner only, and the same on every start', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'tradegraph-devkey-')), 'data');
    const first = loadDevelopmentKey(dataDir);
    expect(first.created).toBe(true);
    expect(first.key).toMatch(/^tg_test_[A-Za-z0-9_-]{32}$/);
    expect(statSync(join(dataDir, DEVELOPMENT_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadDevelopmentKey(dataDir)).toEqual({ key: first.key, created: false });
    const other = loadDevelopmentKey(mkdtempSync(join(tmpdir(), 'tradegraph-devkey-')));
    expect(other.key).not.toBe(first.key);
  });

  it('refuses a file that holds something else, rather than printing it as a key', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tradegraph-devkey-'));
    writeFileSync(join(dataDir, DEVELOPMENT_KEY_FILE), 'tg_live_secret\n');
    expect(() => loadDevelopmentKey(dataDir)).toThrow(/does not hold a development key/);
    expect(readFileSync(join(dataDir, DEVELOPMENT_KEY_FILE), 'utf8')).toBe('tg_live_secret\n');
  });
});
