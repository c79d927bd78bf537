import type { SandboxCall } from '#packages/sandbox/index.js';
import type { QuoteStage } from './criticalPath.js';

/** When a subgraph received one request and answered it (its `request` log line: finished at `time`, after `durationMs`). */
export interface ServedRequest {
  receivedAt: number;
  answeredAt: number;
}

/** The subgraphs a search with landed costs passes through, in order: customs makes no upstream call (FX cached). */
export const QUOTE_SUBGRAPHS = ['catalog', 'logistics', 'customs', 'payments'] as const;
export type QuoteSubgraph = (typeof QUOTE_SUBGRAPHS)[number];

/** One part of what a request spent beyond its critical path, in ms. */
export interface HopMargin {
  hop: string;
  ms: number;
}

/**
 * What a request spent outside its critical path (see `criticalPath`), hop by hop: the gateway's
 * hand-overs, each subgraph's time before its first upstream call and after its last answer, and
 * each stage's calls beyond its slowest (calls of one stage not sent at once). The parts add up to
 * the request's latency less its critical path. Times are wall-clock ms of one machine: the client's,
 * the sandboxes' and the subgraphs' (whose log lines have ms resolution). Undefined when a subgraph's
 * line or a stage's calls are missing (an FX call, which the bench's warm-up caches, is not placed).
 */
export function hopMargins(
  sentAt: number,
  answeredAt: number,
  calls: readonly SandboxCall[],
  stageOf: (upstream: string) => QuoteStage,
  served: Partial<Record<QuoteSubgraph, ServedRequest>>,
): HopMargin[] | undefined {
  const { catalog, logistics, customs, payments } = served;
  if (!catalog || !logistics || !customs || !payments) return undefined;
  const stage = (name: Exclude<QuoteStage, 'fx'>) => {
    const mine = calls.filter((call) => stageOf(call.upstream) === name);
    if (mine.length === 0) return undefined;
    const first = Math.min(...mine.map((call) => call.receivedAt));
    const last = Math.max(...mine.map((call) => call.answeredAt));
    const slowest = Math.max(...mine.map((call) => call.answeredAt - call.receivedAt));
    return { first, last, spread: last - first - slowest };
  };
  const marketplaces = stage('marketplace');
  const carriers = stage('carrier');
  const providers = stage('payment');
  if (!marketplaces || !carriers || !providers) return undefined;
  return [
    { hop: 'gateway → catalog', ms: catalog.receivedAt - sentAt },
    { hop: 'catalog → first marketplace call', ms: marketplaces.first - catalog.receivedAt },
    { hop: 'marketplace calls beyond the slowest', ms: marketplaces.spread },
    { hop: 'last marketplace answer → catalog answered', ms: catalog.answeredAt - marketplaces.last },
    { hop: 'gateway → logistics', ms: logistics.receivedAt - catalog.answeredAt },
    { hop: 'logistics → first carrier call', ms: carriers.first - logistics.receivedAt },
    { hop: 'carrier calls beyond the slowest', ms: carriers.spread },
    { hop: 'last carrier answer → logistics answered', ms: logistics.answeredAt - carriers.last },
    { hop: 'gateway → customs', ms: customs.receivedAt - logistics.answeredAt },
    { hop: 'customs', ms: customs.answeredAt - customs.receivedAt },
    { hop: 'gateway → payments', ms: payments.receivedAt - customs.answeredAt },
    { hop: 'payments → first fee quote call', ms: providers.first - payments.receivedAt },
    { hop: 'fee quote calls beyond the slowest', ms: providers.spread },
    { hop: 'last fee quote → payments answered', ms: payments.answeredAt - providers.last },
    { hop: 'gateway → client', ms: answeredAt - payments.answeredAt },
  ];
}

/**
 * Reads a subgraph's `request` log line for a GraphQL call: its request id and when it was received
 * and answered (`time` is when the response finished, to the ms: the middle of that ms is taken).
 */
export function servedRequestOf(line: string): { requestId: string; served: ServedRequest } | undefined {
  if (!line.includes('"msg":"request"')) return undefined;
  let fields: { msg?: unknown; path?: unknown; requestId?: unknown; time?: unknown; durationMs?: unknown };
  try {
    fields = JSON.parse(line) as typeof fields;
  } catch {
    return undefined;
  }
  if (fields.msg !== 'request' || fields.path !== '/graphql' || typeof fields.requestId !== 'string') return undefined;
  if (typeof fields.time !== 'string' || typeof fields.durationMs !== 'number') return undefined;
  const answeredAt = Date.parse(fields.time) + 0.5;
  return { requestId: fields.requestId, served: { receivedAt: answeredAt - fields.durationMs, answeredAt } };
}
