/**
 * The discrete-event kernel (SimPy-style): a virtual clock in integer microseconds and a queue of
 * callbacks ordered by (time, priority, seq). `step()` runs one event, `run({until})` runs many.
 * Synchronous by design: no Promises, no timers, no wall clock. A Kernel is a value: two kernels in
 * one process never share state, so interleaved simulations give identical results.
 *
 * Failures are never swallowed: when a callback throws, the kernel records the failure, stops, and
 * throws a `SimulationError` naming the event's time and label; every later `step`/`run` throws the
 * same error again. The kernel knows nothing about nodes, radios or scenarios.
 */
import type { Micros } from '../../core/types.ts';
import type { Scheduler } from '../../core/ports.ts';
import { EventQueue } from './event-queue.ts';
import type { EventCallback, EventHandle } from './event-queue.ts';

/** Conventional priorities: lower runs first among events at the same time (any integer in [-512, 511]). */
export const Priority = {
  /** Before ordinary events at the same time (e.g. link down before transfer progress). */
  URGENT: 0,
  NORMAL: 1,
  /** After everything else at the same time (e.g. metric sampling). */
  LATE: 2,
} as const;

/** A callback failed; carries the virtual time and label of the event and the original error. */
export class SimulationError extends Error {
  constructor(readonly at: Micros, readonly label: string, override readonly cause: unknown) {
    super(`event "${label}" at t=${at} µs (${formatMicros(at)}) failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SimulationError';
  }
}

export interface RunOptions {
  /**
   * Stop before the first event at or after this time and set the clock to it (SimPy semantics:
   * an event at exactly `until` runs in the next `run`). Without it, run until the queue is empty.
   */
  readonly until?: Micros;
}

export class Kernel {
  private readonly queue = new EventQueue();
  private clock: Micros;
  private stopRequested = false;
  private failure: SimulationError | null = null;
  private processed = 0;
  private inCallback = false;

  constructor(start: Micros = 0) {
    if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`kernel start time must be a non-negative integer (µs), got ${start}`);
    this.clock = start;
  }

  /** Current virtual time (µs). */
  get now(): Micros {
    return this.clock;
  }

  /** Pending events (cancelled ones excluded). */
  get pending(): number {
    return this.queue.size;
  }

  /** Events run so far. */
  get eventsProcessed(): number {
    return this.processed;
  }

  /**
   * Schedules `fn` at absolute time `at` (integer µs, not before `now`). Lower `priority` runs
   * first among events at the same time; equal (time, priority) run in scheduling order.
   * `label` names the event in error messages (defaults to the function's name).
   */
  schedule(at: Micros, priority: number, fn: EventCallback, label?: string): EventHandle {
    if (!(at >= this.clock) || !Number.isSafeInteger(at)) {
      throw new RangeError(`cannot schedule ${label ?? (fn.name || 'event')} at t=${at}: times are integer µs not before now (${this.clock})`);
    }
    return this.queue.push(at, priority, fn, label);
  }

  /** Schedules `fn` after `delay` µs (an integer ≥ 0). */
  after(delay: Micros, priority: number, fn: EventCallback, label?: string): EventHandle {
    return this.schedule(this.clock + delay, priority, fn, label);
  }

  /** Cancels a pending event. Returns false if it already ran or was already cancelled. */
  cancel(handle: EventHandle): boolean {
    return this.queue.cancel(handle);
  }

  /** Time of the next pending event, or Infinity when none is left. */
  peek(): Micros {
    return this.queue.peekTime();
  }

  /** Runs the next event. Returns false (and does nothing) when the queue is empty. */
  step(): boolean {
    if (this.failure) throw this.failure;
    if (this.inCallback) throw new Error('kernel.step()/run() called from inside an event callback; schedule an event instead');
    const queue = this.queue;
    if (!queue.pop()) return false;
    this.clock = queue.lastTime;
    const fn = queue.takePopped();
    this.processed++;
    this.inCallback = true;
    try {
      fn();
    } catch (error) {
      this.inCallback = false;
      this.failure = new SimulationError(this.clock, queue.lastLabel ?? (fn.name || 'anonymous event'), error);
      queue.releasePopped();
      throw this.failure;
    }
    this.inCallback = false;
    queue.releasePopped();
    return true;
  }

  /**
   * Runs events in order until the queue is empty, `stop()` is called, or the next event is at or
   * after `until` (then the clock is set to `until`). Returns the number of events run.
   */
  run(options: RunOptions = {}): number {
    if (this.failure) throw this.failure;
    if (this.inCallback) throw new Error('kernel.run() called from inside an event callback');
    const until = options.until ?? Infinity;
    if (until !== Infinity && (!Number.isSafeInteger(until) || until < this.clock)) {
      throw new RangeError(`run until ${until}: must be an integer µs not before now (${this.clock})`);
    }
    this.stopRequested = false;
    const before = this.processed;
    while (!this.stopRequested && this.queue.peekTime() < until) this.step();
    if (!this.stopRequested && until !== Infinity) this.clock = until;
    this.stopRequested = false;
    return this.processed - before;
  }

  /** Makes the current `run` return after the event being processed. */
  stop(): void {
    this.stopRequested = true;
  }

  /** This kernel as the core's `Scheduler` port (callbacks at the given priority). */
  scheduler(priority: number = Priority.NORMAL): Scheduler {
    return {
      now: () => this.clock,
      at: (time, callback) => {
        const handle = this.schedule(time, priority, callback);
        return () => {
          this.cancel(handle);
        };
      },
    };
  }
}

/** `1d 02:03:04.005006` style rendering of a time, for error messages. */
function formatMicros(t: Micros): string {
  const days = Math.floor(t / 86_400_000_000);
  let rest = t - days * 86_400_000_000;
  const h = Math.floor(rest / 3_600_000_000);
  rest -= h * 3_600_000_000;
  const m = Math.floor(rest / 60_000_000);
  rest -= m * 60_000_000;
  const s = rest / 1_000_000;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days}d ${pad(h)}:${pad(m)}:${s < 10 ? '0' : ''}${s}`;
}
