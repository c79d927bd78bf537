/**
 * What a hand-over between two processes costs on this machine: the round trip of an empty HTTP
 * request from one Node process to another over a kept-alive loopback connection, back to back
 * and after the server has waited idle. A quote's request crosses processes sixteen times (client →
 * gateway → catalog → marketplace sandbox → catalog → gateway → … → client), most of them into a
 * process that had nothing to do while the upstreams answered, so what an idle process takes to
 * answer is part of every quote's margin, whatever the code does. What it measured on the machines
 * this project runs on, and what it is made of: bench/README.md (`npm run bench:quote`).
 *
 *   npx tsx bench/quote/handoverCost.ts
 */
import { fork } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import { fileURLToPath } from 'node:url';

/** The server's idle times measured, in ms: back to back, then as long as the quote's upstreams take. */
export const IDLE_MS = [0, 100, 300] as const;

export interface HandoverCost {
  /** Median round trip (ms) after each of `IDLE_MS` of the server's idleness. */
  readonly roundTripMs: ReadonlyMap<number, number>;
}

const ROUNDS = 25;
const WARMUP = 300;

export async function measureHandoverCost(): Promise<HandoverCost> {
  const server = fork(fileURLToPath(import.meta.url), ['--serve'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.once('message', (message) => resolve(Number(message)));
      server.once('exit', (code) => reject(new Error(`the hand-over probe's server exited (${code})`)));
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const roundTrip = () =>
      new Promise<number>((resolve, reject) => {
        const started = process.hrtime.bigint();
        request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent }, (response) => {
          response.resume();
          response.on('end', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
        })
          .on('error', reject)
          .end('{}');
      });
    for (let n = 0; n < WARMUP; n++) await roundTrip();
    const roundTripMs = new Map<number, number>();
    for (const idle of IDLE_MS) {
      const times: number[] = [];
      for (let n = 0; n < ROUNDS; n++) {
        if (idle > 0) await new Promise((resolve) => setTimeout(resolve, idle));
        times.push(await roundTrip());
      }
      roundTripMs.set(idle, times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!);
    }
    agent.destroy();
    return { roundTripMs };
  } finally {
    server.kill();
  }
}

export function describeHandoverCost({ roundTripMs }: HandoverCost): string {
  return IDLE_MS.map((idle) => `${roundTripMs.get(idle)!.toFixed(2)} ms ${idle === 0 ? 'back to back' : `after ${idle} ms idle`}`).join(
    ', ',
  );
}

if (process.argv.includes('--serve')) {
  const server = createServer((incoming, outgoing) => {
    incoming.resume();
    incoming.on('end', () => outgoing.end('{"ok":true}'));
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.(typeof address === 'object' && address !== null ? address.port : 0);
  });
  process.on('disconnect', () => process.exit(0));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`a round trip between two Node processes: ${describeHandoverCost(await measureHandoverCost())}\n`);
}
