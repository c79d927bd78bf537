import { describe, expect, it } from 'vitest';
import { formatFault, parseFault, parseFaultList } from './faults.js';

describe('sandbox faults', () => {
  it('reads every fault kind and writes it back the same', () => {
    for (const text of ['down', 'slow:250', 'error:503', 'ratelimit', 'garbage', 'closed:1000'])
      expect(formatFault(parseFault(text))).toBe(text);
  });

  it('reads SANDBOX_FAULTS lists', () => {
    const faults = parseFaultList('cn-jademarket=down, br-feira=slow:800');
    expect([...faults.keys()]).toEqual(['cn-jademarket', 'br-feira']);
    expect(faults.get('br-feira')).toEqual({ kind: 'slow', ms: 800 });
    expect(parseFaultList(undefined).size).toBe(0);
  });

  it.each(['sleepy', 'slow:abc', 'error:200', 'down:now', 'slow:-1'])('refuses "%s" with the list of faults', (text) => {
    expect(() => parseFault(text)).toThrow(/down, slow:<ms>/);
  });

  it('refuses an entry without an upstream id', () => {
    expect(() => parseFaultList('down')).toThrow(/<upstream-id>=<fault>/);
  });
});
