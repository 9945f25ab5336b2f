/**
 * Synthetic inputs for `gossip compare` tests: simulated run directories and sweeps in the exact
 * format gossip sim/sweep write (summary.json, spread.csv, transfers.csv, resolved-scenario.yaml),
 * trial logs and arrivals CSVs, all from one arrival function, so a test controls exactly where the
 * measured figures fall among the simulated seeds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rowsToCsv, serializeSummary, TABLES, toCsv } from '../../src/report/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { crossings } from '../../src/compare/index.ts';

export interface SyntheticAdapter { readonly id: string; readonly publishedAt: number; readonly origin: number }

export interface SyntheticSpec {
  readonly scenario: string;
  readonly group: string;
  readonly nodes: number;
  readonly duration: number;
  readonly adapters: readonly SyntheticAdapter[];
}

/** Arrival time (seconds since start) of `adapter` at non-origin node `node`, or null for never. */
export type ArrivalFn = (adapter: string, node: number, seed: number) => number | null;

export const SPEC: SyntheticSpec = {
  scenario: 'synthetic', group: 'phones', nodes: 8, duration: 1200,
  adapters: [{ id: 'agronomy', publishedAt: 10, origin: 0 }, { id: 'veterinary', publishedAt: 30, origin: 7 }],
};

/** Deterministic value in [-1, 1] from small integers. */
export function wobble(...xs: number[]): number {
  let h = 2166136261;
  for (const x of xs) h = Math.imul(h ^ (x + 0x9e37), 16777619) >>> 0;
  return ((h % 2001) - 1000) / 1000;
}

/** Node k (order after the origin) gets the adapter 60·k s after publication, ±10 % by seed. */
export const simArrival: ArrivalFn = (adapter, node, seed) => {
  const a = SPEC.adapters.find((x) => x.id === adapter)!;
  const k = (node - a.origin + SPEC.nodes) % SPEC.nodes;
  return a.publishedAt + 60 * k * (1 + 0.1 * wobble(seed, node, adapter.length));
};

/** A measured run that behaves like the simulation's median seed. */
export const matchingArrival: ArrivalFn = (adapter, node) => {
  const a = SPEC.adapters.find((x) => x.id === adapter)!;
  const k = (node - a.origin + SPEC.nodes) % SPEC.nodes;
  return a.publishedAt + 60 * k;
};

/** A measured run 60 % slower than the model: must land outside the interval. */
export const slowArrival: ArrivalFn = (adapter, node) => {
  const a = SPEC.adapters.find((x) => x.id === adapter)!;
  const k = (node - a.origin + SPEC.nodes) % SPEC.nodes;
  return a.publishedAt + 60 * k * 1.6;
};

const nodeName = (spec: SyntheticSpec, i: number) => `${spec.group}-${i}`;

function arrivalsOf(spec: SyntheticSpec, fn: ArrivalFn, seed: number) {
  return spec.adapters.map((a) => ({
    adapter: a,
    times: Array.from({ length: spec.nodes }, (_, i) => (i === a.origin ? a.publishedAt : fn(a.id, i, seed))),
  }));
}

