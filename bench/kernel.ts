/**
 * Kernel throughput: schedule + pop of simple events. Prints the median events/s over several
 * rounds for two workloads: a "hold" model (each event schedules the next one at a random delay,
 * keeping the queue at a fixed size) and a burst (schedule N events, then run them all).
 * Run: node bin/run-ts.mjs bench/kernel.ts
 */
import { Kernel } from '../src/sim/kernel/index.ts';
import { createRng } from '../src/sim/rng.ts';
import { kernelHold as hold, median } from '../src/sim/bench/throughput.ts';

const ROUNDS = 7;

/** Schedule `total` events at random times (timed too), then run them all. */
function burst(total: number): number {
  const k = new Kernel();
  const rng = createRng('bench-burst');
  const times = new Float64Array(total);
  for (let i = 0; i < total; i++) times[i] = Math.floor(rng.next() * 1e12);
  const noop = (): void => {};
  const t0 = performance.now();
  for (let i = 0; i < total; i++) k.schedule(times[i] as number, i & 1, noop);
  const ran = k.run();
  const seconds = (performance.now() - t0) / 1000;
  return ran / seconds;
}

function report(name: string, f: () => number): void {
  f(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) xs.push(f());
  const fmt = (x: number) => `${(x / 1e6).toFixed(2)} M`;
  console.log(`${name.padEnd(28)} median ${fmt(median(xs))} events/s  (min ${fmt(Math.min(...xs))}, max ${fmt(Math.max(...xs))})`);
}

report('hold, queue 1k, 2M events', () => hold(1_000, 2_000_000));
report('hold, queue 100k, 2M events', () => hold(100_000, 2_000_000));
report('burst, 1M events', () => burst(1_000_000));
