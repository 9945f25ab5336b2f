/**
 * A synthetic, seeded example run (summary + every CSV's rows) with plausible shapes: logistic
 * adapter spread, route beating merge beating the base model, cumulative traffic, a village map.
 * For tests, the render benchmark and demos of the report; never used for results.
 */
import seedrandom from 'seedrandom';
import type { CoverageRow, PlaceRow, QualityRow, SpreadRow, TrafficRow } from './rows.ts';
import type { RunSummary, Strategy } from './summary-schema.ts';
import { SUMMARY_SCHEMA_VERSION } from './summary-schema.ts';

export interface ExampleRun {
  readonly summary: RunSummary;
  readonly spread: SpreadRow[];
  readonly quality: QualityRow[];
  readonly traffic: TrafficRow[];
  readonly coverage: CoverageRow[];
  readonly places: PlaceRow[];
  readonly scenarioYaml: string;
}

const DAY = 86_400;

interface ExampleAdapter { label: string; domain: string; sizeBytes: number; publishedAt: number; midDays: number; cap: number }

export function exampleRun(options: { seed?: number; nodes?: number; days?: number } = {}): ExampleRun {
  const seed = options.seed ?? 7;
  const nodes = options.nodes ?? 60;
  const days = options.days ?? 7;
  const rng = seedrandom.alea(`example-run-${seed}`);
  const end = days * DAY;
  const adapters: ExampleAdapter[] = [
    { label: 'agronomy', domain: 'agronomy', sizeBytes: 35_000_000, publishedAt: 0.2 * DAY, midDays: 1.1, cap: 1 },
    { label: 'veterinary', domain: 'veterinary', sizeBytes: 52_000_000, publishedAt: 1 * DAY, midDays: 1.6, cap: 1 },
    { label: 'maternal-health', domain: 'maternal-health', sizeBytes: 17_000_000, publishedAt: 2 * DAY, midDays: 0.8, cap: 0.97 },
    { label: 'water-repair', domain: 'water-repair', sizeBytes: 75_000_000, publishedAt: 3.5 * DAY, midDays: 2.4, cap: 0.85 },
  ].map((a) => ({ ...a, publishedAt: Math.min(a.publishedAt, end * 0.5), midDays: a.midDays * (0.8 + 0.4 * rng()) }));

  const spread: SpreadRow[] = [];
  const holdersAt = new Map<string, number[]>();
  const step = 3600;
  for (const a of adapters) {
    const series: number[] = [];
    let holders = 0;
    for (let t = 0; t <= end; t += step) {
      if (t >= a.publishedAt) {
        const x = (t - a.publishedAt) / DAY;
        const target = Math.floor(nodes * a.cap / (1 + Math.exp(-(x - a.midDays) * 3.2)) + rng() * 2);
        holders = Math.min(nodes, Math.max(holders, Math.max(1, target)));
      }
      series.push(holders);
      spread.push({ time_s: t, adapter: a.label, holders, fraction: holders / nodes });
    }
    holdersAt.set(a.label, series);
  }

  const reach = (a: ExampleAdapter, level: number): number | null => {
    const series = holdersAt.get(a.label) ?? [];
    const i = series.findIndex((h) => h >= Math.ceil(level * nodes));
    return i < 0 ? null : Math.max(0, i * step - a.publishedAt);
  };

  const strategies: Strategy[] = ['route', 'merge', 'none'];
  const quality: QualityRow[] = [];
  const bin = 6 * 3600;
  const meanCoverage = (t: number) => adapters.reduce((s, a) => s + (holdersAt.get(a.label)?.[Math.floor(t / step)] ?? 0), 0) / (nodes * adapters.length);
  for (let t = 0; t < end; t += bin) {
    for (const s of strategies) {
      const queries = Math.floor(15 + rng() * 30);
      const c = meanCoverage(t);
      const base = s === 'route' ? 0.3 + 0.5 * c : s === 'merge' ? 0.3 + 0.17 * c : 0.3;
      quality.push({ time_s: t, strategy: s, quality: Math.min(1, Math.max(0, base + (rng() - 0.5) * 0.08)), queries });
    }
  }

  const traffic: TrafficRow[] = [];
  for (let i = 0, t = 0; t <= end; i++, t += step) {
    const bytes = adapters.reduce((s, a) => s + Math.max(0, (holdersAt.get(a.label)?.[i] ?? 0) - 1) * a.sizeBytes, 0);
    traffic.push({ time_s: t, bytes, joules: Math.round(bytes * 2.4e-6 + nodes * 0.9 * t / 60) });
  }

  const places: PlaceRow[] = [
    { name: 'homes north', kind: 'home', x: 320, y: 640, radius: 120 },
    { name: 'homes south', kind: 'home', x: 260, y: 180, radius: 100 },
    { name: 'market', kind: 'market', x: 620, y: 420, radius: 60 },
    { name: 'clinic', kind: 'clinic', x: 860, y: 560, radius: 35 },
    { name: 'fields', kind: 'field', x: 1050, y: 200, radius: 170 },
  ];
  const coverage: CoverageRow[] = [];
  for (let n = 0; n < nodes; n++) {
    const p = places[Math.floor(rng() * places.length)] as PlaceRow;
    const r = p.radius * Math.sqrt(rng());
    const angle = rng() * 2 * Math.PI;
    const held = adapters.filter((a) => rng() < (holdersAt.get(a.label)?.at(-1) ?? 0) / nodes).length;
    coverage.push({ node: `n${String(n).padStart(3, '0')}`, x: Math.round(p.x + r * Math.cos(angle)), y: Math.round(p.y + r * Math.sin(angle)), adapters: held });
  }

  const bytesTransferred = traffic.at(-1)?.bytes ?? 0;
  const totalJoules = traffic.at(-1)?.joules ?? 0;
  const routeRows = quality.filter((q) => q.strategy === 'route');
  const total = routeRows.reduce((s, q) => s + q.queries, 0);
  const meanQuality = routeRows.reduce((s, q) => s + (q.quality ?? 0) * q.queries, 0) / total;
  const bySpecialist = Math.round(total * 0.7);
  const summary: RunSummary = {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    scenario: 'example-village',
    seed,
    packageVersion: '0.1.0',
    mode: 'sim',
    strategy: 'route',
    nodes,
    simulatedSeconds: end,
    wallSeconds: 1.5,
    events: 1_234_567,
    eventsPerSecond: 823_044.67,
    bytesTransferred,
    transfers: { started: 412, completed: 187, interrupted: 225, resumed: 198 },
    adapters: adapters.map((a) => ({
      id: a.label, label: a.label, domain: a.domain, sizeBytes: a.sizeBytes, publishedAt: a.publishedAt,
      t50: reach(a, 0.5), t90: reach(a, 0.9), t100: reach(a, 1),
      finalCoverage: (holdersAt.get(a.label)?.at(-1) ?? 0) / nodes,
    })),
    queries: { total, bySpecialist, byBase: total - bySpecialist, byMerged: 0, meanQuality },
    energy: { totalJoules, perNodeMeanJoules: totalJoules / nodes },
  };
  const scenarioYaml = `name: example-village\nseed: ${seed}\nnodes: ${nodes}\nduration: ${days}d\n# synthetic example <not a real scenario> & for report demos\n`;
  return { summary, spread, quality, traffic, coverage, places, scenarioYaml };
}
