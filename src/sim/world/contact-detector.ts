/**
 * Contact detection: samples all nodes' positions every `step` and emits contact up/down events
 * when a pair's distance crosses its radio range (pair range = min of both ends; in range means
 * distance <= range). A uniform grid with cell size = max range keeps the cost ~O(N + contacts)
 * per sample. Only pairs with an end that moved since the last sample are re-checked (through a
 * second grid holding just the moved nodes, and "dirty" cells around moved nodes' old and new
 * positions); a sample where nobody moved costs O(N). The contact set is kept as sorted per-node
 * neighbour lists (CSR) and diffed by merging, so events come out ordered by (time, a, b), a < b.
 * Incremental: the caller pulls events up to a time as its clock advances.
 *
 * Resolution is the step: an event's time is the first sample at which the change is seen, and a
 * contact shorter than the step may be missed (as in The ONE's interval updates).
 * Knows nothing of the kernel, link model or churn.
 */
import type { Micros } from '../../core/types.ts';
import type { Mobility } from '../mobility/leg.ts';
import { PositionTracker } from './position-tracker.ts';
import { UniformGrid } from './uniform-grid.ts';

/** A pair (a < b, node indices) came into range (`up`) or left it at `at`. */
export interface ContactEvent {
  readonly at: Micros;
  readonly a: number;
  readonly b: number;
  readonly up: boolean;
}

/** Receives events without allocating them (same order as `pullUntil`). */
export type ContactSink = (at: Micros, a: number, b: number, up: boolean) => void;

export interface ContactDetectorOptions {
  /** One mobility per node; node index = array index. */
  readonly nodes: readonly Mobility[];
  /** Radio range in metres: one for all, or one per node. */
  readonly range: number | ArrayLike<number>;
  /**
   * Optional per-sample range (e.g. indoor/outdoor by place); overrides `range`. Must be a pure
   * function of (node, x, y) (it is re-evaluated only when a node moves); capped at `maxRange`.
   */
  readonly rangeAt?: (node: number, x: number, y: number) => number;
  /** Upper bound of every range (required with `rangeAt`; the grid's cell size). */
  readonly maxRange?: number;
  /** Sampling step (e.g. 5 or 10 s in microseconds). */
  readonly step: Micros;
  /** First sample time (default 0); pairs in range then come up at `start`. */
  readonly start?: Micros;
  /** Last sample time (inclusive); no end when omitted. */
  readonly end?: Micros;
}

export interface ContactDetector {
  /** Time of the next sample not yet taken, or null past `end`. */
  nextSampleAt(): Micros | null;
  /** Takes every sample with time <= `until` and returns their events in (at, a, b) order. */
  pullUntil(until: Micros): ContactEvent[];
  /** Like `pullUntil` but hands each event to `sink` without allocating; returns the event count. */
  drainUntil(until: Micros, sink: ContactSink): number;
  /** All events, lazily, sample by sample (infinite without `end`). */
  events(): Generator<ContactEvent, void, undefined>;
  /** Pairs in range at the last sample. */
  activeContacts(): number;
  /** Node positions at the last sample (read-only views). */
  positions(): { readonly xs: Float64Array; readonly ys: Float64Array };
  /** Samples taken so far. */
  samples(): number;
}

