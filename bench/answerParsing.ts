/**
 * How the gateway reads a subgraph's answer: each answer of a recorded trade search (the four
 * subgraphs' bodies, as `bench/tradeReplay.ts record` wrote them) read from its bytes in 64 KiB
 * chunks, as a socket hands them over, by `parseJsonChunks` against the baseline in the same
 * process: joining the chunks, decoding them into one string and `JSON.parse` of it (what the
 * gateway did before). Rounds alternate between the two; prints the median CPU µs per answer of
 * each and their ratio.
 *
 *   npx tsx bench/tradeReplay.ts record --out /tmp/trade.json
 *   node --max-semi-space-size=32 --import tsx bench/answerParsing.ts --recording /tmp/trade.json [--rounds 5] [--iterations 400]
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { parseJsonChunks } from '#gateway/src/subgraph/parseJsonChunks.js';

const { values } = parseArgs({
  options: {
    recording: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    iterations: { type: 'string', default: '400' },
  },
});
if (values.recording === undefined) throw new Error('--recording FILE is required (bench/tradeReplay.ts record --out FILE)');
const rounds = Number(values.rounds);
const iterations = Number(values.iterations);

interface Recording {
  readonly subgraphs: Record<string, Record<string, { readonly text: string }>>;
}
const recording = JSON.parse(readFileSync(values.recording, 'utf8')) as Recording;

/** The bytes in chunks of at most 64 KiB, each its own buffer, as undici hands a body over. */
function chunksOf(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += 65_536) chunks.push(Buffer.from(bytes.subarray(start, start + 65_536)));
  return chunks;
}

const joined = (chunks: readonly Buffer[]): unknown =>
  JSON.parse((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8'));

/** CPU µs of one read, over `iterations` reads. */
function cpuMicros(read: () => unknown): number {
  const before = process.cpuUsage();
  for (let n = 0; n < iterations; n++) read();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / iterations;
}

const median = (numbers: readonly number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

process.stdout.write(`${rounds} rounds × ${iterations} reads of each answer, alternating; CPU µs per answer (median of rounds)\n\n`);
process.stdout.write(
  '| answer | bytes | chunks | join, decode, JSON.parse | parseJsonChunks | ÷ baseline |\n| --- | ---: | ---: | ---: | ---: | ---: |\n',
);
for (const [subgraph, answers] of Object.entries(recording.subgraphs)) {
  for (const { text } of Object.values(answers)) {
    const chunks = chunksOf(text);
    if (!isDeepStrictEqual(parseJsonChunks(chunks), JSON.parse(text)))
      throw new Error(`${subgraph}: parseJsonChunks differs from JSON.parse`);
    // warm both paths before timing either
    cpuMicros(() => joined(chunks));
    cpuMicros(() => parseJsonChunks(chunks));
    const baseline: number[] = [];
    const pieces: number[] = [];
    for (let round = 0; round < rounds; round++) {
      if (round % 2 === 0) {
        baseline.push(cpuMicros(() => joined(chunks)));
        pieces.push(cpuMicros(() => parseJsonChunks(chunks)));
      } else {
        pieces.push(cpuMicros(() => parseJsonChunks(chunks)));
        baseline.push(cpuMicros(() => joined(chunks)));
      }
    }
    const [before, after] = [median(baseline), median(pieces)];
    const bytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    process.stdout.write(
      `| ${subgraph} | ${bytes} | ${chunks.length} | ${before.toFixed(0)} | ${after.toFixed(0)} | ${(after / before).toFixed(2)}× |\n`,
    );
  }
}
