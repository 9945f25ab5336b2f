/**
 * The job list of a sweep: seeds (`--seeds 1..20` or `1,5,9`) × the Cartesian product of
 * parameter lists (`--set key=v1,v2`; a value starting with `[` or `{` is one YAML value, not a
 * list), optionally cut to one shard (`--shard i/N`) so several machines can split the work.
 * Knows nothing of simulation.
 */
import { UserError } from '../../cli/user-error.ts';

export interface SweepJob {
  readonly index: number;
  readonly seed: number;
  /** Overrides of this grid point (key=value), in the order given on the command line. */
  readonly overrides: readonly string[];
  /** Human label of the grid point, e.g. "groups.farmers.count=50" (empty for a seeds-only sweep). */
  readonly point: string;
}

export function parseSeeds(text: string): number[] {
  const range = /^\s*(-?\d+)\s*\.\.\s*(-?\d+)\s*$/.exec(text);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    if (b < a) throw new UserError(`--seeds ${text}: the range is empty (write A..B with A <= B)`);
    if (b - a > 100_000) throw new UserError(`--seeds ${text}: more than 100,000 seeds`);
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  const list = text.split(',').map((s) => s.trim());
  if (list.some((s) => !/^-?\d+$/.test(s))) throw new UserError(`--seeds ${text}: expected A..B or a comma-separated list of integers`);
  return list.map(Number);
}

export interface GridAxis { readonly key: string; readonly values: readonly string[] }

export function parseAxes(sets: readonly string[]): GridAxis[] {
  return sets.map((s) => {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UserError(`--set ${s}: expected key=value or key=v1,v2,...`);
    const key = s.slice(0, eq).trim();
    const raw = s.slice(eq + 1);
    const values = /^\s*[[{]/.test(raw) ? [raw] : raw.split(',').map((v) => v.trim());
    if (values.some((v) => v === '')) throw new UserError(`--set ${s}: empty value in the list`);
    return { key, values };
  });
}

export function parseShard(text: string | undefined): { i: number; n: number } {
  if (text === undefined) return { i: 1, n: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const i = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || i < 1 || i > n) throw new UserError(`--shard ${text}: expected i/N with 1 <= i <= N`);
  return { i, n };
}

export function buildJobs(seeds: readonly number[], axes: readonly GridAxis[], shard = { i: 1, n: 1 }): SweepJob[] {
  let points: string[][] = [[]];
  for (const a of axes) points = points.flatMap((p) => a.values.map((v) => [...p, `${a.key}=${v}`]));
  const jobs: SweepJob[] = [];
  let index = 0;
  for (const p of points) {
    for (const seed of seeds) {
      if (index % shard.n === shard.i - 1) jobs.push({ index, seed, overrides: p, point: p.join(' ') });
      index++;
    }
  }
  return jobs;
}
