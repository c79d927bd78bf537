/**
 * V8 settings the gateway process runs with, wherever it is started: `npm run gateway` (its
 * script in package.json repeats them; `gateway/test/nodeFlags.test.ts` keeps the two equal), the
 * stack launcher behind `npm start` and the e2e tests, and the benchmark.
 *
 * A request lives about as long as V8's default young generation takes to fill under load (tens
 * of milliseconds), so the answers in flight survive two scavenges and are promoted: the old
 * generation then grows by tens of megabytes a second and is collected with a heap up to four
 * times its live size. A 32 MB semi-space lets in-flight answers die young; a growth factor of 2
 * collects the old generation before it has quadrupled. On the public benchmark's workload that
 * took the peak RSS under load from about 350 to about 280 MiB at the same CPU per request
 * (BENCHMARKS.md).
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--heap-growing-percent=100'];
