import { describe, expect, it } from 'vitest';
import { testTriggerOfEmail } from './testTriggerOfEmail.js';

describe('testTriggerOfEmail', () => {
  it('reads the trigger a `+` tag of the local part names, in any case', () => {
    expect(testTriggerOfEmail('ana+payment_declined@example.com')).toBe('payment_declined');
    expect(testTriggerOfEmail('ana+shop+Out_Of_Stock@example.com')).toBe('out_of_stock');
    expect(testTriggerOfEmail('ana+carrier_refused@example.com')).toBe('carrier_refused');
  });

  it('finds none in a plain address, an unknown tag, or a tag in the domain', () => {
    expect(testTriggerOfEmail('ana@example.com')).toBeUndefined();
    expect(testTriggerOfEmail('ana+newsletter@example.com')).toBeUndefined();
    expect(testTriggerOfEmail('payment_declined@example.com')).toBeUndefined();
    expect(testTriggerOfEmail('ana@x+payment_declined.example.com')).toBeUndefined();
  });
});
