import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

  it('in development, waits for a secret file another service has created but not yet written, and uses it', async () => {
    const dir = dataDir();
    const file = join(dir, DEVELOPMENT_SECRET_FILE);
    const theirs = 'b'.repeat(43);
    // as a service that created the file a moment ago: empty now, written 150 ms from now, by another process
    writeFileSync(file, '', { mode: 0o600 });
    const writer = spawn(process.execPath, [
      '-e',
      'setTimeout(() => require("node:fs").writeFileSync(process.argv[1], process.argv[2]), 150)',
      file,
      theirs,
    ]);
    const written = new Promise((resolve) => writer.on('exit', resolve));
    expect(loadServiceSecret({ SERVICE_SECRET: undefined, NODE_ENV: 'development', DATA_DIR: dir })).toBe(theirs);
    await written;
    // nothing of its own left behind
    expect(readdirSync(dir)).toEqual([DEVELOPMENT_SECRET_FILE]);
  });

  it('in development, services starting together all read the one secret the first of them made', async () => {
    const loader = new URL('./serviceAuth.ts', import.meta.url).pathname;
    const script = `import { loadServiceSecret } from ${JSON.stringify(loader)}; process.stdout.write(loadServiceSecret({ SERVICE_SECRET: undefined, NODE_ENV: 'development', DATA_DIR: process.argv[1] }));`;
    for (let round = 0; round < 2; round++) {
      const dir = dataDir();
      const secrets = await Promise.all(
        Array.from({ length: 5 }, () => {
          const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir]);
          let out = '';
          let err = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
          return new Promise<string>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(err)))));
        }),
      );
      expect(new Set(secrets).size).toBe(1);
      expect(secrets[0]!.length).toBeGreaterThanOrEqual(32);
      expect(readdirSync(dir)).toEqual([DEVELOPMENT_SECRET_FILE]);
    }
  }, 60_000);

  it('in development, gives up on a secret file that stays empty, saying how to recover', () => {
    const dir = dataDir();
    writeFileSync(join(dir, DEVELOPMENT_SECRET_FILE), '');
    expect(() => loadServiceSecret({ SERVICE_SECRET: undefined, NODE_ENV: 'development', DATA_DIR: dir })).toThrow(
      /holds no usable service secret; delete it to make a new one/,
    );
  });
});
