/**
 * The engine's own CPU on the contract's search (10 offers, DE/EUR), without the stack's noise:
 * the subgraphs' answers are recorded once over HTTP from the real stack, then replayed by a
 * process of their own (real HTTP, the same bytes), and the engine of one checkout executes the
 * query and writes the response's bytes as the gateway's request path writes them
 * (`writeResponseBytes`, with one operation's `ResponseWriting` where the checkout has it; a
 * checkout without it: `TextEncoder` of `stringifyResponse`'s text) over and over. Prints the
 * engine process's CPU ms per query (`process.cpuUsage()`: the receive path, representations,
 * merging, the projection, the response's bytes and the garbage they leave), the last response's
 * length and the start of its SHA-256, so two checkouts are seen to write the same bytes.
 * `record --workload public` records the public benchmark's query on its four subgraphs instead.
 *
 *   npx tsx bench/tradeReplay.ts record --out /tmp/trade.json [--workload trade|public]
 *   npx tsx bench/tradeReplay.ts run --recording /tmp/trade.json [--root <checkout>] [--queries 300] [--rounds 3] [--concurrency 4] [--latency 0] [--mark-rounds]
 *
 * `--latency` holds every recorded answer that many milliseconds before it is sent, so a search
 * lives about as long as on the stack (four calls in sequence) and the engine runs at tens of
 * searches a second, as on the stack, rather than hundreds.
 *
 * `--mark-rounds` writes `=== round N` to stdout as each round starts, so the output of node's
 * `--trace-opt` / `--trace-deopt` (on stdout too) can be read round by round: what V8 still
 * compiles, and deoptimizes, once the engine is warm.
 *
 * `--root` imports the engine of another checkout (e.g. a worktree of the parent commit), so two
 * checkouts can be run one after the other, alternating, against the same recording.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { createPrincipalSigner, principalKeyFrom, PRINCIPAL_HEADER } from '#packages/principal/index.js';
import { acceptEnforcedFeatures } from '#gateway/src/authorization/acceptEnforcedFeatures.js';

const SEARCH = readFileSync(new URL('../operations/search.graphql', import.meta.url), 'utf8');
const VARIABLES = { query: 'tea', shipTo: 'DE', currency: 'EUR', first: 10 };
const SECRET = 'trade-replay-secret-0123456789abcdef';

/** One subgraph's answers, by request body. */
interface Recording {
  readonly supergraphSdl: string;
  /** The operation recorded (a recording without one: the contract's search). */
  readonly query?: string;
  readonly variables?: Record<string, unknown>;
  readonly subgraphs: Record<string, Record<string, { status: number; contentType: string; text: string }>>;
}

const [mode = 'run', ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    out: { type: 'string' },
    recording: { type: 'string' },
    root: { type: 'string' },
    queries: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '4' },
    port: { type: 'string' },
    /** Milliseconds each recorded answer is held before it is sent. */
    latency: { type: 'string', default: '0' },
    'mark-rounds': { type: 'boolean', default: false },
    workload: { type: 'string', default: 'trade' },
  },
});

async function readBody(message: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as { port: number }).port)));
}

/** The subgraphs a recording is made from, their supergraph and the operation sent. */
interface RecordedWorkload {
  readonly supergraphPath: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  stop(): Promise<void>;
}

async function startRecordedWorkload(): Promise<RecordedWorkload> {
  if (values.workload === 'public') {
    const { startWorkload } = await import('./workload/startWorkload.js');
    const { BENCHMARK_QUERY } = await import('./workload/workloadData.js');
    const workload = await startWorkload();
    return { ...workload, subgraphUrls: workload.urls, query: BENCHMARK_QUERY, variables: {} };
  }
  if (values.workload !== 'trade') throw new Error(`--workload must be trade or public, not ${values.workload}`);
  const { launchStack } = await import('#scripts/stack/launchStack.js');
  const stack = await launchStack({ ports: 'free', startTimeoutMs: 300_000, env: { LOG_LEVEL: 'warn', SERVICE_SECRET: SECRET } });
  return {
    supergraphPath: stack.supergraphPath,
    subgraphUrls: stack.subgraphUrls,
    query: SEARCH,
    variables: VARIABLES,
    stop: () => stack.stop(),
  };
}

