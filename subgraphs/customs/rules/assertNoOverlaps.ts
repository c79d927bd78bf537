import type { RuleBase } from './types.js';

export interface LocatedRule {
  file: string;
  rule: RuleBase;
}

/** The same id may recur for successive periods (e.g. a VAT rate change) but never overlap. */
export function assertNoOverlaps(rules: readonly LocatedRule[]): void {
  const byId = new Map<string, LocatedRule[]>();
  for (const located of rules) byId.set(located.rule.id, [...(byId.get(located.rule.id) ?? []), located]);
  for (const [id, list] of byId) {
    const sorted = [...list].sort((a, b) => a.rule.validFrom.localeCompare(b.rule.validFrom));
    sorted.forEach((cur, i) => {
      const prev = sorted[i - 1];
      if (prev === undefined) return;
      if (prev.rule.validTo === undefined || prev.rule.validTo >= cur.rule.validFrom) {
        throw new Error(
          `${cur.file}: rule ${id}: effective period from ${cur.rule.validFrom} overlaps the one from ${prev.rule.validFrom} (${prev.file})`,
        );
      }
    });
  }
}
