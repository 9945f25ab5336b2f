/**
 * The library's view of what it holds: per adapter its manifest, completeness, pin, last use and
 * last progress, in admission order (the FIFO order of the advertised inventory), plus the storage
 * reservation (full sizes, partials included) and the two rules that remove adapters: making room
 * under the budget through the eviction policy, and dropping older versions of a series.
 * Writes through to the store; knows nothing about sessions, peers or trust.
 */
import type { AdapterStore } from '../ports.ts';
import type { AdapterId, Manifest, Micros } from '../types.ts';
import type { DemandBook } from './demand.ts';
import type { EvictionPolicy, EvictionView } from './eviction.ts';
import { SeriesMax } from './series.ts';
import type { LibraryEvent, RemovalReason } from './types.ts';

export interface Held {
  readonly id: AdapterId;
  readonly manifest: Manifest;
  complete: boolean;
  pinned: boolean;
  lastUsed: Micros;
  lastProgress: Micros;
}

export const sameSeries = (a: Pick<Manifest, 'publisher' | 'name'>, b: Pick<Manifest, 'publisher' | 'name'>): boolean => a.publisher === b.publisher && a.name === b.name;

export class Holdings {
  private readonly held = new Map<AdapterId, Held>();
  private reserved = 0;

  constructor(
    private readonly store: AdapterStore,
    readonly budgetBytes: number,
    private readonly eviction: EvictionPolicy,
    private readonly demand: DemandBook,
    private readonly onEvent: ((e: LibraryEvent) => void) | undefined,
  ) {}

  emit(e: LibraryEvent): void {
    this.onEvent?.(e);
  }

  get(id: AdapterId): Held | undefined { return this.held.get(id); }
  values(): IterableIterator<Held> { return this.held.values(); }
  reservedBytes(): number { return this.reserved; }
  free(): number { return this.budgetBytes - this.reserved; }

  /** Registers an adapter the caller has admitted (room already made). */
  add(id: AdapterId, manifest: Manifest, at: Micros, pinned: boolean): Held {
    this.store.putManifest(id, manifest);
    const h: Held = { id, manifest, complete: false, pinned, lastUsed: at, lastProgress: at };
    this.held.set(id, h);
    this.reserved += manifest.size;
    return h;
  }

  /** Adopts an adapter already in the store (library creation). */
  adopt(id: AdapterId, manifest: Manifest, complete: boolean, at: Micros): void {
    this.held.set(id, { id, manifest, complete, pinned: false, lastUsed: at, lastProgress: at });
    this.reserved += manifest.size;
  }

  remove(id: AdapterId, reason: RemovalReason, at: Micros): void {
    const h = this.held.get(id);
    if (!h) return;
    this.store.remove(id);
    this.held.delete(id);
    this.reserved -= h.manifest.size;
    this.emit({ kind: 'removed', id, at, reason });
  }

  /** The highest version held in the series (publisher, name), ignoring adapter `except`. */
  highestVersion(series: Pick<Manifest, 'publisher' | 'name'>, except?: AdapterId): number | undefined {
    let v: number | undefined;
    for (const h of this.held.values()) {
      if (h.id !== except && sameSeries(h.manifest, series) && (v === undefined || h.manifest.version > v)) v = h.manifest.version;
    }
    return v;
  }

  /** Highest held version of every series. */
  seriesMax(): SeriesMax {
    const s = new SeriesMax();
    for (const h of this.held.values()) s.add(h.manifest.publisher, h.manifest.name, h.manifest.version);
    return s;
  }

  /** Removes older versions of `h`'s series: all of them if `h` is complete, else only partials. */
  dropOlder(h: Held, at: Micros): void {
    const older = [...this.held.values()].filter((o) => o.id !== h.id && sameSeries(o.manifest, h.manifest) && o.manifest.version < h.manifest.version && (h.complete || !o.complete));
    for (const o of older) this.remove(o.id, 'superseded', at);
  }

  markComplete(h: Held, at: Micros): void {
    if (h.complete) return;
    h.complete = true;
    h.lastUsed = Math.max(h.lastUsed, at);
    this.emit({ kind: 'completed', id: h.id, at });
    this.dropOlder(h, at);
  }

  /** Eviction candidates in policy order (never pinned, never `except`). */
  victims(at: Micros, except?: AdapterId): Held[] {
    const newest = this.seriesMax();
    const views: EvictionView[] = [];
    for (const h of this.held.values()) {
      if (h.pinned || h.id === except) continue;
      views.push({
        id: h.id, manifest: h.manifest, complete: h.complete, lastUsed: h.lastUsed, lastProgress: h.lastProgress,
        superseded: newest.get(h.manifest.publisher, h.manifest.name)! > h.manifest.version,
        inDemand: this.demand.active(h.manifest.domain, at) !== undefined,
      });
    }
    // Guard against a custom policy naming an id twice or one it was not offered.
    const allowed = new Set(views.map((v) => v.id));
    const out: Held[] = [];
    for (const id of this.eviction.order(views, at)) {
      if (allowed.delete(id)) out.push(this.held.get(id)!);
    }
    return out;
  }

  /** Bytes the eviction policy could free right now. */
  reclaimable(at: Micros): number {
    return this.victims(at).reduce((s, h) => s + h.manifest.size, 0);
  }

  /**
   * Ensures `size` more bytes fit under the budget, evicting in policy order only as many adapters
   * as needed. Evicts nothing and returns false when it cannot.
   */
  makeRoom(size: number, at: Micros, admitting: AdapterId): boolean {
    if (size > this.budgetBytes) return false;
    let room = this.free();
    if (size <= room) return true;
    const chosen: Held[] = [];
    for (const v of this.victims(at, admitting)) {
      chosen.push(v);
      room += v.manifest.size;
      if (room >= size) break;
    }
    if (room < size) return false;
    for (const v of chosen) this.remove(v.id, 'evicted', at);
    return true;
  }

  /** Evicts until the reservation fits the budget (a preloaded store): policy order, then partials, then anything, by id. */
  shrinkToBudget(at: Micros): void {
    const order = [...this.victims(at), ...[...this.held.values()].sort((a, b) => Number(a.complete) - Number(b.complete) || (a.id < b.id ? -1 : 1))];
    for (const h of order) {
      if (this.reserved <= this.budgetBytes) return;
      if (this.held.has(h.id)) this.remove(h.id, 'evicted', at);
    }
  }
}
