/**
 * A tiny discrete-event clock for the pair harness: callbacks ordered by (time, insertion order),
 * cancellable, run until a condition holds, with a hard step bound so a stuck protocol fails the
 * test instead of hanging it. Instance state only; clocks never share anything.
 */
import type { Micros } from '../../src/core/types.ts';

interface Entry { readonly at: Micros; readonly seq: number; readonly fn: () => void; cancelled: boolean }

export interface Scheduled { cancel(): void }

export class VirtualClock {
  now: Micros = 0;
  steps = 0;
  private heap: Entry[] = [];
  private seq = 0;

  schedule(at: Micros, fn: () => void): Scheduled {
    const e: Entry = { at: Math.max(at, this.now), seq: this.seq++, fn, cancelled: false };
    this.push(e);
    return { cancel: () => { e.cancelled = true; } };
  }

  /** Runs events until `done()` or none are left; throws when more than `maxSteps` run. */
  run(done: () => boolean, maxSteps = 10_000_000): void {
    let n = 0;
    while (!done()) {
      const e = this.pop();
      if (!e) return;
      if (e.cancelled) continue;
      if (++n > maxSteps) throw new Error(`virtual clock: not settled after ${maxSteps} steps at t=${this.now}`);
      this.now = e.at;
      this.steps++;
      e.fn();
    }
  }

  /** Runs at most `n` events; returns false when none are left. */
  runSteps(n: number): boolean {
    for (let i = 0; i < n; i++) {
      const e = this.pop();
      if (!e) return false;
      if (e.cancelled) { i--; continue; }
      this.now = e.at;
      this.steps++;
      e.fn();
    }
    return this.heap.length > 0;
  }

  private less(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): Entry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
