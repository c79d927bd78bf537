export { agreementsFile, destinationFile, dutyRateTable } from './ruleFiles.js';
export { parseDataFile as parseRuleFile } from '#packages/validate/index.js';
