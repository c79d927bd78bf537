import { readdirSync, readFileSync } from 'node:fs';
import { loadHsNomenclature, type HsNomenclature } from '#packages/hs/index.js';
import { parseDataFile } from '#packages/validate/index.js';
import { restrictionFile, type DocumentRequirement, type RestrictionLine } from './schema/restrictionFile.js';

/** A line and the file it came from, for error messages and the README. */
export interface Located<T> {
  readonly file: string;
  readonly line: T;
}

export interface RestrictionRules {
  readonly restrictions: readonly Located<RestrictionLine>[];
  readonly documentRequirements: readonly Located<DocumentRequirement>[];
}

const RULES = new URL('./rules/', import.meta.url);
let loaded: RestrictionRules | undefined;

/**
 * Reads and validates every restriction file once per process, and throws naming the file and
 * field when one is at fault: a field the schema refuses, an HS code that is not an HS 2022
 * chapter, heading or subheading, or an id used twice. Services call it at start-up, so bad data
 * stops them rather than a quote later; `loadRestrictions.test.ts` fails CI the same way.
 */
export function loadRestrictions(): RestrictionRules {
  loaded ??= readRestrictionFiles(RULES, loadHsNomenclature());
  return loaded;
}

export function readRestrictionFiles(folder: URL, nomenclature: HsNomenclature): RestrictionRules {
  const restrictions: Located<RestrictionLine>[] = [];
  const documentRequirements: Located<DocumentRequirement>[] = [];
  const ids = new Map<string, string>();
  for (const name of readdirSync(folder)
    .filter((entry) => entry.endsWith('.json'))
    .sort()) {
    const file = new URL(name, folder).pathname;
    const parsed = parseDataFile(restrictionFile, file, readJson(file));
    const lines = [
      ...parsed.restrictions.map((line, index) => ({ line, at: `$.restrictions[${index}]` })),
      ...parsed.documentRequirements.map((line, index) => ({ line, at: `$.documentRequirements[${index}]` })),
    ];
    for (const { line, at } of lines) {
      const seen = ids.get(line.id);
      if (seen !== undefined) throw new Error(`${file}: ${at}.id: "${line.id}" is already used in ${seen}`);
      ids.set(line.id, file);
      for (const [field, codes] of [
        ['hs', line.goods.hs],
        ['exceptHs', line.goods.exceptHs],
      ] as const) {
        (codes ?? []).forEach((code, index) => {
          if (nomenclature.get(code) === undefined)
            throw new Error(`${file}: ${at}.goods.${field}[${index}]: ${code} is not an HS 2022 chapter, heading or subheading`);
        });
      }
    }
    restrictions.push(...parsed.restrictions.map((line) => ({ file, line })));
    documentRequirements.push(...parsed.documentRequirements.map((line) => ({ file, line })));
  }
  return { restrictions, documentRequirements };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${file}: invalid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
