/**
 * The comparison itself, as the value written to comparison.json: per aligned adapter, the
 * measured t50 / t90 (the pass criteria) and t100 / final coverage (informative) against the
 * simulated seeds (interval.ts), the two-sample Kolmogorov–Smirnov distance between simulated
 * (pooled over seeds) and measured arrival times, per-node arrivals when nodes align, and the
 * transfer counters. Arrival samples hold every node except the adapter's origin, in seconds after
 * publication; a node the adapter never reached counts as later than any time, so the KS distance
 * is the largest gap between the two coverage curves. Pure: RunData in, value out.
 */
import { ksDistance, ksPValue } from '../report/index.ts';
import { alignAdapters, alignNodes } from './align.ts';
import type { AdapterPair, NodeMatchMethod } from './align.ts';
import { DEFAULT_LEVEL, DEFAULT_TOLERANCE, checkFigure } from './interval.ts';
import type { FigureCheck, FigureStats } from './interval.ts';
import type { AdapterRun, RunData, TransferCounts } from './run-data.ts';

export const COMPARISON_SCHEMA = 'gossip-handshake/comparison@1';

export interface KsResult {
  /** sup |F_sim − F_measured| over time after publication. */
  readonly distance: number | null;
  /** Asymptotic two-sample p-value (approximate for small samples; sim samples pooled over seeds are not independent). */
  readonly pValue: number | null;
  readonly simulatedSamples: number;
  readonly measuredSamples: number;
}

export interface NodeArrival {
  readonly adapter: string;
  readonly measuredNode: string;
  readonly simulatedNode: string;
  /** Seconds after publication; null = never. */
  readonly measured: number | null;
  readonly simulated: FigureStats;
  readonly insideInterval: boolean;
}

export interface AdapterComparison {
  readonly adapter: string;
  readonly measuredName: string;
  readonly publishedAt: { readonly measured: number; readonly simulated: number };
  readonly t50: FigureCheck;
  readonly t90: FigureCheck;
  readonly t100: FigureCheck;
  readonly finalCoverage: FigureCheck;
  readonly arrivals: KsResult;
  /** t50 and t90 both pass. */
  readonly pass: boolean;
}

export interface Comparison {
  readonly schema: typeof COMPARISON_SCHEMA;
  readonly simulated: {
    readonly source: string; readonly scenario: string; readonly point: string; readonly seeds: ReadonlyArray<number | null>;
    readonly runs: number; readonly nodes: number; readonly endSeconds: number;
  };
  readonly measured: { readonly source: string; readonly kind: string; readonly name: string; readonly nodes: number; readonly endSeconds: number };
  readonly criteria: { readonly interval: string; readonly level: number; readonly tolerance: number; readonly figures: readonly string[] };
  readonly alignment: {
    readonly adapters: readonly AdapterPair[];
    readonly unmatchedSimulated: readonly string[];
    readonly unmatchedMeasured: readonly string[];
    readonly nodes: { readonly method: NodeMatchMethod; readonly matched: number; readonly unmatchedMeasured: readonly string[] };
  };
  readonly adapters: readonly AdapterComparison[];
  readonly nodes: readonly NodeArrival[];
  readonly transfers: Readonly<Record<keyof TransferCounts, FigureCheck>> | null;
  readonly pass: boolean;
  readonly warnings: readonly string[];
}

export interface CompareOptions {
  readonly level?: number;
  readonly tolerance?: number;
  readonly simulatedSource?: string;
  readonly point?: string;
}

/** Arrival times after publication of every node except the origin; null = never reached. */
export function arrivalSample(run: RunData, a: AdapterRun): (number | null)[] {
  const mine = run.arrivals.filter((x) => x.adapter === a.key).map((x) => ({ node: x.node, after: Math.max(0, x.t - a.publishedAt) }));
  let originIdx = a.origin !== null ? mine.findIndex((x) => x.node === a.origin) : -1;
  if (originIdx < 0) {
    const earliest = mine.reduce((best, x, i) => (best < 0 || x.after < mine[best]!.after ? i : best), -1);
    if (earliest >= 0 && mine[earliest]!.after <= 1e-6) originIdx = earliest;
  }
  const others = mine.filter((_, i) => i !== originIdx).map((x) => x.after);
  const population = Math.max(0, run.nodes.length - 1);
  return [...others, ...Array.from({ length: Math.max(0, population - others.length) }, () => null)];
}

function ks(sim: readonly (number | null)[], measured: readonly (number | null)[]): KsResult {
  const finite = [...sim, ...measured].filter((x): x is number => x !== null);
  const never = (finite.length ? Math.max(...finite) : 0) + 1;
  const fill = (xs: readonly (number | null)[]) => xs.map((x) => x ?? never);
  if (sim.length === 0 || measured.length === 0) return { distance: null, pValue: null, simulatedSamples: sim.length, measuredSamples: measured.length };
  const d = ksDistance(fill(sim), fill(measured));
  return { distance: d, pValue: ksPValue(d, sim.length, measured.length), simulatedSamples: sim.length, measuredSamples: measured.length };
}

