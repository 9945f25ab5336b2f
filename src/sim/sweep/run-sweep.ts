/**
 * Runs a sweep: jobs spread over worker threads (each job writes its own run directory), then
 * aggregation per grid point with means and 95 % Student-t confidence intervals, written as
 * sweep.csv, runs.csv, sweep.json, charts and a report.html. Results are collected by job index,
 * so the outputs do not depend on which worker finished first.
 */
import { Worker } from 'node:worker_threads';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../cli/user-error.ts';
import { toCsv } from '../../report/csv.ts';
import { renderChart, summarize, sweepChartSpec } from '../../report/index.ts';
import { escapeHtml, inlineSvg } from '../../report/html.ts';
import { REPORT_CSS } from '../../report/html-style.ts';
import type { GridAxis, SweepJob } from './grid.ts';
import { runJob, type JobRequest, type JobResult } from './job.ts';

export interface SweepOptions {
  readonly scenarioFile: string;
  readonly baseOverrides: readonly string[];
  readonly jobs: readonly SweepJob[];
  readonly axes: readonly GridAxis[];
  readonly outDir: string;
  readonly workers: number;
  readonly onProgress?: (done: number, total: number) => void;
}

async function runPool(o: SweepOptions): Promise<JobResult[]> {
  const results: JobResult[] = new Array(o.jobs.length);
  const req = (job: SweepJob): JobRequest => ({ scenarioFile: o.scenarioFile, baseOverrides: o.baseOverrides, job, outDir: o.outDir });
  let done = 0;
  const order = new Map(o.jobs.map((j, i) => [j.index, i]));
  if (o.workers <= 1) {
    for (const job of o.jobs) {
      results[order.get(job.index)!] = await runJob(req(job));
      o.onProgress?.(++done, o.jobs.length);
    }
    return results;
  }
  let next = 0;
  const entry = new URL('./worker-entry.mjs', import.meta.url);
  await new Promise<void>((resolveAll, reject) => {
    let live = Math.min(o.workers, o.jobs.length);
    let failed = false;
    for (let w = 0; w < live; w++) {
      const worker = new Worker(entry);
      const feed = () => {
        if (failed || next >= o.jobs.length) {
          void worker.terminate();
          if (--live === 0 && !failed) resolveAll();
          return;
        }
        worker.postMessage(req(o.jobs[next++]!));
      };
      worker.on('message', (m: { ok: true; result: JobResult } | { ok: false; index: number; message: string; user: boolean }) => {
        if (!m.ok) {
          failed = true;
          void worker.terminate();
          reject(m.user ? new UserError(m.message) : new Error(`sweep job ${m.index} failed: ${m.message}`));
          return;
        }
        results[order.get(m.result.job.index)!] = m.result;
        o.onProgress?.(++done, o.jobs.length);
        feed();
      });
      worker.on('error', (e) => { failed = true; reject(e); });
      feed();
    }
  });
  return results;
}

const HOUR = 3600;

interface MetricDef { name: string; unit: string; series: (r: JobResult) => { series: string; value: number | null }[] }

const METRICS: MetricDef[] = [
  { name: 't50', unit: 'h', series: (r) => r.summary.adapters.map((a) => ({ series: a.id, value: a.t50 === null ? null : a.t50 / HOUR })) },
  { name: 't90', unit: 'h', series: (r) => r.summary.adapters.map((a) => ({ series: a.id, value: a.t90 === null ? null : a.t90 / HOUR })) },
  { name: 'final coverage', unit: '%', series: (r) => r.summary.adapters.map((a) => ({ series: a.id, value: a.finalCoverage * 100 })) },
  { name: 'mean answer quality', unit: 'recall', series: (r) => [{ series: r.summary.strategy, value: r.summary.queries.meanQuality }] },
  { name: 'data moved', unit: 'GB', series: (r) => [{ series: 'all nodes', value: r.summary.bytesTransferred / 1e9 }] },
];

