import { describe, expect, it } from 'vitest';
import { compileKeywordIndex } from './keyword-index.ts';

const words = (question: string, ...sets: string[][]): string[] =>
  compileKeywordIndex(sets).match(question).map((m) => m.keyword);

describe('compileKeywordIndex / match', () => {
  it('matches only at word boundaries', () => {
    const kws = ['ec', 'vet', 'tick', 'fry', 'uv', 'sar'];
    expect(words('Two hectares of velvet beans are sticky; we were frying; a uvula; sari and sardines', kws)).toEqual([]);
    expect(words('Measure the EC, call the vet, pull the tick, count the fry, the UV light, the SAR value', kws))
      .toEqual(['ec', 'vet', 'tick', 'fry', 'uv', 'sar']);
  });

  it('matches multi-word keywords as consecutive words, plural on the last word', () => {
    const kws = ['sand dam', 'solar pv', 'water table', 'dissolved oxygen'];
    expect(words('We built sand dams and a Solar PV pump; the water table fell; dissolved oxygen is low', kws))
      .toEqual(['sand dam', 'solar pv', 'water table', 'dissolved oxygen']);
    expect(words('sand near the dam, solar panels, a water pump on the table, oxygen dissolved', kws)).toEqual([]);
  });

  it('matches hyphenated keywords written with a hyphen, a space or joined', () => {
    expect(words('Give the eye-drop vaccine', ['eye-drop'])).toEqual(['eye-drop']);
    expect(words('Give the eye drops', ['eye-drop'])).toEqual(['eye-drop']);
    expect(words('Give the eyedrops', ['eye-drop'])).toEqual(['eye-drop']);
    expect(words('Swim up fry and swim-up fry', ['swim-up'])).toEqual(['swim-up']);
  });

  it('matches a compound keyword written as two words', () => {
    expect(words('Stem borers and army worms in the maize; water from the bore hole', ['stemborer', 'armyworm', 'borehole']))
      .toEqual(['stemborer', 'armyworm', 'borehole']);
  });

  it('counts each keyword once per question, reporting occurrences and first position', () => {
    const [m] = compileKeywordIndex([['pest']]).match('pests, more pests, and a pest again');
    expect(m).toEqual({ keyword: 'pest', sets: [0], occurrences: 3, firstToken: 0 });
    const [e] = compileKeywordIndex([['eye-drop']]).match('the eye drops');
    expect(e?.occurrences).toBe(1);
  });

  it('reports every set containing a keyword, even if spelled differently', () => {
    const index = compileKeywordIndex([['Fertilizer', 'seed'], ['fertiliser'], []]);
    expect(index.match('fertilisers for the seeds')).toEqual([
      { keyword: 'fertilizer', sets: [0, 1], occurrences: 1, firstToken: 0 },
      { keyword: 'seed', sets: [0], occurrences: 1, firstToken: 3 },
    ]);
  });

  it('ignores empty and punctuation-only keywords', () => {
    expect(words('anything at all -- ?', ['', '  ', '--', '?'])).toEqual([]);
  });
});
