import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { spreadChartSpec } from './charts/spread-chart.ts';
import { exampleRun } from './example-run.ts';
import { chartFontFiles, chartToSvg, renderChart, svgToPng } from './render.ts';

const spec = spreadChartSpec(exampleRun().spread);

describe('chart rendering', () => {
  it('loads the DejaVu fonts from the npm package', async () => {
    const files = chartFontFiles();
    expect(files[0]).toMatch(/dejavu-fonts-ttf[\\/]ttf[\\/]DejaVuSans\.ttf$/);
    for (const f of files) expect((await stat(f)).size).toBeGreaterThan(100_000);
  });

  it('gives byte-identical SVG and PNG for the same spec, also when rendered concurrently', async () => {
    const a = await chartToSvg(spec);
    const [b, c] = await Promise.all([chartToSvg(spec), chartToSvg(spec)]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    const [p1, p2] = await Promise.all([svgToPng(a), svgToPng(a)]);
    expect(p1.equals(p2)).toBe(true);
  });

  it('sets the chart font so SVG and PNG use DejaVu Sans', async () => {
    expect(await chartToSvg(spec)).toContain('font-family="DejaVu Sans, Verdana, sans-serif"');
  });

  it('writes <name>.svg and <name>.png, creating the directory', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'render-')), 'charts');
    const r = await renderChart(spec, dir, 'spread');
    expect(r.svgPath).toBe(join(dir, 'spread.svg'));
    expect(await readFile(r.svgPath, 'utf8')).toBe(r.svg);
    expect((await readFile(r.pngPath)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses chart names that are not kebab-case file stems', async () => {
    await expect(renderChart(spec, tmpdir(), '../evil')).rejects.toThrow(RangeError);
  });
});
