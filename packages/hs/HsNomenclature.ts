import { readFileSync } from 'node:fs';
import { parseCsv } from './parseCsv.js';

/** A level of the Harmonized System: chapter (2 digits), heading (4), subheading (6). */
export type HsLevel = 2 | 4 | 6;

/** One code of the HS 2022 nomenclature. */
export interface HsEntry {
  /** 2, 4 or 6 digits. */
  readonly code: string;
  readonly level: HsLevel;
  /** The nomenclature's own text, e.g. `T-shirts, singlets and other vests; knitted or crocheted, of cotton`. */
  readonly description: string;
  /** The chapter of a heading, the heading of a subheading; undefined for a chapter. */
  readonly parent: string | undefined;
  /** The section (Roman numeral, `I` to `XXI`). */
  readonly section: string;
}

export interface HsSection {
  /** Roman numeral, `I` to `XXI`. */
  readonly id: string;
  readonly name: string;
}

/** What a code given by a seller or a client is worth, against the nomenclature. */
export type HsCodeCheck =
  | {
      readonly valid: true;
      /** The digits as given, without dots or spaces (6 to 10 digits). */
      readonly code: string;
      /** The HS 2022 subheading the code extends (its first six digits). */
      readonly subheading: HsEntry;
    }
  | { readonly valid: false; readonly code: string; readonly reason: string };

export interface HsNomenclature {
  /** The edition: `HS 2022`. */
  readonly edition: string;
  /** A chapter, heading or subheading by its 2, 4 or 6 digits (dots and spaces ignored). */
  get(code: string): HsEntry | undefined;
  /**
   * Checks a classification code of 6 to 10 digits (dots and spaces allowed, as in `6109.10.00`):
   * valid when its first six digits are an HS 2022 subheading. National tariff lines (8 to 10
   * digits) extend a subheading and belong to each destination's tariff, so only their first six
   * digits are checked here.
   */
  check(code: string): HsCodeCheck;
  /** Every entry of a level, in code order. */
  entries(level: HsLevel): readonly HsEntry[];
  /** The direct children of a chapter or heading, in code order. */
  children(code: string): readonly HsEntry[];
  readonly sections: readonly HsSection[];
}

const DATA = new URL('./data/', import.meta.url);

/**
 * UN Comtrade's extraction adds codes that are not part of the Harmonized System (chapter 99,
 * "Commodities not specified according to kind", and the grand total); they are left out, so a
 * seller cannot classify goods as "not specified".
 */
const NOT_HS = /^(99|TOTAL)/;

let loaded: HsNomenclature | undefined;

/** The HS 2022 nomenclature from `packages/hs/data/` (see its README), read and indexed once per process. */
export function loadHsNomenclature(): HsNomenclature {
  loaded ??= buildNomenclature(
    readFileSync(new URL('harmonized-system-2022.csv', DATA), 'utf8'),
    readFileSync(new URL('sections.csv', DATA), 'utf8'),
  );
  return loaded;
}

/** Normalises `6109.10.00` or `6109 10` to digits; returns undefined for anything else. */
export function hsDigits(code: string): string | undefined {
  const digits = code.trim().replace(/[.\s]/g, '');
  return /^\d+$/.test(digits) ? digits : undefined;
}

export function buildNomenclature(codesCsv: string, sectionsCsv: string): HsNomenclature {
  const [codesHeader, ...codeRows] = parseCsv(codesCsv);
  expectHeader(codesHeader, ['section', 'hscode', 'description', 'parent', 'level'], 'harmonized-system-2022.csv');
  const byCode = new Map<string, HsEntry>();
  const children = new Map<string, HsEntry[]>();
  for (const [index, row] of codeRows.entries()) {
    const [section, code, description, parent, level] = row;
    if (section === undefined || code === undefined || description === undefined || parent === undefined || level === undefined) {
      throw new Error(`harmonized-system-2022.csv, row ${index + 2}: expected 5 fields`);
    }
    if (NOT_HS.test(code) || section === 'TOTAL') continue;
    const depth = Number(level);
    if ((depth !== 2 && depth !== 4 && depth !== 6) || code.length !== depth || !/^\d+$/.test(code)) {
      throw new Error(`harmonized-system-2022.csv, row ${index + 2}: code "${code}" does not match level ${level}`);
    }
    const entry: HsEntry = { code, level: depth, description, parent: depth === 2 ? undefined : parent, section };
    byCode.set(code, entry);
    if (entry.parent !== undefined) children.set(entry.parent, [...(children.get(entry.parent) ?? []), entry]);
  }
  for (const entry of byCode.values()) {
    if (entry.parent !== undefined && !byCode.has(entry.parent))
      throw new Error(`harmonized-system-2022.csv: ${entry.code} has no parent ${entry.parent}`);
  }
  const [sectionsHeader, ...sectionRows] = parseCsv(sectionsCsv);
  expectHeader(sectionsHeader, ['section', 'name'], 'sections.csv');
  const sections = sectionRows.map(([id, name]) => ({ id: id ?? '', name: name ?? '' }));

  const levels = new Map<HsLevel, HsEntry[]>([
    [2, []],
    [4, []],
    [6, []],
  ]);
  for (const entry of [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))) levels.get(entry.level)?.push(entry);

  return {
    edition: 'HS 2022',
    sections,
    get: (code) => {
      const digits = hsDigits(code);
      return digits === undefined ? undefined : byCode.get(digits);
    },
    entries: (level) => levels.get(level) ?? [],
    children: (code) => children.get(hsDigits(code) ?? '') ?? [],
    check(code) {
      const digits = hsDigits(code);
      if (digits === undefined) return { valid: false, code, reason: 'an HS code is digits only (dots and spaces allowed between them)' };
      if (digits.length < 6 || digits.length > 10) {
        return { valid: false, code: digits, reason: `an HS code has 6 to 10 digits; "${digits}" has ${digits.length}` };
      }
      const subheading = byCode.get(digits.slice(0, 6));
      if (subheading === undefined) {
        return { valid: false, code: digits, reason: `${digits.slice(0, 6)} is not an HS 2022 subheading` };
      }
      return { valid: true, code: digits, subheading };
    },
  };
}

function expectHeader(header: readonly string[] | undefined, expected: readonly string[], file: string): void {
  if (header === undefined || expected.some((name, i) => header[i] !== name)) {
    throw new Error(`${file}: expected the header ${expected.join(',')}`);
  }
}
