import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RouteDecision } from './decision.ts';
import { DEFAULT_DOMAINS } from './domains.ts';
import { createKeywordRouter, type KeywordAdapter } from './keyword-router.ts';

const expert = (domain: string, id = `${domain}-v1`, extra: Partial<KeywordAdapter> = {}): KeywordAdapter => ({
  id,
  domain,
  keywords: DEFAULT_DOMAINS.find((d) => d.id === domain)?.keywords ?? [],
  ...extra,
});
const allFive = DEFAULT_DOMAINS.map((d) => expert(d.id));
const domainOf = (d: RouteDecision): string => (d.kind === 'adapter' ? d.domain : `base:${d.reason}:${d.demandDomain ?? '-'}`);

describe('DEFAULT_DOMAINS', () => {
  it('holds the five published lists with their sizes', () => {
    expect(DEFAULT_DOMAINS.map((d) => [d.id, d.label, d.keywords.length])).toEqual([
      ['agronomy', 'agronomy', 29],
      ['veterinary', 'veterinary', 30],
      ['irrigation', 'irrigation', 27],
      ['soil', 'soil science', 28],
      ['aquaculture', 'aquaculture', 25],
    ]);
  });
});

describe('createKeywordRouter', () => {
  const router = createKeywordRouter({ adapters: allFive });

  it('does not fire keywords inside longer words (the published substring bug)', () => {
    // Upstream: "ec" in hectare → irrigation, "vet" in velvet, "tick" in sticky → veterinary, "fry" in frying → aquaculture.
    expect(domainOf(router.route('How many bags for two hectares?'))).toBe('base:no-match:-');
    expect(domainOf(router.route('Where can I buy velvet cloth?'))).toBe('base:no-match:-');
    expect(domainOf(router.route('The table is sticky after frying mandazi'))).toBe('base:no-match:-');
    expect(domainOf(router.route('Which EC is too high for beans?'))).toBe('irrigation');
    expect(domainOf(router.route('Call the vet for my sick cow'))).toBe('veterinary');
  });

  it('accepts plurals and inflections of keywords', () => {
    expect(router.route('Pests are eating everything')).toMatchObject({ kind: 'adapter', domain: 'agronomy', hits: ['pest'] });
    expect(router.route('When should I deworm or do deworming?')).toMatchObject({ domain: 'veterinary', hits: ['deworm'] });
    expect(router.route('How many fingerlings per square metre?')).toMatchObject({ domain: 'aquaculture', hits: ['fingerling'] });
  });

  it('matches multi-word and hyphenated keywords', () => {
    expect(router.route('Our sand dams dried up')).toMatchObject({ domain: 'irrigation', hits: ['sand dam'] });
    expect(router.route('Is a solar PV system worth it?')).toMatchObject({ domain: 'irrigation', hits: ['solar pv'] });
    expect(router.route('How do I give eye drops to chicks?')).toMatchObject({ domain: 'veterinary', hits: ['eye-drop'] });
    expect(router.route('When do swim-up larvae need food?')).toMatchObject({ domain: 'aquaculture', hits: ['swim-up'] });
  });

  it('counts each keyword once: two different keywords beat one repeated keyword', () => {
    const d = router.route('soil soil soil soil, and my maize leaves');
    expect(d).toMatchObject({ kind: 'adapter', domain: 'agronomy', hits: ['maize', 'leaf'] });
  });

  it('breaks equal hits by occurrences, then by the earliest hit, then by domain id', () => {
    // One distinct hit each; "soil" occurs twice.
    expect(domainOf(router.route('My maize grows on soil that is poor soil'))).toBe('soil');
    // One hit each, one occurrence each: the earlier one wins, whichever domain it is.
    expect(domainOf(router.route('The soil is good but the maize is weak'))).toBe('soil');
    expect(domainOf(router.route('The maize is weak but the soil is good'))).toBe('agronomy');
    // Fully tied (same keyword in two domains, same position) → smaller domain id.
    const shared = createKeywordRouter({
      adapters: [{ id: 'z', domain: 'zebu', keywords: ['hump'] }, { id: 'a', domain: 'camel', keywords: ['hump'] }],
      catalogue: [],
    });
    expect(shared.route('a big hump')).toMatchObject({ kind: 'adapter', adapterId: 'a', domain: 'camel', confidence: 0.5 });
  });

  it('is deterministic whatever order adapters and catalogue are given in', () => {
    const questions = ['soil and maize', 'maize and soil', 'fish in the pond with cattle', 'a drip for the borehole pump'];
    const reversed = createKeywordRouter({ adapters: [...allFive].reverse(), catalogue: [...DEFAULT_DOMAINS].reverse() });
    for (const q of questions) expect(reversed.route(q)).toEqual(router.route(q));
  });

  it('sends a question with no keyword to the base model with no demand domain', () => {
    expect(router.route('Who won the football match on Sunday?')).toEqual({ kind: 'base', reason: 'no-match', confidence: 0 });
  });

  it('names the demand domain when the question belongs to a domain no local adapter serves', () => {
    const onlyAgronomy = createKeywordRouter({ adapters: [expert('agronomy')] });
    expect(onlyAgronomy.route('How do I stock tilapia fingerlings in my pond?')).toEqual({
      kind: 'base', reason: 'no-match', demandDomain: 'aquaculture', confidence: 1,
    });
    // A local adapter with fewer hits does not take a question that belongs elsewhere.
    expect(onlyAgronomy.route('My fish pond is full of maize leaves and the tilapia die')).toMatchObject({
      kind: 'base', reason: 'no-match', demandDomain: 'aquaculture',
    });
    expect(onlyAgronomy.route('Armyworm in my maize')).toMatchObject({ kind: 'adapter', domain: 'agronomy' });
  });

  it('reports no-adapters (with demand) when there is no local adapter at all', () => {
    const empty = createKeywordRouter({ adapters: [] });
    expect(empty.route('My goats have ticks')).toEqual({ kind: 'base', reason: 'no-adapters', demandDomain: 'veterinary', confidence: 1 });
    expect(empty.route('hello')).toEqual({ kind: 'base', reason: 'no-adapters', confidence: 0 });
  });

  it('gives confidence as the winning share of hits', () => {
    expect(router.route('maize and soil and leaves')).toMatchObject({ domain: 'agronomy', confidence: 2 / 3 });
    const strict = createKeywordRouter({ adapters: allFive, minConfidence: 0.7 });
    expect(strict.route('maize and soil and leaves')).toEqual({ kind: 'base', reason: 'low-confidence', confidence: 2 / 3 });
    expect(strict.route('maize and leaves')).toMatchObject({ kind: 'adapter', domain: 'agronomy', confidence: 1 });
  });

  it('chooses among adapters of one domain by own hits, then priority, then id', () => {
    const v1 = expert('veterinary', 'bbb', { priority: 1 });
    const v2 = expert('veterinary', 'ccc', { priority: 2 });
    const v3 = expert('veterinary', 'aaa', { priority: 2 });
    expect(createKeywordRouter({ adapters: [v1, v2, v3] }).route('ticks on cattle')).toMatchObject({ adapterId: 'aaa' });
    expect(createKeywordRouter({ adapters: [v1, v2] }).route('ticks on cattle')).toMatchObject({ adapterId: 'ccc' });
    const poultry: KeywordAdapter = { id: 'zzz', domain: 'veterinary', keywords: ['chicken', 'newcastle'] };
    expect(createKeywordRouter({ adapters: [v1, v2, v3, poultry] }).route('newcastle in my chickens')).toMatchObject({
      adapterId: 'zzz', hits: ['newcastle', 'chicken'],
    });
  });

  it('uses the catalogue list for an adapter that ships no keywords, and adapter keywords for new domains', () => {
    const r = createKeywordRouter({
      adapters: [{ id: 'bare', domain: 'soil', keywords: [] }, { id: 'bees', domain: 'beekeeping', keywords: ['hive', 'honey'] }],
    });
    expect(r.route('my soil is hard')).toMatchObject({ adapterId: 'bare', domain: 'soil' });
    expect(r.route('bees left the hive')).toMatchObject({ adapterId: 'bees', domain: 'beekeeping' });
  });

  it('never throws and always returns a well-formed decision for arbitrary text', () => {
    const partial = createKeywordRouter({ adapters: [expert('soil'), expert('agronomy', 'a2', { keywords: [] })] });
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.array(fc.constantFrom('soil', 'fish', 'eye-drop', 'ec', '-', ' ', 'ÉC', 'leaves')).map((a) => a.join(' '))),
        (q) => {
          for (const r of [router, partial]) {
            const d = r.route(q);
            expect(d.confidence).toBeGreaterThanOrEqual(0);
            expect(d.confidence).toBeLessThanOrEqual(1);
            if (d.kind === 'adapter') expect(d.hits.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
