import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadHsNomenclature } from '#packages/hs/index.js';
import { loadRestrictions, readRestrictionFiles } from './loadRestrictions.js';

const hs = loadHsNomenclature();
const folders: string[] = [];

/** A folder holding one restriction file: the first line of dangerous-goods.json, changed by `edit`. */
function folderWith(edit: (line: Record<string, unknown>) => void): URL {
  const file = JSON.parse(readFileSync(new URL('./rules/dangerous-goods.json', import.meta.url), 'utf8')) as {
    restrictions: Record<string, unknown>[];
  };
  const line = structuredClone(file.restrictions[0]!);
  edit(line);
  const folder = mkdtempSync(join(tmpdir(), 'restrictions-'));
  folders.push(folder);
  writeFileSync(join(folder, 'bad.json'), JSON.stringify({ topic: 'test', restrictions: [line] }));
  return pathToFileURL(`${folder}/`);
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the restriction files', () => {
  const rules = loadRestrictions();
  const lines = [...rules.restrictions, ...rules.documentRequirements];

  it('load, and cover the goods the rules are about', () => {
    const ids = rules.restrictions.map(({ line }) => line.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'upu-lithium-batteries-alone',
        'upu-lithium-batteries-in-equipment',
        'us-alcohol-nonmailable',
        'us-cigarettes-smokeless-tobacco-nonmailable',
        'au-tobacco-import-permit',
        'my-alcohol-tobacco-import-licence',
        'cn-cbec-retail-positive-list',
        'us-fda-prior-notice-food',
        'eu-toy-safety-ce-marking',
      ]),
    );
  });

  it.each(lines.map(({ file, line }) => [line.id, file.slice(file.lastIndexOf('/') + 1), line] as const))(
    '%s (%s) cites its source: title, page, section and how far it was checked',
    (_id, _file, line) => {
      expect(line.source.title.length).toBeGreaterThan(10);
      // A home page only where no deep link was found, and then the line says so (unverified, with a note).
      if (line.source.status === 'unverified') expect(line.source.note).toBeDefined();
      else expect(line.source.url).toMatch(/^https?:\/\/[^/]+\/\S+/);
      expect(line.source.section.length).toBeGreaterThan(2);
      expect(['verified', 'knowledge', 'unverified']).toContain(line.source.status);
    },
  );

  it('name only HS 2022 chapters, headings and subheadings', () => {
    for (const { line } of lines)
      for (const code of [...(line.goods.hs ?? []), ...(line.goods.exceptHs ?? [])])
        expect(hs.get(code), `${line.id}: ${code}`).toBeDefined();
  });
});

describe('a bad restriction file stops the loader, naming the file and field', () => {
  it('an HS code that does not exist in HS 2022', () => {
    const folder = folderWith((line) => {
      line.goods = { hs: ['850799'] };
    });
    expect(() => readRestrictionFiles(folder, hs)).toThrow(/bad\.json: \$\.restrictions\[0\]\.goods\.hs\[0\]: 850799 is not an HS 2022/);
  });

  it('a line without a source', () => {
    const folder = folderWith((line) => {
      delete line.source;
    });
    expect(() => readRestrictionFiles(folder, hs)).toThrow(/bad\.json: \$\.restrictions\[0\]\.source/);
  });

  it('a source without its verification status', () => {
    const folder = folderWith((line) => {
      delete (line.source as Record<string, unknown>).status;
    });
    expect(() => readRestrictionFiles(folder, hs)).toThrow(/\$\.restrictions\[0\]\.source\.status/);
  });

  it('a CONDITIONAL line that names no document', () => {
    const folder = folderWith((line) => {
      line.kind = 'CONDITIONAL';
    });
    expect(() => readRestrictionFiles(folder, hs)).toThrow(/\$\.restrictions\[0\]\.document/);
  });

  it('a customs mode that does not exist', () => {
    const folder = folderWith((line) => {
      line.modes = ['COURIER'];
    });
    expect(() => readRestrictionFiles(folder, hs)).toThrow(/\$\.restrictions\[0\]\.modes\[0\]/);
  });
});
