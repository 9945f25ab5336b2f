/**
 * Finds the simulated runs to compare against: one run directory (holds summary.json), a sweep
 * directory (`<point>/seed-<n>/` run directories, as `gossip sweep` writes them; all seeds of one
 * grid point, chosen with `point` when the sweep has several), or a folder of run directories of
 * one scenario (`results/<scenario>/<seed>/` from repeated `gossip sim`). Knows nothing about
 * measured data.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UserError } from '../cli/user-error.ts';
import { RUN_FILES } from '../report/index.ts';
import { loadSimRun } from './sim-run.ts';
import type { RunData } from './run-data.ts';

export interface SimSelection {
  readonly root: string;
  /** The grid point compared ('' for a single run or a seeds-only sweep). */
  readonly point: string;
  /** All grid points found (for messages and the report). */
  readonly points: readonly string[];
  readonly runs: readonly RunData[];
}

const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};
const hasSummary = (d: string) => existsSync(join(d, RUN_FILES.summary));
const subdirs = (d: string) => readdirSync(d).filter((n) => !n.startsWith('.') && isDir(join(d, n))).sort(naturalOrder);

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Run directories under `root`, grouped by grid point ('' for runs directly under root). */
export function findRunDirs(root: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  if (hasSummary(root)) return new Map([['', [root]]]);
  for (const name of subdirs(root)) {
    const d = join(root, name);
    if (hasSummary(d)) {
      groups.set('', [...(groups.get('') ?? []), d]);
      continue;
    }
    const seeds = subdirs(d).map((s) => join(d, s)).filter(hasSummary);
    if (seeds.length > 0) groups.set(name, seeds);
  }
  return groups;
}

/** `base` is the name `gossip sweep` gives the only point of a seeds-only sweep. */
function pointLabel(p: string): string {
  return p === '' ? '(runs)' : p;
}

export async function loadSimRuns(root: string, point?: string): Promise<SimSelection> {
  if (!isDir(root)) throw new UserError(`${root}: not a directory; pass a run directory (holds summary.json) or a sweep directory from gossip sweep.`);
  const groups = findRunDirs(root);
  if (groups.size === 0) {
    throw new UserError(`${root}: no simulated runs found (no ${RUN_FILES.summary} here, nor in <seed>/ or <point>/seed-<n>/ below); run gossip sim or gossip sweep first.`);
  }
  const points = [...groups.keys()];
  let chosen: string;
  if (point !== undefined) {
    const match = points.find((p) => p === point || relative(root, join(root, p)) === point);
    if (match === undefined) throw new UserError(`--point ${point}: no such grid point in ${root}; found ${points.map(pointLabel).join(', ')}.`);
    chosen = match;
  } else if (points.length === 1) {
    chosen = points[0]!;
  } else {
    throw new UserError(`${root}: the sweep has ${points.length} grid points (${points.map(pointLabel).join(', ')}); choose one with --point.`);
  }
  const runs = await Promise.all(groups.get(chosen)!.map((d) => loadSimRun(d)));
  const names = new Set(runs.map((r) => r.name));
  if (names.size > 1) throw new UserError(`${root}: runs of different scenarios (${[...names].join(', ')}) in one group; compare one scenario at a time.`);
  return { root, point: chosen, points, runs };
}
