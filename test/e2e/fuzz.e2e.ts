import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolation } from '#scripts/fuzz/printFuzzReport.js';
import { runFuzz } from '#scripts/fuzz/runFuzz.js';
import { startFuzzStack, type FuzzStack } from '#scripts/fuzz/startFuzzStack.js';

/**
 * A bounded run of `npm run fuzz` for CI: 400 generated requests (valid operations from the public
 * schema, bad GraphQL requests, malformed HTTP) against the stack as `npm start` runs it. Any 5xx,
 * `INTERNAL_SERVER_ERROR`, internal address in an answer, or service exit fails it, printing the
 * offending requests. The seed changes with the day, so CI covers new cases over time; a failure
 * names its seed and case to replay with `npm run fuzz -- --seed S --case N`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Date.now() / 86_400_000));
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 400);

describe('fuzzing the API (bounded)', () => {
  let fuzz: FuzzStack;
  beforeAll(async () => {
    fuzz = await startFuzzStack();
  }, 300_000);
  afterAll(() => fuzz?.stop());

  it(`answers ${REQUESTS} generated requests with no 5xx, no internal error, no internal address, and no service exit`, async () => {
    const report = await runFuzz({
      gatewayUrl: fuzz.stack.gatewayUrl,
      apiKey: fuzz.apiKey,
      seed: SEED,
      requests: REQUESTS,
      concurrency: 8,
      internalOrigins: fuzz.internalOrigins,
    });
    expect(report.sent).toBe(REQUESTS);
    const offending = report.violations.map((violation) => describeViolation(violation, SEED));
    expect(offending, `seed ${SEED}`).toEqual([]);
    expect(fuzz.exits).toEqual([]);
    // the run reached the code behind the gateway: some valid operations were answered 200
    expect([...report.rows].filter(([name]) => name.startsWith('valid')).reduce((sum, [, row]) => sum + row.ok2xx, 0)).toBeGreaterThan(0);
  }, 120_000);
});
