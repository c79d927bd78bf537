import { describe, expect, it } from 'vitest';
import { errorCodesOf, judgeAnswer } from './judgeAnswer.js';

const answered = (status: number, body: string) => ({ kind: 'answered' as const, status, headers: '', body, ms: 1 });
const INTERNAL = ['http://127.0.0.1:4003'];

describe('judgeAnswer', () => {
  it('passes a 400 with BAD_USER_INPUT, a 429, and a connection closed on a body cut short', () => {
    expect(judgeAnswer(answered(400, '{"errors":[{"extensions":{"code":"BAD_USER_INPUT"}}]}'), INTERNAL)).toBeUndefined();
    expect(judgeAnswer(answered(429, ''), INTERNAL)).toBeUndefined();
    expect(judgeAnswer({ kind: 'closed', ms: 1 }, INTERNAL)).toBeUndefined();
    // a metrics page that counts errors by code is no internal error
    expect(judgeAnswer(answered(200, 'errors_total{code="INTERNAL_SERVER_ERROR"} 0'), INTERNAL)).toBeUndefined();
  });

  it('flags a 5xx, an internal error, a stack trace in production and an internal address', () => {
    expect(judgeAnswer(answered(502, ''), INTERNAL)).toBe('HTTP 502');
    expect(judgeAnswer(answered(200, '{"errors":[{"extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}'), INTERNAL)).toMatch(/INTERNAL/);
    expect(judgeAnswer(answered(400, '{"errors":[{"extensions":{"stacktrace":["Error: x"]}}]}'), INTERNAL, true)).toMatch(/stack/);
    // development shows a stack trace with every error, by design
    expect(judgeAnswer(answered(400, '{"errors":[{"extensions":{"stacktrace":["Error: x"]}}]}'), INTERNAL)).toBeUndefined();
    expect(judgeAnswer(answered(200, '{"errors":[{"message":"fetch http://127.0.0.1:4003/graphql failed"}]}'), INTERNAL)).toMatch(
      /127\.0\.0\.1:4003/,
    );
  });

  it('reads the error codes of one answer or of a batch', () => {
    expect(errorCodesOf(answered(200, '[{"errors":[{"extensions":{"code":"A"}}]},{"data":{}}]'))).toEqual(['A']);
    expect(errorCodesOf(answered(400, 'not json'))).toEqual([]);
  });
});
