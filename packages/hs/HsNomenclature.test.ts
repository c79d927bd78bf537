import { describe, expect, it } from 'vitest';
import { buildNomenclature, loadHsNomenclature } from './HsNomenclature.js';
import { parseCsv } from './parseCsv.js';

describe('the HS 2022 nomenclature', () => {
  const hs = loadHsNomenclature();

  it('holds every chapter, heading and subheading of the edition, without Comtrade’s "not specified" codes', () => {
    expect(hs.edition).toBe('HS 2022');
    // 96 chapters (01-97; chapter 77 is reserved), 1,228 headings and 5,612 subheadings once 99/9999/999999 are left out.
    expect(hs.entries(2)).toHaveLength(96);
    expect(hs.entries(4)).toHaveLength(1228);
    expect(hs.entries(6)).toHaveLength(5612);
    expect(hs.get('99')).toBeUndefined();
    expect(hs.get('77')).toBeUndefined();
    expect(hs.sections).toHaveLength(21);
    expect(hs.sections[0]).toEqual({ id: 'I', name: 'live animals; animal products' });
  });

  it('names a code at each level and links it to its parent and section', () => {
    expect(hs.get('61')).toMatchObject({ level: 2, parent: undefined, section: 'XI' });
    expect(hs.get('6109')).toMatchObject({ level: 4, parent: '61' });
    expect(hs.get('6109.10')).toMatchObject({ code: '610910', level: 6, parent: '6109', section: 'XI' });
    expect(hs.get('610910')?.description).toMatch(/T-shirts.*cotton/);
    expect(hs.get('8806')?.description).toMatch(/aircraft/i);
    expect(hs.children('6109').map((entry) => entry.code)).toEqual(['610910', '610990']);
  });

  it('accepts a national tariff line of 8 to 10 digits whose first six digits are a 2022 subheading', () => {
    const tariffLine = hs.check('6109.10.00');
    expect(tariffLine).toMatchObject({ valid: true, code: '61091000' });
    expect(tariffLine.valid && tariffLine.subheading.code).toBe('610910');
    expect(hs.check('0902.10.1000')).toMatchObject({ valid: true, code: '0902101000' });
  });

  it('says why a code is not one: letters, length, or a subheading that does not exist in 2022', () => {
    expect(hs.check('61O910')).toMatchObject({ valid: false, reason: expect.stringMatching(/digits only/) });
    expect(hs.check('6109')).toMatchObject({ valid: false, reason: expect.stringMatching(/6 to 10 digits/) });
    expect(hs.check('61091000001')).toMatchObject({ valid: false });
    expect(hs.check('610999')).toMatchObject({ valid: false, reason: '610999 is not an HS 2022 subheading' });
    // 8517.12 (mobile phones) was split in 2022 into 8517.13 and 8517.14: the 2017 code is gone.
    expect(hs.check('851712')).toMatchObject({ valid: false });
    expect(hs.check('851713')).toMatchObject({ valid: true });
  });

  it('refuses a data file whose codes do not match their level or lose their parent', () => {
    const sections = 'section,name\nI,live animals\n';
    expect(() => buildNomenclature('section,hscode,description,parent,level\nI,0101,Horses,01,2\n', sections)).toThrow(/row 2.*level 2/);
    expect(() => buildNomenclature('section,hscode,description,parent,level\nI,0101,Horses,01,4\n', sections)).toThrow(/no parent 01/);
    expect(() => buildNomenclature('code,description\n', sections)).toThrow(/expected the header/);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and drops a byte-order mark', () => {
    expect(parseCsv('\ufeffa,"b, c","say ""hi""","two\nlines"\r\nd,,e')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['d', '', 'e'],
    ]);
  });

  it('refuses an unclosed quote', () => {
    expect(() => parseCsv('a,"b')).toThrow(/not closed/);
  });
});
