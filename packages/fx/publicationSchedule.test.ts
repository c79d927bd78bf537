import { describe, expect, it } from 'vitest';
import { nextPublicationDue, publicationInstant, utcMidnight } from './index.js';

const iso = (time: number) => new Date(time).toISOString();

describe('publication schedule', () => {
  it('publishes at 16:00 Central European time: 15:00 UTC in winter, 14:00 UTC in summer', () => {
    expect(iso(publicationInstant('2026-11-26'))).toBe('2026-11-26T15:00:00.000Z');
    expect(iso(publicationInstant('2026-07-01'))).toBe('2026-07-01T14:00:00.000Z');
  });

  it('follows the EU clock change (last Sundays of March and October 2026: the 29th and the 25th)', () => {
    expect(iso(publicationInstant('2026-03-27'))).toBe('2026-03-27T15:00:00.000Z');
    expect(iso(publicationInstant('2026-03-30'))).toBe('2026-03-30T14:00:00.000Z');
    expect(iso(publicationInstant('2026-10-23'))).toBe('2026-10-23T14:00:00.000Z');
    expect(iso(publicationInstant('2026-10-26'))).toBe('2026-10-26T15:00:00.000Z');
  });

  it('expects the next publication on the next weekday', () => {
    expect(iso(nextPublicationDue('2026-11-26'))).toBe('2026-11-27T15:00:00.000Z');
    expect(iso(nextPublicationDue('2026-11-27'))).toBe('2026-11-30T15:00:00.000Z'); // Friday → Monday
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '26-11-2026', '2026-11-26T00:00']) expect(() => utcMidnight(bad)).toThrow(RangeError);
  });
});