export async function runSweep(o: SweepOptions): Promise<{ results: JobResult[]; reportPath: string }> {
  await mkdir(o.outDir, { recursive: true });
  const results = await runPool(o);
  const axis = o.axes.length === 1 ? o.axes[0]! : null;
  const xOf = (r: JobResult): string | number => {
    if (!axis) return r.job.point || 'base';
    const v = r.job.overrides[0]!.slice(axis.key.length + 1);
    return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  };
  const rows: Record<string, string | number | null>[] = [];
  const charts: { name: string; svg: string; caption: string }[] = [];
  for (const m of METRICS) {
    const samples = results.flatMap((r) => m.series(r).map((s) => ({ x: xOf(r), series: s.series, value: s.value })));
    const groups = new Map<string, { point: string; series: string; values: (number | null)[] }>();
    for (const r of results) {
      for (const s of m.series(r)) {
        const k = `${r.job.point}\u0000${s.series}`;
        const g = groups.get(k) ?? { point: r.job.point || 'base', series: s.series, values: [] };
        g.values.push(s.value);
        groups.set(k, g);
      }
    }
    for (const g of groups.values()) {
      const reached = g.values.filter((v): v is number => v !== null);
      const s = summarize(reached);
      rows.push({ point: g.point, metric: m.name, unit: m.unit, series: g.series, runs: g.values.length, reached: reached.length, mean: s.mean, sd: s.sd, ci95_lo: s.ciLo, ci95_hi: s.ciHi, median: s.median });
    }
    const slug = m.name.replace(/\s+/g, '-');
    const spec = sweepChartSpec(samples, { parameter: axis?.key ?? 'grid point', metric: m.name, metricUnit: m.unit, seriesTitle: m.name === 'mean answer quality' ? 'strategy' : 'adapter' });
    const out = await renderChart(spec, join(o.outDir, 'charts'), `sweep-${slug}`);
    charts.push({ name: slug, svg: out.svg, caption: `${m.name} (${m.unit}) per grid point: mean over seeds with a 95 % confidence interval.` });
  }
  await writeFile(join(o.outDir, 'sweep.csv'), toCsv(['point', 'metric', 'unit', 'series', 'runs', 'reached', 'mean', 'sd', 'ci95_lo', 'ci95_hi', 'median'], rows));
  await writeFile(join(o.outDir, 'runs.csv'), toCsv(['point', 'seed', 'run_dir', 'bytes', 'completed', 'interrupted', 'mean_quality'], results.map((r) => ({
    point: r.job.point || 'base', seed: r.job.seed, run_dir: r.runDir.slice(o.outDir.length + 1), bytes: r.summary.bytesTransferred,
    completed: r.summary.transfers.completed, interrupted: r.summary.transfers.interrupted, mean_quality: r.summary.queries.meanQuality,
  }))));
  await writeFile(join(o.outDir, 'sweep.json'), JSON.stringify({ scenario: o.scenarioFile, axes: o.axes, seeds: [...new Set(o.jobs.map((j) => j.seed))], aggregates: rows }, null, 2) + '\n');
  const reportPath = join(o.outDir, 'report.html');
  const table = rows.map((r) => `<tr>${['point', 'metric', 'series', 'reached', 'mean', 'ci95_lo', 'ci95_hi'].map((k) => `<td>${escapeHtml(typeof r[k] === 'number' ? Number(r[k]).toFixed(2) : String(r[k] ?? '–'))}</td>`).join('')}</tr>`).join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sweep: ${escapeHtml(o.scenarioFile)}</title><style>${REPORT_CSS}</style></head><body><main>
<h1>Sweep of ${escapeHtml(o.scenarioFile)}</h1>
<p>${results.length} runs; ${o.axes.length ? escapeHtml(o.axes.map((a) => `${a.key} ∈ {${a.values.join(', ')}}`).join(' × ')) : 'seeds only'}. Means over seeds with 95 % Student-t intervals; a time that was never reached is left out of its mean (see “reached”).</p>
${charts.map((c) => `<figure>${inlineSvg(c.svg, c.name, c.name)}<figcaption>${escapeHtml(c.caption)}</figcaption></figure>`).join('\n')}
<h2>Aggregates</h2><table><thead><tr><th>point</th><th>metric</th><th>series</th><th>reached</th><th>mean</th><th>95 % lo</th><th>95 % hi</th></tr></thead><tbody>
${table}
</tbody></table><p>Data: <a href="sweep.csv">sweep.csv</a>, <a href="runs.csv">runs.csv</a>, <a href="sweep.json">sweep.json</a>; each run's directory holds its own summary and CSVs.</p></main></body></html>\n`;
  await writeFile(reportPath, html);
  return { results, reportPath };
}
