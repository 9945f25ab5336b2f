import { describe, expect, it } from 'vitest';
import { stem, tokenize } from './tokens.ts';

const same = (a: string, b: string): boolean => stem(a) === stem(b);

describe('tokenize', () => {
  it('lower-cases and splits on punctuation, hyphens and whitespace', () => {
    expect(tokenize('Eye-drop vaccine, for  NEWCASTLE?')).toEqual(['eye', 'drop', 'vaccine', 'for', 'newcastle']);
  });
  it('drops apostrophes instead of splitting on them', () => {
    expect(tokenize("my cow's udder, the farmer’s field")).toEqual(['my', 'cows', 'udder', 'the', 'farmers', 'field']);
  });
  it('keeps non-Latin letters and digits', () => {
    expect(tokenize('Mbegu 20kg, shamba la mahindi')).toEqual(['mbegu', '20kg', 'shamba', 'la', 'mahindi']);
  });
  it('returns nothing for punctuation only', () => {
    expect(tokenize(' --?!  ')).toEqual([]);
  });
});

describe('stem', () => {
  it('maps plurals onto the singular', () => {
    for (const [plural, singular] of [['pests', 'pest'], ['ticks', 'tick'], ['vets', 'vet'], ['fishes', 'fish'],
      ['hatcheries', 'hatchery'], ['diseases', 'disease'], ['tomatoes', 'tomato'], ['boreholes', 'borehole'],
      ['leaves', 'leaf'], ['feet', 'foot'], ['fungi', 'fungus']] as const) {
      expect(same(plural, singular), `${plural} ~ ${singular}`).toBe(true);
    }
  });
  it('joins verb and noun forms of one word', () => {
    for (const [a, b] of [['deworming', 'deworm'], ['dewormer', 'deworm'], ['vaccinate', 'vaccine'],
      ['vaccination', 'vaccine'], ['compacted', 'compaction'], ['irrigate', 'irrigation'], ['cropping', 'crop'],
      ['aerate', 'aeration'], ['planting', 'plant'], ['harvested', 'harvest'], ['fertiliser', 'fertilizer'],
      ['fertilisers', 'fertilizer'], ['saline', 'salinity']] as const) {
      expect(same(a, b), `${a} ~ ${b}`).toBe(true);
    }
  });
  it('keeps short keywords and lookalikes apart', () => {
    for (const [a, b] of [['frying', 'fry'], ['fries', 'fry'], ['velvet', 'vet'], ['sticky', 'tick'],
      ['hectare', 'ec'], ['seed', 'se'], ['rot', 'rotation'], ['stock', 'livestock']] as const) {
      expect(same(a, b), `${a} !~ ${b}`).toBe(false);
    }
  });
  it('leaves tokens of three letters or fewer untouched', () => {
    expect(['ec', 'uv', 'sar', 'soc', 'cec', 'fry', 'vet'].map(stem)).toEqual(['ec', 'uv', 'sar', 'soc', 'cec', 'fry', 'vet']);
  });
});
