/**
 * A manual `Scheduler` for unit tests of the air and its players: callbacks run in (time,
 * insertion) order only when the test advances the clock with `run(until)`. Test support only.
 */
import type { Scheduler } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';

export interface ManualScheduler extends Scheduler {
  /** Runs every callback due up to `until` (µs), then sets the clock there. */
  run(until: Micros): void;
}

export function manualScheduler(): ManualScheduler {
  let now = 0;
  let seq = 0;
  const q: { at: number; seq: number; fn: () => void; live: boolean }[] = [];
  return {
    now: () => now,
    at(at, fn) {
      const e = { at: Math.max(at, now), seq: seq++, fn, live: true };
      q.push(e);
      return () => { e.live = false; };
    },
    run(until) {
      for (;;) {
        q.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const e = q[0];
        if (!e || e.at > until) break;
        q.shift();
        now = e.at;
        if (e.live) e.fn();
      }
      now = Math.max(now, until);
    },
  };
}
