import { describe, expect, it } from 'vitest';
import { normalizeText, stemWord, tokensOf } from './normalizeText.js';

describe('normalizeText', () => {
  it('folds width, case and Latin accents, keeps kana voicing, and splits digits from letters and Latin from CJK', () => {
    expect(normalizeText('Baumwoll-T-Shirt')).toBe('baumwoll t shirt');
    expect(normalizeText('ＵＳＢ－Ｃ充電器')).toBe('usb c 充電器');
    expect(normalizeText('Chá Matcha em Pó')).toBe('cha matcha em po');
    expect(normalizeText('Fußball Größe 5')).toBe('fussball grosse 5');
    expect(normalizeText('コットンTシャツ')).toBe('コットン t シャツ');
    expect(normalizeText('ガジェット')).toBe('ガジェット'); // ガ and ジ keep their voicing marks
    expect(normalizeText('8GB 15,6"')).toBe('8 gb 15 6');
    expect(normalizeText("Men's")).toBe('mens');
  });

  it('stems plurals only, alike in every language', () => {
    expect(['shirts', 'boxes', 'accessories', 'camisetas', 'glass', 'status', 'tee'].map(stemWord)).toEqual([
      'shirt',
      'box',
      'accessory',
      'camiseta',
      'glass',
      'status',
      'tee',
    ]);
    expect(tokensOf(normalizeText('Cotton Socks 6 Pairs'))).toEqual(['cotton', 'sock', '6', 'pair']);
  });
});
