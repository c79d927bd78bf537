import { performance } from 'node:perf_hooks';
import { createHsClassifier } from '#packages/hs/index.js';
import { prepareText } from '#packages/hs/classifier/createTermMatcher.js';
import { loadLabelledSet } from '#packages/hs/eval/loadLabelledSet.js';

/**
 * `npm run bench:hs`: time per title of the HS classifier, in process, over every title of the
 * labelled set (`--rounds N` passes, after one warm-up pass), as p50/p95, against the 5 ms target
 * and against a trivial baseline measured in the same run (normalising and tokenising the title,
 * the least any classifier must do); then one batch of 50 titles, as a search page classifies.
 */
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] ?? 0) || 20;
const TARGET_P95_MS = 5;

const built = performance.now();
const classifier = createHsClassifier();
const buildMs = performance.now() - built;
const titles = loadLabelledSet().map(({ title }) => ({ title }));

function timePerTitle(work: (request: { title: string }) => unknown): number[] {
  for (const request of titles) work(request); // warm-up: caches, JIT
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const request of titles) {
      const started = performance.now();
      work(request);
      samples.push(performance.now() - started);
    }
  }
  return samples.sort((x, y) => x - y);
}
const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const baseline = timePerTitle((request) => prepareText(request.title));
const classify = timePerTitle((request) => classifier.classify(request, 3));
const page = titles.slice(0, 50);
const batches: number[] = [];
for (let round = 0; round < rounds; round++) {
  const started = performance.now();
  classifier.classifyMany(page, 3);
  batches.push(performance.now() - started);
}
batches.sort((x, y) => x - y);

const ms = (value: number) => `${value.toFixed(3)} ms`;
console.log(`HS classifier, ${titles.length} titles × ${rounds} rounds (built once in ${buildMs.toFixed(0)} ms)\n`);
console.log('what                         p50          p95          p95 / target   p95 / baseline');
for (const [name, samples] of [
  ['baseline: normalise title', baseline],
  ['classify one title', classify],
] as const) {
  const p95 = quantile(samples, 0.95);
  console.log(
    `${name.padEnd(28)} ${ms(quantile(samples, 0.5)).padEnd(12)} ${ms(p95).padEnd(12)} ${(p95 / TARGET_P95_MS).toFixed(3).padStart(8)}×   ${(p95 / quantile(baseline, 0.95)).toFixed(1).padStart(10)}×`,
  );
}
console.log(
  `\none batch of 50 titles: p50 ${ms(quantile(batches, 0.5))}, p95 ${ms(quantile(batches, 0.95))} (${ms(quantile(batches, 0.5) / 50)} per title)`,
);
console.log(`target: p95 under ${TARGET_P95_MS} ms per title — ${quantile(classify, 0.95) < TARGET_P95_MS ? 'met' : 'MISSED'}`);
