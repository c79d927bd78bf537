import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';

describe('log lines', () => {
  it('writes plain fields as they are, and an error or a bigint in any field readably', () => {
    const lines: string[] = [];
    const logger = createLogger('gateway', { write: (line) => lines.push(line) });
    logger.info('request', { requestId: 'r1', status: 200, durationMs: 1.5, cached: false, note: null });
    logger.error('request failed', { requestId: 'r2', error: new TypeError('boom'), nested: { count: 10n } });
    const [plain, failed] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(plain).toMatchObject({
      level: 'info',
      service: 'gateway',
      msg: 'request',
      requestId: 'r1',
      status: 200,
      durationMs: 1.5,
      cached: false,
      note: null,
    });
    expect(failed).toMatchObject({ msg: 'request failed', error: { name: 'TypeError', message: 'boom' }, nested: { count: '10' } });
  });
});
