import { describe, expect, it } from 'vitest';
import { DateTimeScalar } from './DateTimeScalar.js';

describe('DateTime', () => {
  it('writes every instant in UTC with milliseconds, whatever the resolver hands it', () => {
    const instant = '2026-12-05T09:30:00.000Z';
    expect(DateTimeScalar.serialize(Date.parse(instant))).toBe(instant);
    expect(DateTimeScalar.serialize(new Date(instant))).toBe(instant);
    expect(DateTimeScalar.serialize('2026-12-05T10:30:00+01:00')).toBe(instant);
  });

  it('refuses a time without an offset, a bare date or garbage as BAD_USER_INPUT', () => {
    for (const value of ['2026-12-05T09:30:00', '2026-12-05', 'tomorrow', Number.NaN])
      expect(() => DateTimeScalar.parseValue(value), String(value)).toThrow(/is not a DateTime/);
  });
});
