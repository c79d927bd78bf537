import type { SandboxCall } from '#packages/sandbox/index.js';

/** Where an upstream sits in a quote: each stage needs the one before it (offers → rates → fees). */
export type QuoteStage = 'marketplace' | 'fx' | 'carrier' | 'payment';

/** The order a search with landed costs must wait in: what each stage needs comes from the stage before. */
export const QUOTE_STAGES: readonly QuoteStage[] = ['marketplace', 'fx', 'carrier', 'payment'];

export interface PathStep {
  stage: QuoteStage;
  upstream: string;
  endpoint: string;
  ms: number;
}

export interface CriticalPath {
  /** The slowest call of each stage the request reached, in stage order. */
  steps: PathStep[];
  ms: number;
  /**
   * The longest run of the request's calls that happened one after another (each received after the
   * previous one was answered): the upstream waits the request actually made in sequence. Longer
   * than `steps` when something waited on a call it did not need.
   */
  serial: PathStep[];
  serialMs: number;
  calls: number;
}

/**
 * The upstream round trips a request cannot avoid waiting for: stages run one after another, the
 * calls within a stage side by side, so each stage costs its slowest call. Times are the sandboxes'
 * own (received to answered), so what the gateway and subgraphs add on top is not in it.
 */
export function criticalPath(calls: readonly SandboxCall[], stageOf: (upstream: string) => QuoteStage): CriticalPath {
  const step = (call: SandboxCall): PathStep => ({
    stage: stageOf(call.upstream),
    upstream: call.upstream,
    endpoint: call.endpoint,
    ms: call.answeredAt - call.receivedAt,
  });
  const steps: PathStep[] = [];
  for (const stage of QUOTE_STAGES) {
    let slowest: PathStep | undefined;
    for (const call of calls) {
      const candidate = step(call);
      if (candidate.stage === stage && (slowest === undefined || candidate.ms > slowest.ms)) slowest = candidate;
    }
    if (slowest) steps.push(slowest);
  }

  // Longest chain of calls in sequence, by total round-trip time (calls sorted by when they were answered).
  const sorted = [...calls].sort((a, b) => a.answeredAt - b.answeredAt);
  const best: { ms: number; previous: number }[] = [];
  for (const [index, call] of sorted.entries()) {
    let chosen = { ms: call.answeredAt - call.receivedAt, previous: -1 };
    for (let before = 0; before < index; before++) {
      if (sorted[before]!.answeredAt > call.receivedAt) continue;
      const ms = best[before]!.ms + call.answeredAt - call.receivedAt;
      if (ms > chosen.ms) chosen = { ms, previous: before };
    }
    best.push(chosen);
  }
  let last = best.reduce((at, entry, index) => (at === -1 || entry.ms > best[at]!.ms ? index : at), -1);
  const serial: PathStep[] = [];
  for (; last !== -1; last = best[last]!.previous) serial.unshift(step(sorted[last]!));

  const sum = (path: PathStep[]) => path.reduce((total, s) => total + s.ms, 0);
  return { steps, ms: sum(steps), serial, serialMs: sum(serial), calls: calls.length };
}

export function describePath(path: readonly PathStep[]): string {
  return path.map((s) => `${s.upstream} ${s.endpoint} ${s.ms.toFixed(0)} ms`).join(' → ') || '(no upstream call)';
}
