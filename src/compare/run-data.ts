/**
 * The one shape `gossip compare` reduces every input to, simulated or measured: the node
 * population, each adapter's publication time and crossing times (t50/t90/t100 after
 * publication), first arrival of every adapter at every node, a step-shaped coverage curve and the
 * transfer counters. Also the pure functions that derive crossing times and coverage curves from
 * arrivals with the simulator's own rule (a share `f` is reached when holders / nodes >= f, the
 * origin counting as a holder from publication on). Knows nothing about files.
 */
import type { SpreadRow } from '../report/index.ts';

/** First time (seconds since the start of the run) a node held the complete, verified adapter. */
export interface Arrival {
  /** Adapter key (label, else id) as the source names it. */
  readonly adapter: string;
  /** Node name; null when the source only counts holders (a spread curve). */
  readonly node: string | null;
  readonly t: number;
}

export interface AdapterRun {
  /** Name used for alignment and display: the summary's label, else its id. */
  readonly key: string;
  readonly id: string;
  /** Seconds since the start of the run. */
  readonly publishedAt: number;
  /** Node that published it, when known. */
  readonly origin: string | null;
  /** Seconds after publication until 50 / 90 / 100 % of nodes held it; null if never. */
  readonly t50: number | null;
  readonly t90: number | null;
  readonly t100: number | null;
  readonly finalCoverage: number;
}

export interface TransferCounts {
  readonly started: number;
  readonly completed: number;
  readonly interrupted: number;
  readonly resumed: number;
}

export type RunKind = 'sim' | 'run-dir' | 'trial-log' | 'arrivals-csv';

export interface RunData {
  /** File or directory it was read from (for messages and comparison.json). */
  readonly source: string;
  readonly kind: RunKind;
  /** Scenario or trial name (summary.json), else the file name. */
  readonly name: string;
  readonly seed: number | null;
  /** Node names of the population (synthetic `#1…` when the source names none). */
  readonly nodes: readonly string[];
  /** False when node names were not in the source (node-level alignment is then impossible). */
  readonly nodesKnown: boolean;
  /** Length of the run in seconds. */
  readonly endSeconds: number;
  readonly adapters: readonly AdapterRun[];
  readonly arrivals: readonly Arrival[];
  /** Coverage curve: step function per adapter, time-ordered. */
  readonly spread: readonly SpreadRow[];
  readonly transfers: TransferCounts | null;
}

/** Keeps the earliest arrival per (adapter, node); arrivals without a node are all kept. Sorted by time. */
export function firstArrivals(arrivals: Iterable<Arrival>): Arrival[] {
  const first = new Map<string, Arrival>();
  const anonymous: Arrival[] = [];
  for (const a of arrivals) {
    if (a.node === null) {
      anonymous.push(a);
      continue;
    }
    const k = `${a.adapter}\u0000${a.node}`;
    const seen = first.get(k);
    if (!seen || a.t < seen.t) first.set(k, a);
  }
  return [...first.values(), ...anonymous].sort((x, y) => x.t - y.t || x.adapter.localeCompare(y.adapter) || String(x.node).localeCompare(String(y.node)));
}

export interface Crossings {
  readonly t50: number | null;
  readonly t90: number | null;
  readonly t100: number | null;
  readonly finalCoverage: number;
}

/**
 * Crossing times after `publishedAt` from the arrival times (seconds since start) of one adapter
 * over a population of `nodes` (the simulator's rule: reached when holders / nodes >= share).
 */
export function crossings(arrivalTimes: readonly number[], nodes: number, publishedAt: number): Crossings {
  if (nodes <= 0) return { t50: null, t90: null, t100: null, finalCoverage: 0 };
  const sorted = [...arrivalTimes].sort((a, b) => a - b);
  const at = (share: number): number | null => {
    for (let k = 0; k < sorted.length; k++) if ((k + 1) / nodes >= share) return Math.max(0, (sorted[k] as number) - publishedAt);
    return null;
  };
  return { t50: at(0.5), t90: at(0.9), t100: sorted.length >= nodes ? at(1) : null, finalCoverage: Math.min(1, sorted.length / nodes) };
}

/** Step-shaped coverage rows of one adapter: a row at publication, one per arrival, one at the end. */
export function spreadFromArrivals(adapter: string, arrivalTimes: readonly number[], nodes: number, publishedAt: number, endSeconds: number): SpreadRow[] {
  const sorted = [...arrivalTimes].sort((a, b) => a - b);
  const rows: SpreadRow[] = [];
  let holders = 0;
  const push = (time_s: number) => {
    const last = rows[rows.length - 1];
    const row = { time_s, adapter, holders, fraction: nodes > 0 ? holders / nodes : 0 };
    if (last && last.time_s === time_s) rows[rows.length - 1] = row;
    else rows.push(row);
  };
  push(publishedAt);
  for (const t of sorted) {
    holders++;
    push(Math.max(publishedAt, t));
  }
  if (endSeconds > (rows[rows.length - 1]?.time_s ?? 0)) push(endSeconds);
  return rows;
}

/** Arrival times (since start) of one adapter. */
export function arrivalTimesOf(run: RunData, adapterKey: string): number[] {
  return run.arrivals.filter((a) => a.adapter === adapterKey).map((a) => a.t);
}
