import { describe, expect, it } from 'vitest';
import { call, stageOf } from './callFixtures.js';
import { criticalPath } from './criticalPath.js';
import { hopMargins, servedRequestOf } from './hopMargins.js';

const CALLS = [
  call('market-a', 5, 105),
  call('market-b', 6, 110),
  call('carrier-a', 118, 220),
  call('carrier-b', 120, 221),
  call('pay-a', 240, 340),
];
const SERVED = {
  catalog: { receivedAt: 2, answeredAt: 113 },
  logistics: { receivedAt: 114, answeredAt: 224 },
  customs: { receivedAt: 226, answeredAt: 232 },
  payments: { receivedAt: 234, answeredAt: 348 },
};

describe('hopMargins', () => {
  it('splits what a request spent beyond its critical path into hops that add up to it', () => {
    const margins = hopMargins(0, 352, CALLS, stageOf, SERVED)!;
    expect(Object.fromEntries(margins.map((margin) => [margin.hop, margin.ms]))).toEqual({
      'gateway → catalog': 2,
      'catalog → first marketplace call': 3,
      'marketplace calls beyond the slowest': 1,
      'last marketplace answer → catalog answered': 3,
      'gateway → logistics': 1,
      'logistics → first carrier call': 4,
      'carrier calls beyond the slowest': 1,
      'last carrier answer → logistics answered': 3,
      'gateway → customs': 2,
      customs: 6,
      'gateway → payments': 2,
      'payments → first fee quote call': 6,
      'fee quote calls beyond the slowest': 0,
      'last fee quote → payments answered': 8,
      'gateway → client': 4,
    });
    const total = margins.reduce((sum, margin) => sum + margin.ms, 0);
    expect(total).toBe(352 - criticalPath(CALLS, stageOf).ms);
  });

  it('cannot split a request a subgraph did not log or that reached no fee quote', () => {
    expect(hopMargins(0, 352, CALLS, stageOf, { ...SERVED, customs: undefined })).toBeUndefined();
    expect(hopMargins(0, 352, CALLS.slice(0, 4), stageOf, SERVED)).toBeUndefined();
  });
});

describe('servedRequestOf', () => {
  it('reads when a subgraph received and answered a GraphQL request from its request log line', () => {
    const line = JSON.stringify({
      time: '2026-12-05T22:00:00.120Z',
      level: 'info',
      service: 'customs',
      msg: 'request',
      requestId: 'quote-1',
      method: 'POST',
      path: '/graphql',
      status: 200,
      durationMs: 6.2,
    });
    const answeredAt = Date.parse('2026-12-05T22:00:00.120Z') + 0.5;
    expect(servedRequestOf(line)).toEqual({ requestId: 'quote-1', served: { receivedAt: answeredAt - 6.2, answeredAt } });
  });

  it('passes over other lines', () => {
    expect(
      servedRequestOf('{"msg":"request","path":"/metrics","requestId":"x","time":"2026-12-05T22:00:00.120Z","durationMs":1}'),
    ).toBeUndefined();
    expect(servedRequestOf('{"msg":"upstream request","requestId":"x"}')).toBeUndefined();
    expect(servedRequestOf('not json "msg":"request"')).toBeUndefined();
  });
});
