/**
 * What a router decides for one question: answer with a local adapter, or with the base model
 * (and why). A base decision may name the catalogue domain the question belongs to
 * (`demandDomain`) when no local adapter serves it; the gossip policy turns that into demand.
 * Shapes only; shared by every router strategy. Knows nothing about how decisions are made.
 */
import type { AdapterId } from '../types.ts';

/**
 * Why the base model answers:
 * - `no-match`: no local adapter serves the question's domain (the domain may still be known:
 *   see `demandDomain`), or the question matched no domain at all;
 * - `low-confidence`: the best adapter did not win clearly enough (margin/similarity thresholds);
 * - `no-adapters`: the router has no usable local adapters;
 * - `dimension-mismatch`: (embedding router) the query vector's length matches no adapter centroid.
 */
export type BaseReason = 'no-match' | 'low-confidence' | 'no-adapters' | 'dimension-mismatch';

export interface AdapterDecision {
  readonly kind: 'adapter';
  readonly adapterId: AdapterId;
  readonly domain: string;
  /** 0..1; how clearly the chosen domain won (router-specific definition, see each router). */
  readonly confidence: number;
  /** Keywords that matched for the chosen domain, in question order (empty for the embedding router). */
  readonly hits: readonly string[];
}

export interface BaseDecision {
  readonly kind: 'base';
  readonly reason: BaseReason;
  /** The domain the question belongs to when no local adapter serves it; absent if unknown. */
  readonly demandDomain?: string;
  /** 0..1; 0 when nothing matched. */
  readonly confidence: number;
}

export type RouteDecision = AdapterDecision | BaseDecision;
