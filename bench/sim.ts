/**
 * End-to-end simulator figures: the default village (300 devices × 7 days; target < 10 s wall)
 * and a 10,000-device day (target < 120 s, < 4 GB). Medians where repeated.
 * Run: node bin/run-ts.mjs bench/sim.ts [--big]
 */
import { endToEnd, kernelHold, median } from '../src/sim/bench/throughput.ts';

const k = [1, 2, 3, 4, 5].map(() => kernelHold(1000, 2_000_000));
console.log(`kernel hold (queue 1k): ${(median(k) / 1e6).toFixed(2)} M events/s median of 5`);
const v = [1, 2, 3].map(() => endToEnd('scenarios/village.yaml'));
console.log(`village 300 × 7 d: ${median(v.map((x) => x.wallSeconds)).toFixed(2)} s wall median of 3, ${v[0]!.events.toLocaleString('en')} events, ${Math.round(median(v.map((x) => x.eventsPerSecond))).toLocaleString('en')} events/s`);
if (process.argv.includes('--big')) {
  const b = endToEnd('scenarios/town-10k.yaml');
  console.log(`town 10,000 × 1 d: ${b.wallSeconds.toFixed(1)} s wall, ${b.events.toLocaleString('en')} events, RSS ${Math.round(b.rssMB)} MB`);
}
