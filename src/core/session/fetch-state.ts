/**
 * Bookkeeping of what we fetch from the peer in one session: the plan (adapter order from the
 * library), the adapter being fetched with its wanted chunk queue, the outstanding requests, and
 * the adapters skipped, passed or declined. Data only; the fetch logic is in fetch.ts.
 */
import type { AdapterId, Manifest } from '../types.ts';
import type { ChunkRef } from './types.ts';

export interface ActiveAdapter {
  readonly id: AdapterId;
  readonly manifest: Manifest;
  /** Chunk indices to request from this peer, in request order (may be appended to by HAVE). */
  readonly wanted: number[];
  pos: number;
  /** Indices we still lacked when the adapter started (minus those stored since). */
  readonly missing: Set<number>;
}

export function chunkKey(id: AdapterId, index: number): string {
  return `${id}:${index}`;
}

export class FetchState {
  private plan: AdapterId[] = [];
  private planPos = 0;
  current: ActiveAdapter | undefined;
  awaitingManifest: AdapterId | undefined;
  readonly inFlight = new Map<string, ChunkRef>();
  /** Adapters started at least once (transfer-started emitted). */
  readonly started = new Set<AdapterId>();
  /** Adapters whose wanted queue ran out; a HAVE for them puts them back in the plan. */
  readonly passed = new Set<AdapterId>();
  /** Adapters our library declined or failed to store in this session. */
  readonly declined = new Set<AdapterId>();
  /** Chunks our node stored through other sessions since this one started. */
  readonly storedElsewhere = new Set<string>();

  setPlan(ids: readonly AdapterId[]): void {
    this.plan = [...new Set(ids)];
    this.planPos = 0;
  }

  /** Puts an adapter back at the end of the plan. */
  replan(id: AdapterId): void {
    this.plan.push(id);
  }

  nextPlanned(): AdapterId | undefined {
    while (this.planPos < this.plan.length) {
      const id = this.plan[this.planPos++]!;
      if (!this.declined.has(id)) return id;
    }
    return undefined;
  }

  planExhausted(): boolean {
    return this.planPos >= this.plan.length;
  }

  /** Requests awaiting an answer (chunks plus a manifest). */
  outstanding(): number {
    return this.inFlight.size + (this.awaitingManifest === undefined ? 0 : 1);
  }

  /** Nothing left to ask and nothing awaited: time to send DONE. */
  idle(): boolean {
    return this.current === undefined && this.outstanding() === 0 && this.planExhausted();
  }
}
