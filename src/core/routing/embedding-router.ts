/**
 * Embedding (cosine) router: compares a question's embedding — computed by the base model with no
 * adapter active, through the `Embedder` port — against each local adapter's centroid (shipped in
 * its manifest, see centroidOf). The best domain wins if it beats the runner-up domain by at least
 * `margin` (default 0.05) and reaches `minSimilarity` (default: no floor); otherwise the base
 * model answers (`low-confidence`).
 *
 * Definitions:
 * - similarity = cosine(query, centroid); a domain's similarity is its best adapter's;
 * - confidence = clamp(top domain − runner-up domain, 0, 1); with a single domain the runner-up
 *   is taken as 0 (an orthogonal rival), so confidence is the top similarity itself;
 * - adapters of one domain (versions, publishers) never compete on margin: the best of them is
 *   chosen by similarity, then higher `priority`, then smaller id.
 * Bad input never throws: adapters whose centroid is empty, zero or not finite are skipped (listed
 * in `skipped`); a query whose length matches no centroid gives base `dimension-mismatch`; a zero
 * or non-finite query gives base `low-confidence` with confidence 0. Only centroids of the query's
 * length take part (mixed-dimension libraries route per dimension).
 * Knows nothing about stores, manifests or how embeddings are computed.
 */
import type { Embedder } from '../ports.ts';
import type { AdapterId } from '../types.ts';
import type { RouteDecision } from './decision.ts';
import { norm, unit, type Vector } from './vectors.ts';

export interface EmbeddingAdapter {
  readonly id: AdapterId;
  readonly domain: string;
  readonly centroid: readonly number[];
  /** Tie-break among adapters of one domain with equal similarity (higher wins). Default 0. */
  readonly priority?: number;
}

export interface EmbeddingRouterOptions {
  readonly adapters: readonly EmbeddingAdapter[];
  /** Minimum lead of the best domain over the runner-up (cosine units). Default 0.05. */
  readonly margin?: number;
  /** Minimum cosine similarity of the best domain. Default: none. */
  readonly minSimilarity?: number;
}

export interface EmbeddingRouter {
  /** Adapters left out at construction, with the reason. */
  readonly skipped: readonly { readonly id: AdapterId; readonly reason: string }[];
  routeVector(v: Vector): RouteDecision;
  /** Embeds with the base model (no adapter) and routes. Rejects only if the embedder rejects. */
  route(text: string, embedder: Embedder): Promise<RouteDecision>;
}

interface Prepared {
  readonly adapter: EmbeddingAdapter;
  readonly unit: Float64Array;
}

export function createEmbeddingRouter(options: EmbeddingRouterOptions): EmbeddingRouter {
  const margin = options.margin ?? 0.05;
  const minSimilarity = options.minSimilarity ?? Number.NEGATIVE_INFINITY;
  const skipped: { id: AdapterId; reason: string }[] = [];
  const usable: Prepared[] = [];
  for (const adapter of options.adapters) {
    const u = unit(adapter.centroid);
    if (u === undefined) skipped.push({ id: adapter.id, reason: 'centroid is empty, zero or not finite' });
    else usable.push({ adapter, unit: u });
  }
  // Static tie-break order (priority desc, id asc); a strictly higher similarity overrides it.
  usable.sort((a, b) => {
    const pa = a.adapter.priority ?? 0;
    const pb = b.adapter.priority ?? 0;
    if (pa !== pb) return pb - pa;
    return a.adapter.id < b.adapter.id ? -1 : a.adapter.id > b.adapter.id ? 1 : 0;
  });

  function routeVector(v: Vector): RouteDecision {
    if (usable.length === 0) return { kind: 'base', reason: 'no-adapters', confidence: 0 };
    const n = norm(v);
    const usableQuery = v.length > 0 && n > 0; // false for zero, empty or non-finite vectors
    let best: Prepared | undefined;
    let bestSim = Number.NEGATIVE_INFINITY;
    const domainBest = new Map<string, number>();
    let comparable = 0;
    for (const p of usable) {
      if (p.unit.length !== v.length) continue;
      comparable += 1;
      if (!usableQuery) continue;
      const c = p.unit;
      let dot = 0;
      for (let i = 0; i < c.length; i++) dot += (v[i] as number) * (c[i] as number);
      dot /= n;
      if (dot > bestSim) {
        bestSim = dot;
        best = p;
      }
      const d = domainBest.get(p.adapter.domain);
      if (d === undefined || dot > d) domainBest.set(p.adapter.domain, dot);
    }
    if (comparable === 0) return { kind: 'base', reason: 'dimension-mismatch', confidence: 0 };
    if (!usableQuery || best === undefined) return { kind: 'base', reason: 'low-confidence', confidence: 0 };

    let runnerUp = domainBest.size === 1 ? 0 : Number.NEGATIVE_INFINITY;
    for (const [domain, sim] of domainBest) if (domain !== best.adapter.domain && sim > runnerUp) runnerUp = sim;
    const lead = bestSim - runnerUp;
    const confidence = Math.min(1, Math.max(0, lead));
    if (lead < margin || bestSim < minSimilarity) return { kind: 'base', reason: 'low-confidence', confidence };
    return { kind: 'adapter', adapterId: best.adapter.id, domain: best.adapter.domain, confidence, hits: [] };
  }

  return {
    skipped,
    routeVector,
    async route(text: string, embedder: Embedder): Promise<RouteDecision> {
      return routeVector(await embedder.embed(text));
    },
  };
}
