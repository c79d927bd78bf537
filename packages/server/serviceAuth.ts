import { randomBytes, timingSafeEqual } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import { ConfigError } from '../config/index.js';
import { ErrorCode } from '../errors/index.js';

/** The header internal callers (orders, operators' tools) send the shared service secret in. */
export const SERVICE_SECRET_HEADER = 'x-service-secret';

/** Shortest service secret accepted: 32 characters, as for every other signing secret of the platform. */
export const MIN_SERVICE_SECRET_LENGTH = 32;

/** Where a development service secret is kept, in the data directory shared by the services of one stack. */
export const DEVELOPMENT_SECRET_FILE = 'service.secret';

/**
 * The secret that opens every subgraph: the gateway derives its principal signing key from it, and
 * internal callers present it as it is. A configured secret shorter than 32 characters is refused.
 * Without one, only development (`NODE_ENV=development`, which `npm start` sets) makes one, once
 * per data directory, and every service of that directory reads the same file; production and
 * test fail closed, so a forgotten variable never means a known secret.
 */
export function loadServiceSecret(config: {
  readonly SERVICE_SECRET: string | undefined;
  readonly NODE_ENV: string;
  readonly DATA_DIR: string;
}): string {
  const configured = config.SERVICE_SECRET;
  if (configured !== undefined) {
    if (configured.length < MIN_SERVICE_SECRET_LENGTH) {
      throw new ConfigError(
        'SERVICE_SECRET',
        `must be at least ${MIN_SERVICE_SECRET_LENGTH} characters (got ${configured.length}); make one with \`openssl rand -base64 32\``,
      );
    }
    return configured;
  }
  if (config.NODE_ENV !== 'development') {
    throw new ConfigError(
      'SERVICE_SECRET',
      `is required when NODE_ENV is ${config.NODE_ENV} (only development makes one of its own, in DATA_DIR)`,
    );
  }
  return developmentSecret(config.DATA_DIR);
}

/** Longest wait for a secret file that exists but another process is still writing. */
const PARTIAL_SECRET_WAIT_MS = 2_000;

function developmentSecret(dataDir: string): string {
  const file = join(dataDir, DEVELOPMENT_SECRET_FILE);
  const existing = readSecretFile(file);
  if (existing !== undefined) return existing;
  mkdirSync(dataDir, { recursive: true });
  const made = randomBytes(32).toString('base64url');
  // Written whole under a name of its own, then linked into place: the services of a stack start
  // together, and a file created empty and then written could be read in between.
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(temporary, made, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(temporary, file);
    return made;
  } catch (error) {
    // another service of the stack made it first: use theirs
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  // a file that exists but is still empty is being written by a process that created it first and
  // writes it after (as this code did before it linked its file into place): it fills within moments
  const deadline = Date.now() + PARTIAL_SECRET_WAIT_MS;
  for (;;) {
    const theirs = readSecretFile(file);
    if (theirs !== undefined) return theirs;
    if (Date.now() >= deadline) throw new Error(`${file} exists but holds no usable service secret; delete it to make a new one`);
    // start-up only: a synchronous pause of 20 ms
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}

/** The secret a file holds, or undefined when it is missing, unreadable or too short to be one. */
function readSecretFile(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return text.length >= MIN_SERVICE_SECRET_LENGTH ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a request carries the service secret; compared in constant time, so it cannot be guessed byte by byte. */
export function isServiceCaller(headers: IncomingHttpHeaders, secret: string): boolean {
  const given = headers[SERVICE_SECRET_HEADER];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(secret, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Refuses an internal operation to a caller without the secret (clients through the gateway never have it). */
export function assertServiceCaller(context: { readonly serviceCaller: boolean }): void {
  if (!context.serviceCaller) {
    throw new GraphQLError(`This operation is internal: send the service secret in ${SERVICE_SECRET_HEADER}`, {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
}