export function compareRuns(simRuns: readonly RunData[], measured: RunData, options: CompareOptions = {}): Comparison {
  if (simRuns.length === 0) throw new RangeError('compareRuns needs at least one simulated run');
  const level = options.level ?? DEFAULT_LEVEL;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const first = simRuns[0]!;
  const warnings: string[] = [];
  const simSource = options.simulatedSource ?? first.source;
  const alignment = alignAdapters(first.adapters.map((a) => a.key), measured.adapters.map((a) => a.key), simSource, measured.source);
  for (const s of alignment.unmatchedSimulated) warnings.push(`adapter ${s} is simulated but not in the measured data; left out.`);
  for (const m of alignment.unmatchedMeasured) warnings.push(`adapter ${m} is measured but not simulated; left out.`);
  if (measured.nodes.length !== first.nodes.length) {
    warnings.push(`the measured run has ${measured.nodes.length} nodes and the simulation ${first.nodes.length}; shares are taken of each side's own population.`);
  }
  if (simRuns.length < 20) warnings.push(`only ${simRuns.length} simulated seed${simRuns.length === 1 ? '' : 's'}: the 95 % interval of single runs needs about 20 or more to mean much.`);
  if (simRuns.some((r) => r.arrivals.length === 0)) warnings.push('some simulated runs have no transfers.csv: their arrivals are missing from the KS distances.');
  if (measured.arrivals.length === 0) warnings.push('the measured data holds no arrivals: no KS distance.');
  const nodeAlign = alignNodes(first.nodes, measured);
  if (nodeAlign.method === 'none' && measured.nodesKnown) warnings.push('measured node names match no simulated node (by name or by index): no per-node comparison.');

  const adapters: AdapterComparison[] = [];
  const nodes: NodeArrival[] = [];
  for (const pair of alignment.pairs) {
    const m = measured.adapters.find((a) => a.key === pair.measured)!;
    const sims = simRuns.map((r) => r.adapters.find((a) => a.key === pair.simulated));
    if (sims.some((s) => s === undefined)) warnings.push(`adapter ${pair.adapter} is missing from some simulated runs; those runs count as never reaching it.`);
    const fig = (f: 't50' | 't90' | 't100' | 'finalCoverage') => checkFigure(m[f], sims.map((s) => (s ? s[f] : null)), tolerance, level);
    const t50 = fig('t50');
    const t90 = fig('t90');
    const simSamples = simRuns.flatMap((r, i) => (sims[i] ? arrivalSample(r, sims[i]!) : []));
    adapters.push({
      adapter: pair.adapter, measuredName: pair.measured,
      publishedAt: { measured: m.publishedAt, simulated: sims.find((s) => s)?.publishedAt ?? 0 },
      t50, t90, t100: fig('t100'), finalCoverage: fig('finalCoverage'),
      arrivals: ks(simSamples, arrivalSample(measured, m)),
      pass: t50.pass && t90.pass,
    });
    for (const [mNode, sNode] of nodeAlign.map) {
      if (mNode === m.origin) continue;
      const at = measured.arrivals.find((x) => x.adapter === m.key && x.node === mNode);
      const measuredAfter = at ? Math.max(0, at.t - m.publishedAt) : null;
      const simValues = simRuns.map((r, i) => {
        const s = sims[i];
        const x = s ? r.arrivals.find((y) => y.adapter === s.key && y.node === sNode) : undefined;
        return s && x ? Math.max(0, x.t - s.publishedAt) : null;
      });
      const c = checkFigure(measuredAfter, simValues, tolerance, level);
      nodes.push({ adapter: pair.adapter, measuredNode: mNode, simulatedNode: sNode, measured: measuredAfter, simulated: c.simulated, insideInterval: c.insideInterval });
    }
  }

  const transfers = measured.transfers && simRuns.every((r) => r.transfers)
    ? Object.fromEntries((['started', 'completed', 'interrupted', 'resumed'] as const)
      .map((k) => [k, checkFigure(measured.transfers![k], simRuns.map((r) => r.transfers![k]), tolerance, level)])) as Record<keyof TransferCounts, FigureCheck>
    : null;

  return {
    schema: COMPARISON_SCHEMA,
    simulated: {
      source: simSource, scenario: first.name, point: options.point ?? '', seeds: simRuns.map((r) => r.seed),
      runs: simRuns.length, nodes: first.nodes.length, endSeconds: first.endSeconds,
    },
    measured: { source: measured.source, kind: measured.kind, name: measured.name, nodes: measured.nodes.length, endSeconds: measured.endSeconds },
    criteria: {
      interval: `central ${Math.round(level * 100)} % of the simulated seeds (percentiles)`,
      level, tolerance, figures: ['t50', 't90'],
    },
    alignment: {
      adapters: alignment.pairs, unmatchedSimulated: alignment.unmatchedSimulated, unmatchedMeasured: alignment.unmatchedMeasured,
      nodes: { method: nodeAlign.method, matched: nodeAlign.map.size, unmatchedMeasured: nodeAlign.unmatchedMeasured },
    },
    adapters, nodes, transfers,
    pass: adapters.length > 0 && adapters.every((a) => a.pass),
    warnings,
  };
}

