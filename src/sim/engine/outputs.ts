/**
 * Turns a finished simulation into a run directory: summary.json (the schema shared with emulate
 * and hw trials), spread/quality/traffic/coverage/places/transfers CSVs, resolved-scenario.yaml
 * stamped with the package version, charts and report.html. Only wall-clock fields differ between
 * two runs of the same scenario and seed.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { toCsv } from '../../report/csv.ts';
import { writeRunData, writeRunOutputs, type RunSummary } from '../../report/index.ts';
import { TransferObserver } from '../metrics/transfers.ts';
import { MICROS_PER_SECOND } from '../../core/types.ts';
import type { SimulationResult } from './simulation.ts';

export const PACKAGE_VERSION: string = (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;

export function buildSummary(r: SimulationResult, wallSeconds: number): RunSummary {
  const primary = r.scenario.strategy[0]!;
  const q = r.quality.totals.get(primary)!;
  const seedNumber = Number(r.seed);
  const byLabel = new Map(r.spread.results().map((s) => [s.label, s]));
  return {
    schemaVersion: 1,
    scenario: r.scenario.name,
    seed: Number.isInteger(seedNumber) ? seedNumber : 0,
    packageVersion: PACKAGE_VERSION,
    mode: 'sim',
    strategy: primary,
    nodes: r.nodes.length,
    simulatedSeconds: r.scenario.duration / MICROS_PER_SECOND,
    wallSeconds,
    events: r.events,
    eventsPerSecond: wallSeconds > 0 ? r.events / wallSeconds : 0,
    bytesTransferred: r.transfers.bytesTransferred,
    transfers: r.transfers.counters(),
    adapters: r.adapters.map((a) => {
      const s = byLabel.get(a.label)!;
      return { id: a.label, domain: a.domain, sizeBytes: a.sizeBytes, publishedAt: a.publishedAt / MICROS_PER_SECOND, t50: s.t50, t90: s.t90, t100: s.t100, finalCoverage: s.finalCoverage };
    }),
    queries: { total: q.total, bySpecialist: q.specialist, byBase: q.base, byMerged: q.merged, meanQuality: q.total ? q.sum / q.total : null },
    energy: { totalJoules: r.energy.totalJoules, perNodeMeanJoules: r.energy.perNodeMeanJoules },
  };
}

export interface WrittenRun {
  readonly outDir: string;
  readonly summary: RunSummary;
  readonly reportPath: string;
}

export async function writeSimRun(outDir: string, r: SimulationResult, resolvedYaml: string, wallSeconds: number, charts = true): Promise<WrittenRun> {
  const summary = buildSummary(r, wallSeconds);
  const input = {
    outDir,
    summary,
    spread: r.spread.rows,
    quality: r.quality.rows(r.scenario.duration),
    traffic: r.traffic,
    coverage: r.nodes.every((n) => n.x !== null) ? r.nodes.map((n) => ({ node: n.name, x: n.x!, y: n.y!, adapters: n.adapters })) : undefined,
    places: r.places.length ? r.places.map((p) => ({ name: p.name, kind: p.kind, x: p.x, y: p.y, radius: p.radius })) : undefined,
    scenarioYaml: `# resolved by gossip-handshake ${PACKAGE_VERSION}; seed ${r.seed}\n${resolvedYaml}`,
  };
  const nodeName = (i: number) => r.nodes[i]?.name ?? String(i);
  let reportPath = join(outDir, 'report.html');
  if (charts) {
    const out = await writeRunOutputs(input);
    reportPath = out.reportPath;
  } else {
    await writeRunData(input);
  }
  await writeFile(join(outDir, 'transfers.csv'), toCsv([...TransferObserver.columns], r.transfers.rows(nodeName)));
  return { outDir, summary, reportPath };
}
