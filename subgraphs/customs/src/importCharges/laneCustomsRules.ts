import type { LoadedRules } from '../../rules/loadRules.js';
import type { RuleBase } from '../../rules/types.js';
import { citation } from './citation.js';

export interface LaneCustomsRule {
  readonly id: string;
  readonly kind: 'DE_MINIMIS' | 'TAX' | 'DUTY' | 'AGREEMENT';
  readonly summary: string;
  readonly source: string;
  readonly validFrom: string;
}

const percent = (bp: number) => `${bp / 100}%`;

/**
 * The rules a seller pricing a lane wants to see, through the rules' public loader (`rulesAt`):
 * what applies at the destination on `date`, narrowed to goods of `hs` (2 to 6 digits) when given.
 * A destination without rules, or a date outside what the data vouches for, has none.
 */
export function laneCustomsRules(
  rules: LoadedRules,
  origin: string,
  destination: string,
  hs: string | undefined,
  date: Date,
): LaneCustomsRule[] {
  if (!rules.destinations.has(destination)) return [];
  let inForce;
  try {
    inForce = rules.rulesAt(destination, date);
  } catch {
    return [];
  }
  const line = (rule: Pick<RuleBase, 'id' | 'source' | 'validFrom'>, kind: LaneCustomsRule['kind'], summary: string) => ({
    id: rule.id,
    kind,
    summary,
    source: citation(rule),
    validFrom: rule.validFrom,
  });
  const deMinimis = inForce.deMinimis.map((rule) =>
    line(
      rule,
      'DE_MINIMIS',
      rule.threshold
        ? `de minimis ${rule.threshold.amount} ${rule.threshold.currency} on ${rule.appliesTo}`
        : `no de minimis on ${rule.appliesTo}`,
    ),
  );
  const taxes = inForce.taxes
    .filter(
      (rule) =>
        rule.scope === 'standard' ||
        (hs !== undefined && rule.hsPrefixes?.some((prefix) => prefix.startsWith(hs) || hs.startsWith(prefix))),
    )
    .map((rule) => line(rule, 'TAX', `${rule.kind} ${percent(rule.rateBp)}${rule.scope === 'reduced' ? ' (reduced)' : ''}`));
  const dutyRule = hs !== undefined ? inForce.duty.rateFor(hs) : undefined;
  const duty = dutyRule
    ? [
        line(
          dutyRule,
          'DUTY',
          `MFN duty ${percent(dutyRule.rateBp)}${'assumption' in dutyRule ? ' (default for unlisted goods: an assumption)' : ''}`,
        ),
      ]
    : [];
  const agreements = inForce.agreements
    .filter((entry) => entry.partners.includes(origin))
    .map((entry) => line(entry.agreement, 'AGREEMENT', `${entry.agreement.name}: preferential rates for goods originating in ${origin}`));
  return [...deMinimis, ...taxes, ...duty, ...agreements];
}
