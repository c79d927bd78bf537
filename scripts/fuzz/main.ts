/**
 * `npm run fuzz`: starts the stack as `npm start` does (free ports, its own data folder), sends
 * generated requests (valid operations from the public schema with random arguments, bad GraphQL
 * requests, malformed HTTP) and prints a summary table. Exits 1 on any answer that breaks a rule
 * (`judgeAnswer.ts`) or any service that exited, printing the offending requests.
 *
 *   npm run fuzz -- --seed 1 --requests 20000 [--concurrency 8] [--case N] [--gateway URL --api-key KEY]
 */
import { parseArgs } from 'node:util';
import { printFuzzReport } from './printFuzzReport.js';
import { runFuzz } from './runFuzz.js';
import { startFuzzStack, type FuzzStack } from './startFuzzStack.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    requests: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '8' },
    case: { type: 'string' },
    gateway: { type: 'string' },
    'api-key': { type: 'string' },
  },
});
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const only = values.case !== undefined ? Number(values.case) : undefined;
for (const [name, value] of Object.entries({ seed, requests, concurrency, case: only ?? 0 })) {
  if (!Number.isSafeInteger(value) || value < 0) {
    process.stderr.write(`--${name} must be a whole number\n`);
    process.exit(2);
  }
}

let running: FuzzStack | undefined;
let target: { gatewayUrl: string; apiKey: string; internalOrigins: readonly string[]; exits: readonly string[] };
if (values.gateway !== undefined) {
  target = { gatewayUrl: values.gateway, apiKey: values['api-key'] ?? '', internalOrigins: [], exits: [] };
} else {
  process.stdout.write('Starting the stack as npm start does (free ports)…\n');
  running = await startFuzzStack();
  target = { gatewayUrl: running.stack.gatewayUrl, apiKey: running.apiKey, internalOrigins: running.internalOrigins, exits: running.exits };
}
process.stdout.write(`Fuzzing ${target.gatewayUrl} with seed ${seed}: ${only !== undefined ? `case ${only}` : `${requests} requests`}\n`);

let exitCode: number;
try {
  const report = await runFuzz({
    gatewayUrl: target.gatewayUrl,
    apiKey: target.apiKey,
    seed,
    requests,
    concurrency,
    internalOrigins: target.internalOrigins,
    ...(only !== undefined && { only }),
    onAnswer: (done) => {
      if (done % 1000 === 0) process.stdout.write(`  ${done} answered\n`);
    },
  });
  process.stdout.write(`\n${printFuzzReport(report, target.exits)}\n`);
  exitCode = report.violations.length === 0 && target.exits.length === 0 ? 0 : 1;
} finally {
  await running?.stop();
}
process.exit(exitCode);
