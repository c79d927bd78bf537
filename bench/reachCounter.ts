import { performance } from 'node:perf_hooks';
import { createLogger } from '#packages/log/index.js';
import { createReachCounter } from '#packages/reach/index.js';
import type { OfferConnectionModel } from '#subgraphs/catalog/src/models.js';
import { countShown } from '#subgraphs/catalog/src/search/countShown.js';

/**
 * `npm run bench:reach`: what counting a search page's offers as shown adds to the search path, in
 * process: `countShown` for a page of 50 offers from 7 marketplaces, against a baseline measured in
 * the same run — serialising the same page to JSON, which answering it costs anyway. The counter
 * flushes to a no-op during the run (what the store costs happens off the request path).
 */
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] ?? 0) || 20_000;
const MARKETPLACES = ['cn-jademarket', 'br-feira', 'in-bazaar', 'jp-ichiba', 'mx-tianguis', 'pl-targ', 'ke-soko'];

// A page as the search resolver returns it, with the fields a listing carries (ids, titles, price, stock).
const page = {
  edges: Array.from({ length: 50 }, (_, index) => ({
    cursor: Buffer.from(`cursor-${index}-${'x'.repeat(120)}`).toString('base64url'),
    node: {
      marketplaceId: MARKETPLACES[index % MARKETPLACES.length]!,
      nativeId: `listing-${index}`,
      title: `Loose leaf green tea, spring harvest, 250 g, grade ${index}`,
      nativeTitle: `春茶 绿茶 ${index}`,
      price: { amount: `${12 + index}.50`, currency: 'CNY' },
      availableQuantity: 100 + index,
      originCountry: 'CN',
      hsCode: '090210',
      sellerId: `seller-${index % 9}`,
    },
  })),
  pageInfo: { hasNextPage: true, endCursor: 'c', hasPreviousPage: false, startCursor: 'c' },
  sources: [],
} as unknown as OfferConnectionModel;

const counter = createReachCounter({
  send: async () => undefined,
  flushIntervalMs: 1_000,
  logger: createLogger('bench', { level: 'silent' }),
});

function time(work: () => unknown): number[] {
  for (let round = 0; round < 1_000; round++) work(); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return samples.sort((x, y) => x - y);
}
const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const baseline = time(() => JSON.stringify(page));
const counting = time(() => countShown(page, 'DE', counter));
await counter.close();

const us = (ms: number) => `${(ms * 1000).toFixed(2)} µs`;
console.log(`reach counting, one search page of 50 offers from ${MARKETPLACES.length} marketplaces × ${rounds} rounds\n`);
console.log('what                              p50          p95          p50 / baseline');
for (const [name, samples] of [
  ['baseline: page to JSON', baseline],
  ['countShown (in memory)', counting],
] as const) {
  console.log(
    `${name.padEnd(33)} ${us(quantile(samples, 0.5)).padEnd(12)} ${us(quantile(samples, 0.95)).padEnd(12)} ${(quantile(samples, 0.5) / quantile(baseline, 0.5)).toFixed(3).padStart(8)}×`,
  );
}
