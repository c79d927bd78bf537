import { EU_MEMBER_STATES } from '#packages/countries/index.js';
import type { RestrictionRules } from './loadRestrictions.js';
import type { CustomsMode, DocumentRequirement, RestrictionLine, RestrictionSource } from './schema/restrictionFile.js';

/** What the rules need to know about one shipment. */
export interface ShipmentFacts {
  /** The destination country (a subdivision's country: restrictions are national or EU-wide). */
  readonly destination: string;
  readonly origin: string;
  /** How customs sees the shipment; null when no border is crossed (domestic, stock already imported). */
  readonly mode: CustomsMode | null;
  /** The checked HS code (6 to 10 digits), or null when none could be had. */
  readonly hsCode: string | null;
  readonly containsLithiumBattery: boolean;
  /** The day whose rules apply, YYYY-MM-DD. */
  readonly date: string;
}

/** A restriction that applies to a shipment, as the API gives it. */
export interface AppliedRestriction {
  readonly rule: string;
  readonly kind: RestrictionLine['kind'];
  readonly reason: string;
  readonly document: string | null;
  /** The act or guidance, its section and page. */
  readonly source: string;
  /** The source's verification status, as the API's enum spells it. */
  readonly sourceStatus: 'VERIFIED' | 'KNOWLEDGE' | 'UNVERIFIED';
}

/** A source's verification status as the API's `RestrictionSourceStatus` enum spells it. */
export const SOURCE_STATUS = { verified: 'VERIFIED', knowledge: 'KNOWLEDGE', unverified: 'UNVERIFIED' } as const satisfies Record<
  RestrictionSource['status'],
  AppliedRestriction['sourceStatus']
>;

/** Every restriction line in force on `facts.date` that applies to the shipment: PROHIBITED ones first. */
export function evaluateRestrictions(rules: RestrictionRules, facts: ShipmentFacts): AppliedRestriction[] {
  if (facts.mode === null) return [];
  return rules.restrictions
    .filter(({ line }) => applies(line, facts))
    .map(({ line }) => ({
      rule: line.id,
      kind: line.kind,
      reason: line.reason,
      document: line.document ?? null,
      source: citeSource(line.source),
      sourceStatus: SOURCE_STATUS[line.source.status],
    }))
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'PROHIBITED' ? -1 : 1));
}

/** True when some line forbids the shipment. */
export function isProhibited(restrictions: readonly AppliedRestriction[]): boolean {
  return restrictions.some((restriction) => restriction.kind === 'PROHIBITED');
}

/** The document requirements in force for the shipment (e.g. product identifiers for EU low-value consignments). */
export function documentRequirementsFor(rules: RestrictionRules, facts: ShipmentFacts): DocumentRequirement[] {
  if (facts.mode === null) return [];
  return rules.documentRequirements.filter(({ line }) => applies(line, facts)).map(({ line }) => line);
}

export function citeSource(source: RestrictionSource): string {
  return `${source.title}, ${source.section} (${source.url})`;
}

type Line = RestrictionLine | DocumentRequirement;

function applies(line: Line, facts: ShipmentFacts): boolean {
  if (facts.mode === null || !line.modes.includes(facts.mode)) return false;
  if (facts.date < line.validFrom || (line.validTo !== undefined && facts.date > line.validTo)) return false;
  if (!line.destinations.some((where) => where === '*' || isIn(where, facts.destination))) return false;
  if (line.origins?.include !== undefined && !line.origins.include.some((where) => isIn(where, facts.origin))) return false;
  if (line.origins?.exclude?.some((where) => isIn(where, facts.origin)) === true) return false;
  return goodsMatch(line.goods, facts);
}

/** A country is in itself, and a member state in "EU". */
function isIn(where: string, country: string): boolean {
  return where === country || (where === 'EU' && EU_MEMBER_STATES.has(country));
}

function goodsMatch(goods: Line['goods'], facts: ShipmentFacts): boolean {
  const code = facts.hsCode;
  if (goods.containsLithiumBattery !== undefined && goods.containsLithiumBattery !== facts.containsLithiumBattery) return false;
  // Goods without a code match no listed code, and cannot be shown to be on a positive list.
  if (goods.hs !== undefined && (code === null || !goods.hs.some((prefix) => code.startsWith(prefix)))) return false;
  if (goods.exceptHs !== undefined && code !== null && goods.exceptHs.some((prefix) => code.startsWith(prefix))) return false;
  return true;
}
