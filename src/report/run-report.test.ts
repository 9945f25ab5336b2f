import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { exampleRun } from './example-run.ts';
import { parseRows, TABLES } from './rows.ts';
import { qualityByStrategy, runHighlights, writeRunOutputs, writeRunReport } from './run-report.ts';
import { parseSummary } from './summary-schema.ts';

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)));
    else out.push(`${prefix}${entry.name}`);
  }
  return out.sort();
}

describe('writeRunOutputs', () => {
  it('writes a complete run directory that reads back, byte-identical for the same run', async () => {
    const run = exampleRun({ seed: 11 });
    const [a, b] = [await mkdtemp(join(tmpdir(), 'run-a-')), await mkdtemp(join(tmpdir(), 'run-b-'))];
    const ra = await writeRunOutputs({ outDir: a, ...run });
    await writeRunOutputs({ outDir: b, ...run });
    const files = await listFiles(a);
    expect(files).toEqual([
      'charts/coverage-map.png', 'charts/coverage-map.svg', 'charts/quality.png', 'charts/quality.svg', 'charts/spread.png', 'charts/spread.svg',
      'charts/traffic.png', 'charts/traffic.svg', 'coverage.csv', 'places.csv', 'quality.csv', 'report.html', 'resolved-scenario.yaml',
      'spread.csv', 'summary.json', 'traffic.csv',
    ]);
    expect(await listFiles(b)).toEqual(files);
    for (const f of files) expect((await readFile(join(a, f))).equals(await readFile(join(b, f))), f).toBe(true);
    expect(ra.warnings).toEqual([]);

    expect(parseSummary(JSON.parse(await readFile(join(a, 'summary.json'), 'utf8')), 'summary.json')).toEqual(run.summary);
    expect(parseRows(TABLES.spread, await readFile(join(a, 'spread.csv'), 'utf8'), 'spread.csv')).toHaveLength(run.spread.length);
    const html = await readFile(ra.reportPath, 'utf8');
    for (const link of ['spread.csv', 'quality.csv', 'summary.json', 'charts/spread.png']) expect(html).toContain(`href="${link}"`);
    expect(html).toContain('<h3>Coverage map</h3>');
  });

  it('reports only what a run has: no quality, traffic or map charts without their data', async () => {
    const run = exampleRun();
    const dir = await mkdtemp(join(tmpdir(), 'run-min-'));
    const r = await writeRunReport({ outDir: dir, summary: run.summary, spread: run.spread });
    expect(r.charts.map((c) => c.name)).toEqual(['spread']);
    const html = await readFile(r.reportPath, 'utf8');
    expect(html).not.toContain('href="quality.csv"');
    expect(html).not.toContain('Resolved scenario');
  });
});

describe('report text helpers', () => {
  it('weights quality by questions per strategy, in route/merge/none order', () => {
    const q = qualityByStrategy([
      { time_s: 0, strategy: 'none', quality: 0.2, queries: 1 },
      { time_s: 0, strategy: 'route', quality: 1, queries: 3 },
      { time_s: 60, strategy: 'route', quality: 0, queries: 1 },
      { time_s: 60, strategy: 'route', quality: null, queries: 0 },
    ]);
    expect(q).toEqual([{ strategy: 'route', queries: 4, meanQuality: 0.75 }, { strategy: 'none', queries: 1, meanQuality: 0.2 }]);
  });

  it('names the fastest adapter and the ones that never reached 90 %', () => {
    const run = exampleRun();
    const h = runHighlights(run.summary, qualityByStrategy(run.quality));
    expect(h[0]).toMatch(/^3 of 4 adapters reached 90 % of the 60 nodes; fastest: \S+ in .* after publication\.$/);
    expect(h[1]).toMatch(/^Never reached 90 %: water-repair \(final coverage 85\.0 %\)\.$/);
    expect(h.some((s) => s.startsWith('Mean answer quality: route'))).toBe(true);
  });
});
