/** One target's result on one workload (medians of its rounds; errors summed; RSS the highest sampled, every 100 ms, in any round). */
export interface Row {
  readonly workload: string;
  readonly target: string;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly cpuMsPerRequest: number;
  readonly subgraphCalls: number | undefined;
  readonly rssMiB: number;
}

const STOCK = 'stock @apollo/gateway';
const FLOOR = 'hand-written floor';

/**
 * Prints the results as a Markdown table (so a run can be pasted into BENCHMARKS.md as is), with
 * the ratios against stock @apollo/gateway and against the floor measured in the same run.
 */
export function printReport(rows: readonly Row[]): void {
  const lines = [
    '',
    '| workload | target | rps | p50 ms | p99 ms | errors | CPU ms/req | subgraph calls/req | peak RSS MiB | rps × stock | CPU/req ÷ stock | rps ÷ floor |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const stock = rows.find((other) => other.workload === row.workload && other.target === STOCK);
    const floor = rows.find((other) => other.workload === row.workload && other.target === FLOOR);
    const ratio = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}×`);
    lines.push(
      `| ${row.workload} | ${row.target} | ${row.rps.toFixed(0)} | ${row.p50Ms.toFixed(1)} | ${row.p99Ms.toFixed(1)} | ${row.errors} | ${row.cpuMsPerRequest.toFixed(2)} | ${
        row.subgraphCalls === undefined ? '—' : row.subgraphCalls.toFixed(1)
      } | ${row.rssMiB.toFixed(0)} | ${ratio(stock && row.rps / stock.rps)} | ${ratio(stock && stock.cpuMsPerRequest / row.cpuMsPerRequest)} | ${ratio(
        floor && row.rps / floor.rps,
      )} |`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  process.stdout.write(
    "rps × stock: throughput over stock's; CPU/req ÷ stock: how many times less CPU per request than stock; rps ÷ floor: share of the floor's throughput.\n",
  );
}

export const TARGET_NAMES = {
  stock: STOCK,
  floor: FLOOR,
  /** `npm run gateway` with every production plugin on (bench/startTarget.ts, startShippedGateway). */
  shipped: 'tradegraph as shipped (npm run gateway)',
} as const;
