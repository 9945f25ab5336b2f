/**
 * Chart rendering: vega-lite spec → vega (`compile`) → SVG through a headless `vega.View`
 * (`renderer: 'none'`, `toSVG()`) → PNG through resvg at 2× scale, with the DejaVu fonts shipped in
 * the `dejavu-fonts-ttf` npm package (never system fonts), so the same spec gives byte-identical SVG
 * and PNG on every machine (element ids are renumbered, see svg-ids.ts). Compiler and runtime
 * warnings are collected, not printed.
 * Knows nothing about what a chart shows.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { canonicalizeSvgIds } from './svg-ids.ts';

export const PNG_SCALE = 2;
const FONT_FAMILY = 'DejaVu Sans';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf', 'DejaVuSansMono.ttf'];

/** Absolute paths of the TTF files the PNG renderer loads (resolved through node's module resolution). */
export function chartFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return FONT_FILES.map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));
}

function collectingLogger(sink: string[]) {
  return vega.logger(vega.Warn, undefined, (_method, level, args) => {
    sink.push(`${level} ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}`.trim());
  });
}

export interface CompiledChart {
  readonly vega: vega.Spec;
  /** Vega-lite compiler warnings (builders are expected to produce none). */
  readonly warnings: readonly string[];
}

export function compileChart(spec: TopLevelSpec): CompiledChart {
  const warnings: string[] = [];
  const vg = compile(spec, { logger: collectingLogger(warnings) }).spec;
  return { vega: vg, warnings };
}

export interface SvgResult {
  readonly svg: string;
  readonly warnings: readonly string[];
}

/** Compile and render a vega-lite spec to SVG text. */
export async function chartToSvgWithWarnings(spec: TopLevelSpec): Promise<SvgResult> {
  const { vega: vg, warnings } = compileChart(spec);
  const sink = [...warnings];
  const view = new vega.View(vega.parse(vg), { renderer: 'none', logger: collectingLogger(sink) });
  try {
    // vega numbers clip paths from a process-wide counter: renumber so output depends only on the spec.
    const svg = canonicalizeSvgIds(await view.toSVG());
    return { svg, warnings: sink };
  } finally {
    view.finalize();
  }
}

export async function chartToSvg(spec: TopLevelSpec): Promise<string> {
  return (await chartToSvgWithWarnings(spec)).svg;
}

/** Rasterise SVG text to PNG bytes with the bundled DejaVu fonts (default 2× scale, white background). */
export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  return image.asPng();
}

export interface RenderedChart {
  readonly svgPath: string;
  readonly pngPath: string;
  /** The SVG text (for inlining into the HTML report). */
  readonly svg: string;
  readonly warnings: readonly string[];
}

/** Render `spec` to `<outDir>/<name>.svg` and `<outDir>/<name>.png` (outDir is created). */
export async function renderChart(spec: TopLevelSpec, outDir: string, name: string): Promise<RenderedChart> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new RangeError(`chart name must be kebab-case (got "${name}")`);
  const { svg, warnings } = await chartToSvgWithWarnings(spec);
  const png = await svgToPng(svg);
  await mkdir(outDir, { recursive: true });
  const svgPath = join(outDir, `${name}.svg`);
  const pngPath = join(outDir, `${name}.png`);
  await Promise.all([writeFile(svgPath, svg), writeFile(pngPath, png)]);
  return { svgPath, pngPath, svg, warnings };
}
