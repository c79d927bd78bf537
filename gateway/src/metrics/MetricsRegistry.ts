/**
 * A small Prometheus registry (text exposition format 0.0.4): counters, gauges and histograms with
 * labels. prom-client is not a dependency, and the gateway needs only this much of it.
 */
export type Labels = Readonly<Record<string, string>>;

interface Series {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  render(): string[];
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
  /** One labelled series, resolved once: for hot paths that count the same labels again and again. */
  bind(labels: Labels): (by?: number) => void;
}

export interface Histogram {
  observe(labels: Labels, value: number): void;
  /** One labelled series, resolved once (see `Counter.bind`). */
  bind(labels: Labels): (value: number) => void;
}

/** Seconds: from a cached answer (milliseconds) to a subgraph at its timeout. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class MetricsRegistry {
  private readonly series: Series[] = [];

  counter(name: string, help: string): Counter {
    const values = new Map<string, { labels: Labels; value: number }>();
    this.series.push({
      name,
      help,
      type: 'counter',
      render: () => [...values.values()].map(({ labels, value }) => `${name}${formatLabels(labels)} ${value}`),
    });
    const entryOf = (labels: Labels) => {
      const key = labelKey(labels);
      let entry = values.get(key);
      if (!entry) values.set(key, (entry = { labels, value: 0 }));
      return entry;
    };
    return {
      inc(labels = {}, by = 1) {
        entryOf(labels).value += by;
      },
      bind(labels) {
        const entry = entryOf(labels);
        return (by = 1) => void (entry.value += by);
      },
    };
  }

  /** A value read when scraped, e.g. a store's error counter; `type` says whether it only grows. */
  collected(name: string, help: string, type: 'counter' | 'gauge', collect: () => ReadonlyArray<{ labels: Labels; value: number }>): void {
    this.series.push({ name, help, type, render: () => collect().map(({ labels, value }) => `${name}${formatLabels(labels)} ${value}`) });
  }

  histogram(name: string, help: string, buckets: readonly number[] = LATENCY_BUCKETS): Histogram {
    const values = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
    this.series.push({
      name,
      help,
      type: 'histogram',
      render: () =>
        [...values.values()].flatMap(({ labels, counts, sum, count }) => [
          ...buckets.map((bound, index) => `${name}_bucket${formatLabels({ ...labels, le: String(bound) })} ${counts[index]}`),
          `${name}_bucket${formatLabels({ ...labels, le: '+Inf' })} ${count}`,
          `${name}_sum${formatLabels(labels)} ${sum}`,
          `${name}_count${formatLabels(labels)} ${count}`,
        ]),
    });
    const entryOf = (labels: Labels) => {
      const key = labelKey(labels);
      let entry = values.get(key);
      if (!entry) values.set(key, (entry = { labels, counts: buckets.map(() => 0), sum: 0, count: 0 }));
      return entry;
    };
    const record = (entry: { counts: number[]; sum: number; count: number }, value: number) => {
      // Buckets are cumulative: a value counts in every bucket whose bound it does not exceed.
      for (let index = 0; index < buckets.length; index++) if (value <= buckets[index]!) entry.counts[index]!++;
      entry.sum += value;
      entry.count++;
    };
    return {
      observe(labels, value) {
        record(entryOf(labels), value);
      },
      bind(labels) {
        const entry = entryOf(labels);
        return (value) => record(entry, value);
      },
    };
  }

  /** Every series, as Prometheus scrapes it (`text/plain; version=0.0.4`). */
  render(): string {
    return (
      this.series
        .flatMap((series) => [`# HELP ${series.name} ${series.help}`, `# TYPE ${series.name} ${series.type}`, ...series.render()])
        .join('\n') + '\n'
    );
  }
}

/** One key per label set, whatever the order of its names; length-prefixed, so no two sets share one. */
function labelKey(labels: Labels): string {
  const names = Object.keys(labels);
  if (names.length > 1) names.sort();
  let key = '';
  for (const name of names) {
    const value = labels[name]!;
    key += `${name.length}:${name}${value.length}:${value}`;
  }
  return key;
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([name, value]) => `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}
