import { describe, expect, it } from 'vitest';
import { loadRules } from '../rules/loadRules.js';
import { importChargeReliefOf } from '../src/returns/importChargeReliefOf.js';

const rules = loadRules();
const DAY = new Date('2026-12-05T00:00:00Z');

describe('import-charge relief on goods sent back (Return.importChargeRelief)', () => {
  it("repays a member state's duty on defective goods under the union's rule, with how to claim", () => {
    const relief = importChargeReliefOf(rules, 'DE', 'DEFECTIVE', DAY);
    expect(relief).toMatchObject({
      status: 'APPLIES',
      charges: ['DUTY'],
      retainedBp: 0,
      claimWithinDays: 365,
      ruleId: 'EU-UCC-118-rejected-goods',
    });
    expect(relief.source).toContain('Regulation (EU) No 952/2013');
    expect(relief.howToClaim).toContain('customs office');
  });

  it('says US drawback keeps 1 %, and that a change of mind is not relieved where a relief exists', () => {
    expect(importChargeReliefOf(rules, 'US', 'NOT_AS_DESCRIBED', DAY)).toMatchObject({ status: 'APPLIES', retainedBp: 100 });
    expect(importChargeReliefOf(rules, 'US', 'NOT_AS_DESCRIBED', DAY).summary).toContain('less 1 %');
    const mind = importChargeReliefOf(rules, 'GB', 'CHANGED_MIND', DAY);
    expect(mind).toMatchObject({ status: 'NOT_FOR_THIS_REASON', charges: [], howToClaim: null, ruleId: 'GB-rejected-imports-relief' });
  });

  it('states no relief where none is sourced, and for destinations without rules', () => {
    expect(importChargeReliefOf(rules, 'AU', 'DEFECTIVE', DAY)).toMatchObject({ status: 'NONE_STATED', source: null, sourceStatus: null });
    expect(importChargeReliefOf(rules, 'KE', 'DEFECTIVE', DAY)).toMatchObject({ status: 'NONE_STATED' });
  });
});
