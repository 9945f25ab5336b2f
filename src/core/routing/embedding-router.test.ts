import { describe, expect, it } from 'vitest';
import type { Embedder } from '../ports.ts';
import { createEmbeddingRouter, type EmbeddingAdapter } from './embedding-router.ts';
import { centroidOf } from './vectors.ts';

const axis = (i: number, dims = 4, scale = 1): number[] => Array.from({ length: dims }, (_, k) => (k === i ? scale : 0));
const adapters: EmbeddingAdapter[] = [
  { id: 'agro', domain: 'agronomy', centroid: axis(0) },
  { id: 'vet', domain: 'veterinary', centroid: axis(1) },
  { id: 'fish', domain: 'aquaculture', centroid: axis(2) },
];

describe('createEmbeddingRouter', () => {
  const router = createEmbeddingRouter({ adapters });

  it('routes to the most similar centroid, independent of vector length', () => {
    expect(router.routeVector([0.9, 0.1, 0, 0])).toMatchObject({ kind: 'adapter', adapterId: 'agro', domain: 'agronomy', hits: [] });
    expect(router.routeVector(new Float32Array([0, 50, 5, 0]))).toMatchObject({ kind: 'adapter', adapterId: 'vet' });
  });

  it('reports confidence as the lead over the runner-up domain', () => {
    const d = router.routeVector([3, 4, 0, 0]); // cos 0.8 (veterinary) vs 0.6 (agronomy)
    expect(d).toMatchObject({ kind: 'adapter', adapterId: 'vet' });
    expect(d.confidence).toBeCloseTo(0.2, 12);
    expect(router.routeVector([-1, 0, 0, 0]).kind).toBe('base'); // every similarity ≤ 0, no lead
    expect(router.routeVector([1, -1, -1, 0]).confidence).toBe(1); // lead > 1 is clamped
  });

  it('falls back to the base model when the lead is below the margin', () => {
    expect(router.routeVector([1, 0.97, 0, 0])).toMatchObject({ kind: 'base', reason: 'low-confidence' });
    const d = router.routeVector([1, 0.9, 0, 0]);
    expect(d.kind).toBe('adapter');
    expect(d.confidence).toBeCloseTo((1 - 0.9) / Math.hypot(1, 0.9), 10);
    const wide = createEmbeddingRouter({ adapters, margin: 0.2 });
    expect(wide.routeVector([1, 0.9, 0, 0])).toMatchObject({ kind: 'base', reason: 'low-confidence' });
  });

  it('falls back when the best similarity is below minSimilarity', () => {
    const picky = createEmbeddingRouter({ adapters, minSimilarity: 0.5 });
    expect(picky.routeVector([0.3, 0, 0, 1])).toMatchObject({ kind: 'base', reason: 'low-confidence' });
    expect(picky.routeVector([1, 0, 0, 0.5])).toMatchObject({ kind: 'adapter', adapterId: 'agro' });
  });

  it('does not let versions of one domain cancel each other out', () => {
    const versions = createEmbeddingRouter({
      adapters: [...adapters, { id: 'agro-v2', domain: 'agronomy', centroid: axis(0), priority: 2 }],
    });
    expect(versions.routeVector([1, 0.2, 0, 0])).toMatchObject({ kind: 'adapter', adapterId: 'agro-v2', domain: 'agronomy' });
  });

  it('treats a single domain against an orthogonal rival', () => {
    const one = createEmbeddingRouter({ adapters: [adapters[0] as EmbeddingAdapter] });
    const d = one.routeVector([1, 1, 0, 0]);
    expect(d.kind).toBe('adapter');
    expect(d.confidence).toBeCloseTo(Math.SQRT1_2, 12);
    expect(one.routeVector([0.01, 1, 0, 0])).toMatchObject({ kind: 'base', reason: 'low-confidence' });
  });

  it('returns dimension-mismatch instead of crashing on a wrong-length query', () => {
    expect(router.routeVector([1, 0, 0])).toEqual({ kind: 'base', reason: 'dimension-mismatch', confidence: 0 });
    expect(router.routeVector([])).toEqual({ kind: 'base', reason: 'dimension-mismatch', confidence: 0 });
  });

  it('routes per dimension when centroids of several lengths are present', () => {
    const mixed = createEmbeddingRouter({ adapters: [...adapters, { id: 'soil8', domain: 'soil', centroid: axis(3, 8) }] });
    expect(mixed.routeVector(axis(3, 8))).toMatchObject({ kind: 'adapter', adapterId: 'soil8' });
    expect(mixed.routeVector(axis(2, 4))).toMatchObject({ kind: 'adapter', adapterId: 'fish' });
  });

  it('skips unusable centroids and survives a zero or non-finite query', () => {
    const messy = createEmbeddingRouter({
      adapters: [...adapters, { id: 'zero', domain: 'soil', centroid: [0, 0, 0, 0] }, { id: 'nan', domain: 'soil', centroid: [Number.NaN, 1, 0, 0] }],
    });
    expect(messy.skipped.map((s) => s.id)).toEqual(['zero', 'nan']);
    expect(messy.routeVector([0, 0, 0, 0])).toEqual({ kind: 'base', reason: 'low-confidence', confidence: 0 });
    expect(messy.routeVector([Number.POSITIVE_INFINITY, 0, 0, 0])).toEqual({ kind: 'base', reason: 'low-confidence', confidence: 0 });
    expect(createEmbeddingRouter({ adapters: [] }).routeVector([1])).toEqual({ kind: 'base', reason: 'no-adapters', confidence: 0 });
  });

  it('embeds through the Embedder port and routes the result', async () => {
    const embedder: Embedder = {
      dimensions: 4,
      embed: async (text) => new Float32Array(text.includes('fish') ? axis(2) : axis(3)),
    };
    expect(await router.route('my fish are gasping', embedder)).toMatchObject({ kind: 'adapter', adapterId: 'fish' });
    expect(await router.route('school fees', embedder)).toMatchObject({ kind: 'base', reason: 'low-confidence', confidence: 0 });
  });
});

describe('centroidOf', () => {
  it('is the unit-length mean of unit-normalised vectors', () => {
    const c = centroidOf([[10, 0], [0, 1]]);
    expect(c.ok && c.value.map((x) => Number(x.toFixed(12)))).toEqual([Number(Math.SQRT1_2.toFixed(12)), Number(Math.SQRT1_2.toFixed(12))]);
  });
  it('routes texts near their own centroid', () => {
    const agro = centroidOf([[1, 0.1, 0, 0], [0.9, 0, 0.1, 0]]);
    const vet = centroidOf([[0, 1, 0.1, 0], [0.1, 1, 0, 0]]);
    if (!agro.ok || !vet.ok) throw new Error('centroids');
    const r = createEmbeddingRouter({ adapters: [{ id: 'a', domain: 'agronomy', centroid: agro.value }, { id: 'v', domain: 'veterinary', centroid: vet.value }] });
    expect(r.routeVector([1, 0.05, 0.05, 0])).toMatchObject({ adapterId: 'a' });
  });
  it('rejects empty input, mixed dimensions, zero vectors and cancelling vectors', () => {
    for (const bad of [[], [[1, 0], [1, 0, 0]], [[0, 0]], [[1, 0], [-1, 0]], [[Number.NaN, 1]]]) {
      const r = centroidOf(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('decode/bad-value');
    }
  });
});
