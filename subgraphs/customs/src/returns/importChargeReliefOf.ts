import type { LoadedRules } from '../../rules/loadRules.js';
import type { ReturnReason, ReturnReliefRule } from '../../rules/types.js';
import { citation } from '../importCharges/citation.js';

export type ImportChargeReliefStatus = 'APPLIES' | 'NOT_FOR_THIS_REASON' | 'NONE_STATED';

/** The API's `ImportChargeRelief`. */
export interface ImportChargeRelief {
  readonly destinationCountry: string;
  readonly status: ImportChargeReliefStatus;
  readonly summary: string;
  readonly charges: ReturnReliefRule['charges'];
  readonly retainedBp: number;
  readonly claimWithinDays: number | null;
  readonly howToClaim: string | null;
  readonly ruleId: string | null;
  readonly source: string | null;
  readonly sourceStatus: 'VERIFIED' | 'KNOWLEDGE' | 'UNVERIFIED' | null;
}

const CHARGE_WORDS = { DUTY: 'customs duty', IMPORT_VAT: 'import VAT', EXCISE: 'excise' } as const;

/**
 * What the destination repays of the import charges on goods sent back for `reason`, by the rules
 * in force on `day`. A destination without a relief on file says "none stated", not "none": the
 * absence of a sourced rule is not proof that the law gives nothing.
 */
export function importChargeReliefOf(rules: LoadedRules, destination: string, reason: ReturnReason, day: Date): ImportChargeRelief {
  const none = (status: ImportChargeReliefStatus, summary: string, rule?: ReturnReliefRule): ImportChargeRelief => ({
    destinationCountry: destination,
    status,
    summary,
    charges: [],
    retainedBp: 0,
    claimWithinDays: null,
    howToClaim: null,
    ruleId: rule?.id ?? null,
    source: rule ? citation(rule) : null,
    sourceStatus: rule ? statusOf(rule) : null,
  });
  if (!rules.destinations.has(destination) || destination === 'EU') {
    return none('NONE_STATED', `No customs rules on file for ${destination}: no import-charge relief is stated.`);
  }
  const reliefs = rules.rulesAt(destination, day).returnRelief;
  const rule = reliefs.find((candidate) => candidate.reasons.includes(reason));
  if (rule === undefined) {
    const other = reliefs[0];
    return other === undefined
      ? none('NONE_STATED', `No relief on goods sent back is on file for ${destination}: none is stated.`)
      : none(
          'NOT_FOR_THIS_REASON',
          `${destination} repays import charges only on goods sent back as ${other.reasons.join(', ')}; not for ${reason}.`,
          other,
        );
  }
  const kept = rule.retainedBp === 0 ? '' : ` less ${rule.retainedBp / 100} %`;
  return {
    destinationCountry: destination,
    status: 'APPLIES',
    summary: `${destination} repays the ${rule.charges.map((charge) => CHARGE_WORDS[charge]).join(' and ')} paid${kept} on goods sent back as ${reason}, on claim.`,
    charges: rule.charges,
    retainedBp: rule.retainedBp,
    claimWithinDays: rule.claimWithinDays ?? null,
    howToClaim: rule.claim,
    ruleId: rule.id,
    source: citation(rule),
    sourceStatus: statusOf(rule),
  };
}

const statusOf = (rule: ReturnReliefRule) => rule.source.status.toUpperCase() as 'VERIFIED' | 'KNOWLEDGE' | 'UNVERIFIED';