export function createContactDetector(opts: ContactDetectorOptions): ContactDetector {
  const n = opts.nodes.length;
  if (!(opts.step > 0) || !Number.isInteger(opts.step)) throw new RangeError(`contact step must be a positive integer (µs), got ${opts.step}`);
  const staticRange = new Float64Array(n);
  if (typeof opts.range === 'number') staticRange.fill(opts.range);
  else {
    if (opts.range.length !== n) throw new RangeError(`range has ${opts.range.length} entries for ${n} nodes`);
    for (let i = 0; i < n; i++) staticRange[i] = opts.range[i]!;
  }
  let maxRange = opts.maxRange ?? 0;
  if (opts.maxRange === undefined) {
    if (opts.rangeAt) throw new RangeError('contact detector: maxRange is required with rangeAt');
    for (let i = 0; i < n; i++) maxRange = Math.max(maxRange, staticRange[i]!);
  }
  if (!(maxRange > 0)) throw new RangeError(`contact detector: max range must be > 0, got ${maxRange}`);

  const tracker = new PositionTracker(opts.nodes);
  const grid = new UniformGrid();
  const movedGrid = new UniformGrid();
  const ranges = new Float64Array(n);
  const prevX = new Float64Array(n);
  const prevY = new Float64Array(n);
  const moved = new Uint8Array(n).fill(1);
  // Current contact set as CSR: neighbours j > i of node i are nbr[start[i] .. start[i+1]), ascending.
  let oldStart: Int32Array = new Int32Array(n + 1);
  let oldNbr: Int32Array = new Int32Array(1024);
  let newStart: Int32Array = new Int32Array(n + 1);
  let newNbr: Int32Array = new Int32Array(1024);
  let scratch: Int32Array = new Int32Array(256);
  let dirty: Uint8Array = new Uint8Array(0);
  let len = 0;
  let next: Micros | null = opts.start ?? 0;
  let taken = 0;

  /** Appends to node i's new list every j > i from `g`'s 3×3 cells around i that is in range. */
  function scan(g: UniformGrid, i: number, xs: Float64Array, ys: Float64Array): void {
    const { gx, gy, cellStart, cellNodes } = g;
    const xi = xs[i]!, yi = ys[i]!, ri = ranges[i]!;
    const cx = g.cellX[i]!, cy = g.cellY[i]!;
    const y0 = cy > 0 ? cy - 1 : 0, y1 = cy + 1 < gy ? cy + 1 : gy - 1;
    const x0 = cx > 0 ? cx - 1 : 0, x1 = cx + 1 < gx ? cx + 1 : gx - 1;
    for (let yy = y0; yy <= y1; yy++) {
      for (let xx = x0; xx <= x1; xx++) {
        const c = yy * gx + xx;
        const end = cellStart[c + 1]!;
        for (let k = cellStart[c]!; k < end; k++) {
          const j = cellNodes[k]!;
          if (j <= i) continue;
          const rj = ranges[j]!;
          const r = ri < rj ? ri : rj;
          const dx = xs[j]! - xi, dy = ys[j]! - yi;
          if (dx * dx + dy * dy <= r * r) {
            if (len === newNbr.length) newNbr = grow(newNbr);
            newNbr[len++] = j;
          }
        }
      }
    }
  }

  /**
   * Marks the grid cells whose nodes may have a changed pair: the 3×3 cells around every moved
   * node's new position and around its previous one (old neighbours of a moved node lie within
   * range of where it was; clamping to the grid keeps that true when the bounds changed).
   */
  function markDirty(): void {
    const { gx, gy, cell, minX, minY, cellX, cellY } = grid;
    const cells = gx * gy;
    if (dirty.length < cells) dirty = new Uint8Array(Math.max(cells, 2 * dirty.length));
    dirty.fill(0, 0, cells);
    const mark = (cx: number, cy: number): void => {
      const y0 = cy > 0 ? cy - 1 : 0, y1 = cy + 1 < gy ? cy + 1 : gy - 1;
      const x0 = cx > 0 ? cx - 1 : 0, x1 = cx + 1 < gx ? cx + 1 : gx - 1;
      for (let yy = y0; yy <= y1; yy++) dirty.fill(1, yy * gx + x0, yy * gx + x1 + 1);
    };
    const clampX = (v: number): number => (v < 0 ? 0 : v >= gx ? gx - 1 : v);
    const clampY = (v: number): number => (v < 0 ? 0 : v >= gy ? gy - 1 : v);
    for (let i = 0; i < n; i++) {
      if (moved[i] === 0) continue;
      mark(cellX[i]!, cellY[i]!);
      if (taken > 0) mark(clampX(Math.floor((prevX[i]! - minX) / cell)), clampY(Math.floor((prevY[i]! - minY) / cell)));
    }
  }

  function sample(t: Micros, sink: ContactSink): void {
    tracker.update(t);
    const { xs, ys } = tracker;
    // A pair whose two nodes kept their positions keeps its state (ranges are a function of
    // position): only pairs with a moved end are re-checked.
    if (taken > 0) {
      let count = 0;
      for (let i = 0; i < n; i++) count += moved[i] = xs[i] !== prevX[i] || ys[i] !== prevY[i] ? 1 : 0;
      if (count === 0) { taken++; return; } // nobody moved (e.g. at night): nothing can change
    }
    if (opts.rangeAt) {
      for (let i = 0; i < n; i++) {
        if (moved[i] === 1) ranges[i] = Math.min(maxRange, opts.rangeAt(i, xs[i]!, ys[i]!));
      }
    } else if (taken === 0) ranges.set(staticRange);
    grid.build(xs, ys, n, maxRange);
    movedGrid.buildSubset(grid, n, moved);
    markDirty();
    prevX.set(xs); prevY.set(ys);
    const { cellX, cellY, gx } = grid;
    len = 0;
    newStart[0] = 0;
    for (let i = 0; i < n; i++) {
      const seg = len;
      const ps = oldStart[i]!, pe = oldStart[i + 1]!;
      if (moved[i] === 1) {
        scan(grid, i, xs, ys);
        sortRange(newNbr, seg, len);
      } else if (dirty[cellY[i]! * gx + cellX[i]!] === 0) {
        // No node within reach of i moved: its list is unchanged (copy, no events).
        while (len + (pe - ps) > newNbr.length) newNbr = grow(newNbr);
        for (let p = ps; p < pe; p++) newNbr[len++] = oldNbr[p]!;
        newStart[i + 1] = len;
        continue;
      } else {
        // New list = old neighbours that stayed put (sorted) ∪ moved nodes now in range (few; sorted here).
        scan(movedGrid, i, xs, ys);
        const found = len - seg;
        if (found > scratch.length) scratch = new Int32Array(Math.max(found, 2 * scratch.length));
        for (let k = 0; k < found; k++) scratch[k] = newNbr[seg + k]!;
        sortRange(scratch, 0, found);
        len = seg;
        while (len + (pe - ps) + found > newNbr.length) newNbr = grow(newNbr);
        let p = ps, q = 0;
        for (;;) {
          while (p < pe && moved[oldNbr[p]!] === 1) p++;
          const o = p < pe ? oldNbr[p]! : Infinity;
          const v = q < found ? scratch[q]! : Infinity;
          if (o === Infinity && v === Infinity) break;
          if (o < v) { newNbr[len++] = o; p++; } else { newNbr[len++] = v; q++; }
        }
      }
      newStart[i + 1] = len;
      // Merge old and new neighbour lists of i: only-old → down, only-new → up.
      let p = ps, q = seg;
      while (p < pe || q < len) {
        const o = p < pe ? oldNbr[p]! : Infinity;
        const v = q < len ? newNbr[q]! : Infinity;
        if (o === v) { p++; q++; }
        else if (o < v) { sink(t, i, o, false); p++; }
        else { sink(t, i, v, true); q++; }
      }
    }
    [oldStart, newStart] = [newStart, oldStart];
    [oldNbr, newNbr] = [newNbr, oldNbr];
    taken++;
  }

  function advance(): void {
    const t = next as Micros;
    next = opts.end !== undefined && t + opts.step > opts.end ? null : t + opts.step;
  }

  return {
    nextSampleAt: () => next,
    drainUntil(until, sink) {
      let count = 0;
      const counted: ContactSink = (at, a, b, up) => { count++; sink(at, a, b, up); };
      while (next !== null && next <= until) {
        sample(next, counted);
        advance();
      }
      return count;
    },
    pullUntil(until) {
      const out: ContactEvent[] = [];
      while (next !== null && next <= until) {
        sample(next, (at, a, b, up) => out.push({ at, a, b, up }));
        advance();
      }
      return out;
    },
    *events() {
      while (next !== null) {
        const out: ContactEvent[] = [];
        sample(next, (at, a, b, up) => out.push({ at, a, b, up }));
        advance();
        yield* out;
      }
    },
    activeContacts: () => oldStart[n]!,
    positions: () => ({ xs: tracker.xs, ys: tracker.ys }),
    samples: () => taken,
  };
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Sorts a[lo..hi) ascending (insertion sort for short runs, typed-array sort otherwise). */
function sortRange(a: Int32Array, lo: number, hi: number): void {
  if (hi - lo > 32) { a.subarray(lo, hi).sort(); return; }
  for (let i = lo + 1; i < hi; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > v) { a[j + 1] = a[j]!; j--; }
    a[j + 1] = v;
  }
}
