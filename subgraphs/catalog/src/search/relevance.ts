import type { OfferRecord } from '../adapters/ports.js';

/**
 * How well an offer's titles match the query, from 0 to 1: the share of query words found as
 * whole words in the English or native title, plus a little for a match at the start of a word.
 * Marketplaces rank by their own rules; this score makes their answers comparable.
 */
export function relevance(offer: OfferRecord, query: string): number {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return 0;
  const titles = `${offer.title} ${offer.nativeTitle}`.toLowerCase();
  const tokens = new Set(titles.split(/[\s\-_,.()/]+/));
  let score = 0;
  for (const word of words) {
    if (tokens.has(word)) score += 1;
    else if ([...tokens].some((token) => token.startsWith(word))) score += 0.75;
    else if (titles.includes(word)) score += 0.5; // e.g. CJK titles, written without spaces
  }
  return Math.round((score / words.length) * 1000) / 1000;
}
