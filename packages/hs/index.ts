export {
  buildNomenclature,
  hsDigits,
  loadHsNomenclature,
  type HsCodeCheck,
  type HsEntry,
  type HsLevel,
  type HsNomenclature,
  type HsSection,
} from './HsNomenclature.js';
export { parseCsv } from './parseCsv.js';
export { describeHsCodeOrigin, type HsCodeOrigin } from './describeHsCodeOrigin.js';
export { formatHsCode } from './formatHsCode.js';
export {
  createHsClassifier,
  type ClassificationRequest,
  type HsClassifier,
  type HsExplanation,
  type HsSuggestion,
} from './classifier/createHsClassifier.js';
export {
  resolveHsClassification,
  SUGGESTION_FLOOR,
  type HsClassification,
  type HsClassificationStatus,
} from './classifier/resolveHsClassification.js';
