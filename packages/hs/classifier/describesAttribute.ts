import type { HsEntry, HsNomenclature } from '../HsNomenclature.js';
import type { AttributeWord } from '../words/index.js';

const NEGATION = /\b(?:other than|not|excluding|except)\b/;

/**
 * Whether a description states `pattern` (+1), rules it out (−1: `other than cotton`, `not knitted`,
 * `excluding silver`), or says nothing (0). A negation counts within its clause (up to the last
 * `,` `;` `(`); `whether or not` neither states nor rules out.
 */
export function mentions(description: string, pattern: RegExp): -1 | 0 | 1 {
  const global = new RegExp(pattern.source, 'g');
  let negated = false;
  for (const match of description.matchAll(global)) {
    const before = description.slice(0, match.index);
    const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('(')) + 1);
    if (/whether or not/.test(clause)) continue; // `whether or not plated with precious metal` says neither
    if (!NEGATION.test(clause)) return 1;
    negated = true;
  }
  return negated ? -1 : 0;
}

/**
 * How well a subheading agrees with the attributes of a title, read from the most specific text
 * that speaks of each attribute's family: the subheading's own description, else its heading's,
 * else (for construction and kind only, `knitted or crocheted`) its chapter's. In that text the
 * title's value scores its weight when stated and minus it when ruled out; a subheading that names
 * another value of the family and not the title's (`of synthetic fibres` for a cotton shirt)
 * scores −0.7.
 */
export function createAttributeAgreement(nomenclature: HsNomenclature, attributes: readonly AttributeWord[]) {
  const byFamily = new Map<string, AttributeWord[]>();
  for (const attribute of attributes) byFamily.set(attribute.family, [...(byFamily.get(attribute.family) ?? []), attribute]);
  const cache = new Map<string, number>();

  function levels(subheading: HsEntry, family: AttributeWord['family']): string[] {
    const heading = nomenclature.get(subheading.parent ?? '');
    const chapter = nomenclature.get(heading?.parent ?? '');
    const texts = [subheading.description.toLowerCase(), (heading?.description ?? '').toLowerCase()];
    if (family === 'construction' || family === 'kind') texts.push((chapter?.description ?? '').toLowerCase());
    return texts;
  }

  function agreementAt(text: string, attribute: AttributeWord): number | undefined {
    const [primary, ...weaker] = attribute.describes;
    const own = primary ? mentions(text, primary[0]) : 0;
    if (attribute.against?.test(text)) return -attribute.weight;
    if (own !== 0) return own * (primary?.[1] ?? 1) * attribute.weight;
    const others = (byFamily.get(attribute.family) ?? []).filter((other) => other !== attribute && other.family !== 'kind');
    const rival = others.some((other) => other.describes[0] && mentions(text, other.describes[0][0]) === 1);
    const kin = weaker.find(([pattern]) => mentions(text, pattern) === 1);
    if (kin) return kin[1] * attribute.weight;
    if (rival) return -0.7 * attribute.weight;
    return undefined;
  }

  return function agreement(subheading: HsEntry, attribute: AttributeWord): number {
    const key = `${attribute.key}:${subheading.code}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    let score = 0;
    for (const text of levels(subheading, attribute.family)) {
      const found = agreementAt(text, attribute);
      if (found !== undefined) {
        score = found;
        break;
      }
    }
    cache.set(key, score);
    return score;
  };
}
