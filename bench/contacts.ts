/**
 * Benchmark of mobility + contact detection (src/sim/mobility, src/sim/world): a village of 300
 * nodes over 7 days and a town of 10,000 nodes over 1 day (day 0 is a market day, the densest),
 * daily routines plus stationary kiosks, indoor/outdoor range 10/30 m, 10 s sampling. Prints the
 * median over runs of wall time, samples/s, contact-ups/s and peak RSS.
 *
 * Run: node bin/run-ts.mjs bench/contacts.ts [--runs N] [--step SECONDS] [--only village|town]
 */
import { performance } from 'node:perf_hooks';
import type { Rng } from '../src/core/ports.ts';
import {
  DAY, SECOND, createDailyRoutine, createStationary, generateVillage, placesOfKind,
  type Mobility, type Role, type VillageLayoutOptions,
} from '../src/sim/mobility/index.ts';
import { createContactDetector, createTestRng, indoorOutdoorRange } from '../src/sim/world/index.ts';

interface Config {
  readonly name: string;
  readonly nodes: number;
  readonly days: number;
  readonly layout: VillageLayoutOptions;
}

const CONFIGS: readonly Config[] = [
  {
    name: 'village', nodes: 300, days: 7,
    layout: { width: 1500, height: 1500, counts: { home: 40, field: 5, market: 1, clinic: 1, school: 1, kiosk: 2 } },
  },
  {
    name: 'town', nodes: 10_000, days: 1,
    layout: { width: 6000, height: 6000, counts: { home: 900, field: 40, market: 3, clinic: 4, school: 12, kiosk: 10 } },
  },
];

const ROLE_MIX: readonly [Role, number][] = [['farmer', 0.4], ['pupil', 0.25], ['trader', 0.05], ['health-worker', 0.03], ['homebody', 0.27]];

function pickRole(r: Rng): Role {
  let u = r.next();
  for (const [role, w] of ROLE_MIX) { if ((u -= w) < 0) return role; }
  return 'homebody';
}

interface RunResult { wallS: number; samples: number; ups: number; events: number; rssMB: number; peakContacts: number }

function runOnce(cfg: Config, stepS: number, seed: number): RunResult {
  const rng = createTestRng(seed);
  const places = generateVillage(cfg.layout, rng);
  const kiosks = placesOfKind(places, 'kiosk');
  const nodes: Mobility[] = [];
  for (let i = 0; i < cfg.nodes; i++) {
    const r = rng.fork(`node/${i}`);
    const kiosk = kiosks[i];
    nodes.push(kiosk && i < kiosks.length ? createStationary(kiosk) : createDailyRoutine({ places, role: pickRole(r) }, r));
  }
  const range = indoorOutdoorRange(places, ['home', 'clinic', 'school'], 10, 30);
  const end = cfg.days * DAY;
  const t0 = performance.now();
  const det = createContactDetector({ nodes, range: 0, rangeAt: range.rangeAt, maxRange: range.maxRange, step: stepS * SECOND, end });
  let ups = 0, events = 0, peakContacts = 0;
  const sink = (_at: number, _a: number, _b: number, up: boolean): void => { events++; if (up) ups++; };
  // Pull in ten-minute windows, as a simulator advancing its clock would.
  for (let t = 0; t <= end; t += 600 * SECOND) {
    det.drainUntil(t, sink);
    peakContacts = Math.max(peakContacts, det.activeContacts());
  }
  det.drainUntil(end, sink);
  const wallS = (performance.now() - t0) / 1000;
  return { wallS, samples: det.samples(), ups, events, rssMB: process.resourceUsage().maxRSS / 1024, peakContacts };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(arg('runs') ?? 3);
const stepS = Number(arg('step') ?? 10);
const only = arg('only');
for (const cfg of CONFIGS) {
  if (only && cfg.name !== only) continue;
  const results: RunResult[] = [];
  for (let k = 0; k < runs; k++) results.push(runOnce(cfg, stepS, 1000 + k));
  const f = (sel: (r: RunResult) => number): number => median(results.map(sel));
  console.log(
    `contacts ${cfg.name}: ${cfg.nodes} nodes x ${cfg.days} d, step ${stepS} s, ${runs} runs (medians): ` +
    `wall ${f((r) => r.wallS).toFixed(2)} s, ${f((r) => r.samples / r.wallS).toFixed(0)} samples/s, ` +
    `${f((r) => r.ups / r.wallS).toFixed(0)} contacts/s (${f((r) => r.ups).toFixed(0)} contacts, ${f((r) => r.events).toFixed(0)} events), ` +
    `peak ${f((r) => r.peakContacts).toFixed(0)} pairs in range, max RSS ${f((r) => r.rssMB).toFixed(0)} MB`,
  );
}
