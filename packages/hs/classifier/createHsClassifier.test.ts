import { describe, expect, it } from 'vitest';
import { createHsClassifier } from './createHsClassifier.js';

describe('createHsClassifier', () => {
  const classifier = createHsClassifier();
  const best = (title: string, description?: string) => classifier.classify({ title, description }, 3)[0]?.hsCode;

  it('names everyday products from the word table in every marketplace language', () => {
    expect(best('Matcha green tea powder')).toBe('090210');
    expect(best('Mini drone with 4K camera')?.slice(0, 4)).toBe('8806');
    expect(best('纯棉T恤')).toBe('610910');
    expect(best('Camiseta de Algodão')).toBe('610910');
    expect(best('Baumwoll-T-Shirt')).toBe('610910');
    expect(best('コットンTシャツ')).toBe('610910');
    expect(best('Baju-T Kapas')).toBe('610910');
  });

  it('lets material, construction and gender words choose the subheading', () => {
    expect(best('Polyester T-Shirt')).toBe('610990');
    expect(best("Women's Cotton Jeans")).toBe('620462');
    expect(best("Men's Cotton Jeans")).toBe('620342');
    expect(best('Knitted Cotton Leggings for Women')).toBe('610462');
    expect(best('Leather Wallet')).toBe('420231');
    expect(best('Nylon Wallet')).toBe('420232');
    expect(best('Porcelain Mug')).toBe('691110');
    expect(best('Stoneware Mug')).toBe('691200');
  });

  it('prefers the article to what it serves or holds', () => {
    expect(best('Laptop Backpack')).toBe('420292');
    expect(best('Ceramic Tea Cup')).toBe('691200');
    expect(best('iPhone 15 Silicone Phone Case')).toBe('392690');
  });

  it('reads a German compound by its head and its front', () => {
    expect(best('Seidenschal')).toBe('621410');
    expect(best('Lederstiefel')?.slice(0, 4)).toBe('6403');
  });

  it('falls back on the nomenclature text when no table word matches, with lower confidence', () => {
    const [suggestion] = classifier.classify({ title: 'Beeswax wraps' });
    expect(suggestion?.hsCode.slice(0, 4)).toBe('1521'); // vegetable waxes, beeswax
    expect(suggestion!.confidence).toBeLessThanOrEqual(0.5);
    expect(classifier.classify({ title: '！！！' })).toEqual([]);
  });

  it('uses the description as weaker evidence, and answers a batch in order', () => {
    expect(best('Gift for her', 'Sterling silver necklace')).toBe('711311');
    const page = classifier.classifyMany([{ title: 'Green tea' }, { title: 'Power bank 10000 mAh' }], 1);
    expect(page.map((suggestions) => suggestions.map((s) => s.hsCode))).toEqual([['090210'], ['850760']]);
  });

  it('gives confidences from 0 to 1, best first, and at most `first` suggestions', () => {
    const suggestions = classifier.classify({ title: 'Cotton T-Shirt' }, 5);
    expect(suggestions).toHaveLength(5);
    expect(suggestions[0]!.confidence).toBeGreaterThan(0.8);
    for (const [i, suggestion] of suggestions.entries()) {
      expect(suggestion.confidence).toBeGreaterThanOrEqual(0);
      expect(suggestion.confidence).toBeLessThanOrEqual(suggestions[i - 1]?.confidence ?? 1);
      expect(suggestion.description.length).toBeGreaterThan(0);
    }
  });

  it('explains its ranking: the words and attributes found and each score by part', () => {
    const explanation = classifier.explain({ title: "Men's Cotton Polo Shirt" }, 2);
    expect(explanation.words.map((found) => found.gloss)).toEqual(['polo shirt']);
    expect(explanation.attributes).toEqual(expect.arrayContaining(['men', 'cotton']));
    expect(explanation.candidates[0]).toMatchObject({ hsCode: '610510' });
    expect(explanation.candidates[0]!.score).toBeGreaterThan(explanation.candidates[1]!.score);
  });
});