async function record(): Promise<void> {
  if (!values.out) throw new Error('--out FILE is required');
  const workload = await startRecordedWorkload();
  const servers: Server[] = [];
  try {
    const { query, variables } = workload;
    const recording: Recording = { supergraphSdl: readFileSync(workload.supergraphPath, 'utf8'), query, variables, subgraphs: {} };
    const proxied = new Map<string, string>();
    for (const [name, url] of Object.entries(workload.subgraphUrls)) {
      const answers: Recording['subgraphs'][string] = (recording.subgraphs[name] = {});
      const server = createServer((message, response) => {
        void readBody(message).then(async (body) => {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          for (const header of [PRINCIPAL_HEADER, 'accept-language']) {
            const value = message.headers[header];
            if (typeof value === 'string') headers[header] = value;
          }
          const upstream = await request(url, { method: 'POST', headers, body });
          const text = await upstream.body.text();
          const contentType = String(upstream.headers['content-type'] ?? 'application/json');
          answers[body] = { status: upstream.statusCode, contentType, text };
          response.writeHead(upstream.statusCode, { 'content-type': contentType });
          response.end(text);
        });
      });
      servers.push(server);
      proxied.set(name, `http://127.0.0.1:${await listen(server)}/graphql`);
    }
    const engine = await engineOf(resolve('.'), recording.supergraphSdl, proxied);
    const result = await engine.execute({ query, variables, headers: signedHeaders() });
    if (result.errors) throw new Error(`the operation failed: ${JSON.stringify(result.errors)}`);
    await engine.close();
    writeFileSync(values.out, JSON.stringify(recording));
    const sizes = Object.entries(recording.subgraphs).map(([name, answers]) => `${name} ${Object.keys(answers).length}`);
    process.stdout.write(`recorded ${sizes.join(', ')} into ${values.out}\n`);
  } finally {
    for (const server of servers) server.close();
    await workload.stop();
  }
}

function signedHeaders(): Record<string, string> {
  const sign = createPrincipalSigner(principalKeyFrom(SECRET));
  const principal = sign({ keyId: undefined, tier: 'developer', scopes: [], marketplaceId: undefined });
  return { [PRINCIPAL_HEADER]: principal, 'accept-language': '*' };
}

interface Engine {
  execute(request: { query: string; variables: object; headers: Record<string, string> }): Promise<{ data?: unknown; errors?: unknown }>;
  close(): Promise<void>;
}

async function engineOf(root: string, supergraphSdl: string, urls: ReadonlyMap<string, string>): Promise<Engine> {
  const module = (await import(pathToFileURL(resolve(root, 'gateway/src/engine/index.ts')).href)) as {
    createExecutionEngine(options: object): Engine;
    keepNamesOneByte?: (supergraphSdl: string) => string;
  };
  // the supergraph's names interned as the gateway interns them (a checkout from before keepNamesOneByte has none)
  module.keepNamesOneByte?.(supergraphSdl);
  return module.createExecutionEngine({ supergraphSdl: acceptEnforcedFeatures(supergraphSdl), subgraphUrls: urls });
}

