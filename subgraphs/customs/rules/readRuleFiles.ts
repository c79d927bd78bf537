import { readdirSync, readFileSync } from 'node:fs';
import { agreementsFile, destinationFile, dutyRateTable, parseRuleFile } from './schema/index.js';
import type { AgreementsFile, DestinationFile, DutyRateTable } from './types.js';

export interface RuleFiles {
  readonly destinations: ReadonlyArray<{ file: string; rules: DestinationFile }>;
  readonly dutyTables: ReadonlyArray<{ file: string; rules: DutyRateTable }>;
  readonly agreements: { file: string; rules: AgreementsFile };
}

/** Reads and validates every rule file under `baseUrl`, throwing on the first file at fault. */
export function readRuleFiles(baseUrl: URL): RuleFiles {
  return {
    destinations: readJsonDir(new URL('destinations/', baseUrl)).map(({ file, json }) => ({
      file,
      rules: parseRuleFile(destinationFile, file, json),
    })),
    dutyTables: readJsonDir(new URL('dutyRates/', baseUrl)).map(({ file, json }) => ({
      file,
      rules: parseRuleFile(dutyRateTable, file, json),
    })),
    agreements: (() => {
      const file = new URL('agreements.json', baseUrl).pathname;
      return { file, rules: parseRuleFile(agreementsFile, file, readJson(file)) };
    })(),
  };
}

function readJsonDir(dir: URL): { file: string; json: unknown }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = new URL(name, dir).pathname;
      return { file, json: readJson(file) };
    });
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${file}: invalid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
