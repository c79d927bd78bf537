export { loadRestrictions, readRestrictionFiles, type Located, type RestrictionRules } from './loadRestrictions.js';
export {
  citeSource,
  documentRequirementsFor,
  evaluateRestrictions,
  isProhibited,
  SOURCE_STATUS,
  type AppliedRestriction,
  type ShipmentFacts,
} from './evaluateRestrictions.js';
export {
  restrictionFile,
  type CustomsMode,
  type DocumentRequirement,
  type RestrictionFile,
  type RestrictionLine,
} from './schema/restrictionFile.js';
