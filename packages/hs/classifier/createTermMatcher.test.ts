import { describe, expect, it } from 'vitest';
import { createTermMatcher, longestMatches, prepareText } from './createTermMatcher.js';

describe('createTermMatcher', () => {
  const matcher = createTermMatcher([['phone case', 'handyhülle'], ['phone', '手机'], ['手机壳'], ['iron'], ['tee']], 'head');
  const entries = (text: string) =>
    longestMatches(matcher.find(prepareText(text)))
      .map((match) => match.entry)
      .sort();

  it('matches Latin words as whole tokens and phrases, and keeps the longest of overlapping matches', () => {
    expect(entries('Silicone Phone Case for iPhone')).toEqual([0]);
    expect(entries('Phone with two cases')).toEqual([1]);
    expect(entries('Steak knife')).toEqual([]); // `tea` is no part of `steak`: Latin words match whole
  });

  it('matches Chinese and Japanese words inside unbroken text', () => {
    expect(entries('透明手机壳 苹果')).toEqual([2]);
    expect(entries('手机 128GB')).toEqual([1]);
  });

  it('finds a word at the head of a German compound, marked as not exact', () => {
    const [match] = matcher.find(prepareText('Lederhandyhülle'));
    expect(match).toMatchObject({ entry: 0, exact: false });
    expect(entries('Bügeleisen')).toEqual([]); // the head is `eisen`, not `iron`
  });

  it('lets a longer match from another table cover a shorter one', () => {
    const attributes = createTermMatcher([['cast iron']], 'modifier');
    const text = prepareText('Cast Iron Skillet');
    expect(longestMatches(matcher.find(text), longestMatches(attributes.find(text)))).toEqual([]);
  });
});
