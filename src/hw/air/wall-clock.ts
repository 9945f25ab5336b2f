/**
 * The wall-clock `Scheduler` of the hardware and emulation drivers: integer microseconds since
 * the Unix epoch (monotonic within a process: performance.timeOrigin + performance.now()), and
 * one-shot callbacks on Node timers (a deadline already passed runs on the next turn of the event
 * loop, after pending I/O; Node rounds shorter delays up to 1 ms). Knows nothing about what it schedules.
 */
import type { Scheduler } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';

export function wallNow(): Micros {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

export function wallScheduler(): Scheduler {
  return {
    now: wallNow,
    at(time: Micros, callback: () => void): () => void {
      const delayMs = (time - wallNow()) / 1000;
      if (delayMs <= 0) {
        const h = setImmediate(callback);
        return () => clearImmediate(h);
      }
      const h = setTimeout(callback, delayMs);
      return () => clearTimeout(h);
    },
  };
}
