/**
 * Runs the public federation audit (github.com/graphql-hive/federation-gateway-audit) against the
 * gateway as `npm run gateway` starts it, and prints pass/fail counts per case and in total:
 *
 *   npm run audit -- /path/to/federation-gateway-audit [--case ID]
 *
 * The suite lives outside this repository (clone it anywhere). On the first run this script
 * installs its runtime packages there (`npm ci --omit=dev`, plus graphql, which the suite lists only
 * as a development and peer dependency).
 *
 * For each case the suite serves its subgraphs and the case's supergraph, starts the gateway over
 * that supergraph (through a run script written here, in a temporary folder), and sends the case's
 * queries with their expected answers. `--case ID` runs one case and shows each query's result.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('..', import.meta.url));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    case: { type: 'string' },
  },
});
const suiteArg = positionals[0];
if (suiteArg === undefined) {
  process.stderr.write('usage: npm run audit -- <folder of federation-gateway-audit> [--case ID]\n');
  process.exit(2);
}
const suite = resolve(suiteArg);
if (!existsSync(join(suite, 'src/cli.ts'))) {
  process.stderr.write(`${suite} is not a federation-gateway-audit checkout (no src/cli.ts)\n`);
  process.exit(2);
}
if (!existsSync(join(suite, 'node_modules/graphql/package.json'))) prepareSuite(suite);

const work = mkdtempSync(join(tmpdir(), 'tradegraph-audit-'));
const subgraphsPort = await freePort();
const gatewayPort = await freePort();
const tsx = join(repo, 'node_modules/.bin/tsx');

// The gateway command is package.json's own `gateway` script, so the audit runs what users run.
const packageJson = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const supergraph = join(work, 'supergraph.graphql');
const gatewayCommand = `${packageJson.scripts['gateway']} --supergraph "${supergraph}" --port ${gatewayPort}`;

// `exec`, so stopping the run script stops the gateway itself.
const runScript = join(work, 'run.sh');
writeFileSync(
  runScript,
  [
    '#!/bin/sh',
    'set -e',
    `cd "${suite}" && "${tsx}" src/cli.ts supergraph --cwd "${work}" --test "$1" --port ${subgraphsPort}`,
    `cd "${repo}" && exec ${gatewayCommand}`,
    '',
  ].join('\n'),
  { mode: 0o755 },
);

// The suite uses Promise.withResolvers (Node 22); on Node 20 its processes get this one.
const withResolvers = join(work, 'promiseWithResolvers.mjs');
writeFileSync(
  withResolvers,
  `Promise.withResolvers ??= function () { let resolve, reject; const promise = new this((a, b) => { resolve = a; reject = b; }); return { promise, resolve, reject }; };\n`,
);

const graphql = `http://127.0.0.1:${gatewayPort}/graphql`;
const health = `http://127.0.0.1:${gatewayPort}/health`;
const common = ['--cwd', work, '--run-script', runScript, '--graphql', graphql, '--healthcheck', health, '--port', String(subgraphsPort)];
const args =
  values.case === undefined
    ? ['src/cli.ts', 'test', ...common, '--reporter', 'dot', '--write', 'results.txt']
    : ['src/cli.ts', 'test-suite', '--test', values.case, ...common, '--reporter', 'tap'];

process.stdout.write(`federation audit: ${suite} against npm run gateway (logs in ${work}/logs)\n`);
const exitCode = await new Promise<number>((done, fail) => {
  const child = spawn(tsx, args, {
    cwd: suite,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import ${withResolvers}`.trim(),
      // the gateway starts through tsx on a shared machine: give it more than the suite's 5 s
      GATEWAY_TIMEOUT: process.env['GATEWAY_TIMEOUT'] ?? '60000',
      NODE_ENV: 'development',
    },
  });
  child.once('error', fail);
  child.once('exit', (code) => done(code ?? 1));
});

if (values.case !== undefined) process.exit(exitCode);

const resultsFile = join(work, 'results.txt');
if (!existsSync(resultsFile)) {
  process.stderr.write(`the suite wrote no results (exit ${exitCode})\n`);
  process.exit(1);
}
const cases = parseResults(readFileSync(resultsFile, 'utf8'));
const width = Math.max(...cases.map((c) => c.id.length));
process.stdout.write(`\n${'case'.padEnd(width)}  passed  failed\n`);
for (const c of cases) {
  process.stdout.write(
    `${c.id.padEnd(width)}  ${String(c.passed).padStart(6)}  ${String(c.failed).padStart(6)}${c.failed > 0 ? '  FAIL' : ''}\n`,
  );
}
const passed = cases.reduce((sum, c) => sum + c.passed, 0);
const failed = cases.reduce((sum, c) => sum + c.failed, 0);
process.stdout.write(
  `\nnpm run gateway: ${passed}/${passed + failed} tests passed, ${failed} failed; ` +
    `${cases.filter((c) => c.failed === 0).length}/${cases.length} cases whole\n`,
);
process.exit(exitCode);

/** results.txt: a case id on one line, then one `.` (pass) or `X` (fail) per test on the next. */
function parseResults(text: string): Array<{ id: string; passed: number; failed: number }> {
  const body = text.split('\n---\n')[0] ?? '';
  const lines = body.split('\n');
  const cases: Array<{ id: string; passed: number; failed: number }> = [];
  for (let index = 0; index + 1 < lines.length; index += 2) {
    const id = lines[index]!;
    const marks = lines[index + 1]!;
    if (id === '') break;
    cases.push({ id, passed: [...marks].filter((m) => m === '.').length, failed: [...marks].filter((m) => m === 'X').length });
  }
  return cases;
}

/**
 * The suite's own lockfile, without its development tools (one of them is no longer published),
 * and graphql unpacked beside them: npm refuses to add it over the suite's own override.
 */
function prepareSuite(folder: string): void {
  process.stdout.write(`installing the suite's packages in ${folder}\n`);
  const npm = (args: string[]) => execFileSync('npm', args, { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  npm(['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
  const graphqlVersion = (JSON.parse(readFileSync(join(repo, 'node_modules/graphql/package.json'), 'utf8')) as { version: string }).version;
  const packDir = mkdtempSync(join(tmpdir(), 'tradegraph-audit-pack-'));
  const tarball = npm(['pack', `graphql@${graphqlVersion}`, '--silent', '--pack-destination', packDir]).trim();
  const target = join(folder, 'node_modules/graphql');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(packDir, tarball), '-C', target, '--strip-components=1']);
}

/**
 * A free port below Linux's ephemeral range (32768 and up). The gateway restarts on the same port
 * for every case; between two cases, a port from the ephemeral range could be handed to any other
 * process on the machine that asks for port 0.
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}
