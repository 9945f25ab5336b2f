import { describe, expect, it } from 'vitest';
import { keywordRecall } from './scoring.ts';

describe('keyword recall', () => {
  it('published substring scoring: lower-case substrings, matched / total', () => {
    const r = keywordRecall('Apply NEEM oil at 12% before dawn; scout fingerlings.', ['neem oil', '12%', '4 AM', 'fingerling']);
    expect(r.matched).toEqual(['neem oil', '12%', 'fingerling']);
    expect(r.score).toBe(0.75);
  });

  it('substring scoring fires inside words; the word variant does not', () => {
    const answer = 'One hectare of fingerlings in a pond.';
    expect(keywordRecall(answer, ['ec', 'fingerling', 'pond']).score).toBeCloseTo(1, 12);
    const word = keywordRecall(answer, ['ec', 'fingerling', 'pond'], 'word');
    expect(word.matched).toEqual(['pond']);
    expect(word.score).toBeCloseTo(1 / 3, 12);
  });

  it('the word variant handles phrases, punctuation and keywords that start or end with symbols', () => {
    const answer = 'Keep EC below 2.8 dS/m; use a 3-5 fish/m2 density and -55 kPa (matric potential).';
    const r = keywordRecall(answer, ['ec', '3-5 fish/m2', '-55 kpa', 'matric potential', 'kpa', '2.8', '8 d'], 'word');
    expect(r.matched).toEqual(['ec', '3-5 fish/m2', '-55 kpa', 'matric potential', 'kpa', '2.8']);
  });

  it('a keyword listed twice counts once; no keywords → no score', () => {
    expect(keywordRecall('tilapia', ['Tilapia', 'tilapia', 'pond']).score).toBe(0.5);
    expect(keywordRecall('anything', []).score).toBeNull();
  });
});
