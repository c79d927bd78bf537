import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface LoadOptions {
  readonly url: string;
  /** The JSON request body (a GraphQL request). */
  readonly body: string;
  /** Headers besides `content-type` (e.g. an API key). Default: none. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly seconds: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Responses that were not 200, or whose body holds `"errors"`, plus socket errors. */
  readonly errors: number;
}

/** Whether wrk is installed; the bench explains how to install it when it is not. */
export function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its version
    return (error as { status?: number }).status === 1;
  }
}

/**
 * Ends the process with an explanation when wrk is missing: every load bench drives its load with
 * wrk (a Debian package) from its own process, so the load generator never shares a process with
 * what it measures.
 */
export function exitWithoutWrk(): void {
  if (hasWrk()) return;
  process.stderr.write(
    'wrk is not installed. The bench drives load with wrk (a Debian package) from its own process, so the\n' +
      'load generator never shares a process with what it measures. Install it with:\n\n' +
      '  apt-get install -y wrk\n\nthen run the bench again.\n',
  );
  process.exit(1);
}

/**
 * Drives `url` with wrk (its own process, one thread) at fixed concurrency for a fixed time,
 * POSTing the same body, and reads back throughput, latency percentiles and errors. A response
 * counts as an error when its status is not 200 or its body carries GraphQL errors.
 */
export async function runWrk(options: LoadOptions): Promise<LoadResult> {
  const script = join(mkdtempSync(join(tmpdir(), 'tradegraph-wrk-')), 'request.lua');
  writeFileSync(script, luaScript(options.body, options.headers ?? {}));
  const { stdout } = await promisify(execFile)(
    'wrk',
    ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '30s', '-s', script, options.url],
    { maxBuffer: 10 * 1024 * 1024 },
  );
  const read = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(stdout)?.[1] ?? Number.NaN);
  const requests = read('REQUESTS');
  return {
    requests,
    rps: requests / (read('DURATION_US') / 1e6),
    p50Ms: read('P50_US') / 1000,
    p99Ms: read('P99_US') / 1000,
    errors: read('ERRORS') + read('SOCKET_ERRORS'),
  };
}

function luaScript(body: string, headers: Readonly<Record<string, string>>): string {
  const extraHeaders = Object.entries(headers)
    .map(([name, value]) => `wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}\n`)
    .join('');
  return `
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
${extraHeaders}wrk.body = [==[${body}]==]
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) errors = 0 end
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then errors = errors + 1 end
end
function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do errors = errors + thread:get("errors") end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("REQUESTS %d\\nDURATION_US %d\\nP50_US %d\\nP99_US %d\\nERRORS %d\\nSOCKET_ERRORS %d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), errors, socket))
end
`;
}
