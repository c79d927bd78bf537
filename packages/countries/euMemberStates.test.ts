import { describe, expect, it } from 'vitest';
import { isCountryCode } from './countries.js';
import { EU_MEMBER_STATE_LIST, EU_MEMBER_STATES } from './euMemberStates.js';

describe('EU member states', () => {
  it('are the 27 of the union since the United Kingdom left, each an assigned country code once', () => {
    expect(EU_MEMBER_STATE_LIST).toHaveLength(27);
    expect(EU_MEMBER_STATES.size).toBe(27);
    for (const code of EU_MEMBER_STATE_LIST) expect(isCountryCode(code), code).toBe(true);
    expect(EU_MEMBER_STATES.has('GB')).toBe(false);
    expect(EU_MEMBER_STATES.has('HR')).toBe(true); // the latest to join, in 2013
  });
});
