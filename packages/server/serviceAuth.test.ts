import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_SECRET_FILE, loadServiceSecret } from './serviceAuth.js';

describe('loadServiceSecret', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'service-secret-'));

  it('refuses a configured secret shorter than 32 characters, saying how to make one', () => {
    expect(() => loadServiceSecret({ SERVICE_SECRET: 'x', NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(
      /SERVICE_SECRET must be at least 32 characters \(got 1\).*openssl rand/,
    );
    const secret = 'a'.repeat(32);
    expect(loadServiceSecret({ SERVICE_SECRET: secret, NODE_ENV: 'production', DATA_DIR: dataDir() })).toBe(secret);
  });

  it('fails closed without one outside development: no default anyone could know', () => {
    for (const NODE_ENV of ['production', 'test']) {
      expect(() => loadServiceSecret({ SERVICE_SECRET: undefined, NODE_ENV, DATA_DIR: dataDir() })).toThrow(
        new RegExp(`SERVICE_SECRET is required when NODE_ENV is ${NODE_ENV}`),
      );
    }
  });

  it('in development, makes one per data directory, owner-only, and every service of the directory reads the same', () => {
    const dir = dataDir();
    const first = loadServiceSecret({ SERVICE_SECRET: undefined, NODE_ENV: 'development', DATA_DIR: dir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadServiceSecret({ SERVICE_SECRET: undefined, NODE_ENV: 'development', DATA_DIR: dir })).toBe(first);
    expect(statSync(join(dir, DEVELOPMENT_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(loadServiceSecret({ SERVICE_SECRET: undefined, NODE_ENV: 'development', DATA_DIR: dataDir() })).not.toBe(first);
  });
});
