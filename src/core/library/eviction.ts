/**
 * Eviction policies: which held adapters may be removed to make room for an admission, in the
 * order they should go. The library excludes pinned adapters (local publications) and the adapter
 * being admitted before asking, evicts only as many as needed, and evicts nothing when even all
 * candidates would not make room. Pure functions of the views they are given.
 *
 * Default `supersededThenLru`:
 *   1. superseded adapters (a newer version of the same publisher+name is held, even partially),
 *      lowest version first;
 *   2. stale partials (no chunk stored for `stalePartialAfter`, default 24 h), oldest progress first;
 *   3. complete adapters whose domain has no active local demand, least recently used first
 *      (last `touch`, or completion time).
 * Fresh partials and complete adapters in local demand are never evicted. Ties break by id.
 */
import type { AdapterId, Manifest, Micros } from '../types.ts';

export interface EvictionView {
  readonly id: AdapterId;
  readonly manifest: Manifest;
  readonly complete: boolean;
  readonly lastUsed: Micros;
  /** Time of the last stored chunk (or admission). */
  readonly lastProgress: Micros;
  /** A newer version of the same series is held. */
  readonly superseded: boolean;
  /** Its domain has active local demand. */
  readonly inDemand: boolean;
}

export interface EvictionPolicy {
  readonly name: string;
  /** Ids that may be evicted, first to go first. */
  order(held: readonly EvictionView[], at: Micros): AdapterId[];
}

const byId = (a: EvictionView, b: EvictionView): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function supersededThenLru(options: { stalePartialAfter?: Micros } = {}): EvictionPolicy {
  const stale = options.stalePartialAfter ?? 24 * 3600 * 1_000_000;
  return {
    name: 'superseded-then-lru',
    order(held, at) {
      const superseded = held.filter((h) => h.superseded).sort((a, b) => a.manifest.version - b.manifest.version || byId(a, b));
      const stalePartials = held.filter((h) => !h.superseded && !h.complete && at - h.lastProgress >= stale).sort((a, b) => a.lastProgress - b.lastProgress || byId(a, b));
      const idle = held.filter((h) => !h.superseded && h.complete && !h.inDemand).sort((a, b) => a.lastUsed - b.lastUsed || byId(a, b));
      return [...superseded, ...stalePartials, ...idle].map((h) => h.id);
    },
  };
}
