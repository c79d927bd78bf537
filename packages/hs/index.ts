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