/** Serves a recording: each subgraph on a port of its own, answering the recorded bodies. */
async function serve(): Promise<void> {
  const recording = JSON.parse(readFileSync(values.recording!, 'utf8')) as Recording;
  const ports: Record<string, number> = {};
  for (const [name, answers] of Object.entries(recording.subgraphs)) {
    const server = createServer((message, response) => {
      void readBody(message).then((body) => {
        const answer = answers[body];
        if (!answer) {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end(`no recorded answer of ${name} for ${body.slice(0, 200)}`);
          return;
        }
        const send = () => {
          response.writeHead(answer.status, { 'content-type': answer.contentType });
          response.end(answer.text);
        };
        const latencyMs = Number(values.latency);
        if (latencyMs > 0) setTimeout(send, latencyMs);
        else send();
      });
    });
    ports[name] = await listen(server);
  }
  process.stdout.write(`${JSON.stringify(ports)}\n`);
}

async function run(): Promise<void> {
  if (!values.recording) throw new Error('--recording FILE is required');
  const recording = JSON.parse(readFileSync(values.recording, 'utf8')) as Recording;
  const replay = spawn(
    process.execPath,
    ['--import', 'tsx', new URL(import.meta.url).pathname, 'serve', '--recording', values.recording, '--latency', values.latency],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const ports = await new Promise<Record<string, number>>((done, fail) => {
      replay.stdout.once('data', (chunk: Buffer) => done(JSON.parse(chunk.toString('utf8')) as Record<string, number>));
      replay.once('exit', (code) => fail(new Error(`the replay exited with ${code}`)));
    });
    const urls = new Map(Object.entries(ports).map(([name, port]) => [name, `http://127.0.0.1:${port}/graphql`]));
    const root = resolve(values.root ?? '.');
    const engine = await engineOf(root, recording.supergraphSdl, urls);
    const { stringifyResponse } = (await import(pathToFileURL(resolve(root, 'gateway/src/engine/index.ts')).href)) as {
      stringifyResponse(value: object): string;
    };
    const { writeResponseBytes, newResponseWriting } = (await import(pathToFileURL(resolve(root, 'packages/server/index.ts')).href)) as {
      writeResponseBytes?: (value: object, suffix?: string, writing?: object) => Uint8Array;
      newResponseWriting?: () => object;
    };
    // the response's bytes as the gateway writes them, with the operation's writing where the
    // checkout keeps one (a checkout from before writeResponseBytes encodes the text whole)
    const utf8 = new TextEncoder();
    const writing = newResponseWriting?.();
    const responseBytes = writeResponseBytes
      ? (value: object) => writeResponseBytes(value, '', writing)
      : (value: object) => utf8.encode(stringifyResponse(value));
    const headers = signedHeaders();
    const { query = SEARCH, variables = VARIABLES } = recording;
    let written: Uint8Array = new Uint8Array(0);
    const once = async () => {
      const result = await engine.execute({ query, variables, headers });
      if (result.errors) throw new Error(`the operation failed: ${JSON.stringify(result.errors).slice(0, 500)}`);
      written = responseBytes({ data: result.data });
    };
    const burst = async (queries: number) => {
      let next = 0;
      const worker = async () => {
        while (next++ < queries) await once();
      };
      await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
    };
    await burst(Math.max(50, Number(values.queries) / 2));
    const perRound: number[] = [];
    for (let round = 0; round < Number(values.rounds); round++) {
      if (values['mark-rounds']) process.stdout.write(`=== round ${round}\n`);
      const before = process.cpuUsage();
      await burst(Number(values.queries));
      const used = process.cpuUsage(before);
      perRound.push((used.user + used.system) / 1000 / Number(values.queries));
    }
    const sorted = [...perRound].sort((a, b) => a - b);
    process.stdout.write(
      `${JSON.stringify({ root, latencyMs: Number(values.latency), cpuMsPerQuery: perRound.map((ms) => Number(ms.toFixed(3))), median: Number(sorted[Math.floor(sorted.length / 2)]!.toFixed(3)), responseBytes: written.byteLength, responseSha256: createHash('sha256').update(written).digest('hex').slice(0, 16) })}\n`,
    );
    await engine.close();
  } finally {
    replay.kill();
  }
}

if (mode === 'record') await record();
else if (mode === 'serve') await serve();
else await run();
