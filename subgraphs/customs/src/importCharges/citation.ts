import type { RuleBase } from '../../rules/types.js';

/** A rule as a line's `source`: its id, then the official citation and where to read it. */
export function citation(rule: Pick<RuleBase, 'id' | 'source'>): string {
  return `${rule.id}: ${rule.source.title} (${rule.source.url})`;
}