export function writeSimRun(dir: string, seed: number, fn: ArrivalFn = simArrival, spec: SyntheticSpec = SPEC): void {
  mkdirSync(dir, { recursive: true });
  const per = arrivalsOf(spec, fn, seed);
  const transfers = per.flatMap(({ adapter, times }) => times.flatMap((t, i) => (i === adapter.origin || t === null ? [] : [{
    start_s: t - 5, end_s: t, from: nodeName(spec, adapter.origin), to: nodeName(spec, i), adapter: adapter.id, chunks: 4, bytes: 1_000_000, resumed: false, outcome: 'completed',
  }])));
  const interrupted = seed % 3;
  for (let k = 0; k < interrupted; k++) {
    transfers.push({ start_s: 100 + k, end_s: 101 + k, from: nodeName(spec, 0), to: nodeName(spec, 1), adapter: spec.adapters[0]!.id, chunks: 1, bytes: 250_000, resumed: false, outcome: 'interrupted' });
  }
  const summary: RunSummary = {
    schemaVersion: 1, scenario: spec.scenario, seed, packageVersion: '0.1.0', mode: 'sim', strategy: 'route', nodes: spec.nodes,
    simulatedSeconds: spec.duration, wallSeconds: 0, events: 100, eventsPerSecond: 0, bytesTransferred: transfers.reduce((s, t) => s + t.bytes, 0),
    transfers: { started: transfers.length, completed: transfers.length - interrupted, interrupted, resumed: 0 },
    adapters: per.map(({ adapter, times }) => ({
      id: adapter.id, domain: 'agronomy', sizeBytes: 1_000_000, publishedAt: adapter.publishedAt,
      ...crossings(times.filter((t): t is number => t !== null), spec.nodes, adapter.publishedAt),
    })),
    queries: { total: 0, bySpecialist: 0, byBase: 0, byMerged: 0, meanQuality: null },
    energy: { totalJoules: null, perNodeMeanJoules: null },
  };
  writeFileSync(join(dir, 'summary.json'), serializeSummary(summary));
  // spread.csv sampled every 60 s, like a sim run with sampleEvery: 1m.
  const spread = per.flatMap(({ adapter, times }) => {
    const ts = times.filter((t): t is number => t !== null);
    return Array.from({ length: Math.floor(spec.duration / 60) + 1 }, (_, j) => j * 60).filter((t) => t >= adapter.publishedAt).map((t) => {
      const holders = ts.filter((x) => x <= t).length;
      return { time_s: t, adapter: adapter.id, holders, fraction: holders / spec.nodes };
    });
  });
  writeFileSync(join(dir, 'spread.csv'), rowsToCsv(TABLES.spread, spread));
  writeFileSync(join(dir, 'transfers.csv'), toCsv(['start_s', 'end_s', 'from', 'to', 'adapter', 'chunks', 'bytes', 'resumed', 'outcome'], transfers));
  writeFileSync(join(dir, 'resolved-scenario.yaml'), [
    `# resolved by gossip-handshake 0.1.0; seed ${seed}`, `name: ${spec.scenario}`, `seed: ${seed}`, `duration: ${spec.duration}s`,
    'groups:', `  - {name: ${spec.group}, count: ${spec.nodes}}`,
    'adapters:', ...spec.adapters.map((a) => `  - {id: ${a.id}, domain: agronomy, origin: ${a.origin}}`), '',
  ].join('\n'));
}

/** A sweep directory: `<point>/seed-<n>/` for every seed, like gossip sweep writes. */
export function writeSweep(dir: string, seeds: readonly number[], point = 'base', fn: ArrivalFn = simArrival): void {
  for (const s of seeds) writeSimRun(join(dir, point, `seed-${s}`), s, fn);
  writeFileSync(join(dir, 'sweep.json'), '{}\n');
}

export function writeArrivalsCsv(file: string, fn: ArrivalFn, spec: SyntheticSpec = SPEC): void {
  const rows = arrivalsOf(spec, fn, 0).flatMap(({ adapter, times }) => times.map((t, i) => ({ adapter: adapter.id, node: nodeName(spec, i), arrival_s: t })));
  writeFileSync(file, toCsv(['adapter', 'node', 'arrival_s'], rows));
}

/** A trial directory with trial.jsonl in the node-event format (src/hw/ble/node-events.ts), node names `n0…`. */
export function writeTrialLog(dir: string, fn: ArrivalFn, spec: SyntheticSpec = SPEC): void {
  mkdirSync(dir, { recursive: true });
  const t0 = 1_700_000_000_000_000;
  const lines: object[] = [];
  for (let i = 0; i < spec.nodes; i++) lines.push({ at: t0, t: 0, node: `n${i}`, event: 'node-ready', nodeId: `id${i}`, addresses: [] });
  const per = arrivalsOf(spec, fn, 0);
  const events: Array<{ t: number; rec: object }> = [];
  for (const { adapter, times } of per) {
    events.push({ t: adapter.publishedAt, rec: { node: `n${adapter.origin}`, event: 'adapter-published', adapter: adapter.id, id: `cid-${adapter.id}` } });
    times.forEach((t, i) => {
      if (t === null || i === adapter.origin) return;
      events.push({ t: t - 5, rec: { node: `n${i}`, event: 'transfer-start', peer: `n${adapter.origin}`, adapter: adapter.id, id: `cid-${adapter.id}`, chunks: 4, have: 0, resumed: false } });
      events.push({ t, rec: { node: `n${i}`, event: 'transfer-complete', peer: `n${adapter.origin}`, adapter: adapter.id, id: `cid-${adapter.id}`, bytes: 1_000_000 } });
      events.push({ t, rec: { node: `n${i}`, event: 'adapter-verified', adapter: `cid-${adapter.id}`, id: `cid-${adapter.id}`, ok: true, size: 1_000_000 } });
    });
  }
  events.sort((a, b) => a.t - b.t);
  for (const e of events) lines.push({ at: t0 + Math.round(e.t * 1e6), t: e.t, ...e.rec });
  writeFileSync(join(dir, 'trial.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}
