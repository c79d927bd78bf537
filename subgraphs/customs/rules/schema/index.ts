export { agreementsFile, destinationFile, dutyRateTable } from './ruleFiles.js';
export { parseRuleFile } from './parseRuleFile.js';
