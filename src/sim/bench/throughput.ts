/**
 * Throughput measurements shared by `gossip bench` and `npm run bench`: the kernel alone (a hold
 * model: each event schedules the next, queue held at a fixed size) and end to end (a scenario
 * simulated in full, events per wall second). Prints nothing; callers format.
 */
import { Kernel, Priority } from '../kernel/index.ts';
import { createRng } from '../rng.ts';
import { resolveScenario } from '../scenario/index.ts';
import { Simulation } from '../engine/index.ts';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Kernel events per second with the queue held at `queueSize` events. */
export function kernelHold(queueSize: number, total: number): number {
  const k = new Kernel();
  const rng = createRng('bench-hold');
  const delays = new Float64Array(1 << 16);
  for (let i = 0; i < delays.length; i++) delays[i] = 1 + Math.floor(rng.next() * 1_000_000);
  let n = 0;
  let left = total - queueSize;
  const tick = (): void => {
    if (left-- > 0) k.schedule(k.now + delays[n++ & 0xffff]!, Priority.NORMAL, tick);
  };
  for (let i = 0; i < queueSize; i++) k.schedule(delays[i & 0xffff]!, Priority.NORMAL, tick);
  const t0 = performance.now();
  const ran = k.run();
  return ran / ((performance.now() - t0) / 1000);
}

export interface EndToEnd {
  readonly scenario: string;
  readonly nodes: number;
  readonly simulatedDays: number;
  readonly wallSeconds: number;
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly rssMB: number;
}

export function endToEnd(file: string, overrides: readonly string[] = []): EndToEnd {
  const { scenario } = resolveScenario(file, overrides);
  const t0 = performance.now();
  const r = new Simulation(scenario).result();
  const wall = (performance.now() - t0) / 1000;
  return {
    scenario: scenario.name,
    nodes: scenario.nodeCount,
    simulatedDays: scenario.duration / 86_400e6,
    wallSeconds: wall,
    events: r.events,
    eventsPerSecond: r.events / wall,
    rssMB: process.memoryUsage().rss / 1e6,
  };
}
