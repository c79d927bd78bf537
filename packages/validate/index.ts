export {
  PayloadError,
  asArray,
  asBoolean,
  asDecimalString,
  asFiniteNumber,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  parseJson,
  type VendorRecord,
} from './vendorPayload.js';
export { readXml, type XmlElement } from './readXml.js';
export { findControlCharacter } from './controlCharacters.js';
export { parseDataFile } from './parseDataFile.js';
