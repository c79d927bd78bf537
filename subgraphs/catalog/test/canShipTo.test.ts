import { describe, expect, it } from 'vitest';
import { canShipTo } from '../src/search/canShipTo.js';

describe('canShipTo', () => {
  it('ships worldwide except to the listed countries', () => {
    const offer = { shipsTo: { kind: 'WORLDWIDE', except: ['KP', 'IR'] } } as const;
    expect(canShipTo(offer, 'DE')).toBe(true);
    expect(canShipTo(offer, 'KP')).toBe(false);
  });

  it('ships only to the listed countries', () => {
    const offer = { shipsTo: { kind: 'ONLY', countries: ['JP'] } } as const;
    expect(canShipTo(offer, 'JP')).toBe(true);
    expect(canShipTo(offer, 'US')).toBe(false);
  });
});
