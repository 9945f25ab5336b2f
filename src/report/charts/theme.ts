/**
 * Shared look of every chart: font (DejaVu Sans, the font the PNG renderer loads, so SVG and PNG
 * match), sizes, the Okabe–Ito colour-blind-safe palette, fixed strategy colours, and the time axis
 * (days, or hours/minutes for short runs). Pure values and functions; knows nothing about rendering.
 */
import type { Config } from 'vega-lite';
import type { Strategy } from '../summary-schema.ts';

/** First family is what resvg loads for PNGs; the rest are fallbacks for browsers showing the SVG. */
export const CHART_FONT = 'DejaVu Sans, Verdana, sans-serif';
export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 360;

/** Okabe & Ito (2008), ordered for contrast on white (yellow last). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'] as const;

export const STRATEGY_COLOURS: Readonly<Record<Strategy, string>> = { route: '#0072B2', merge: '#D55E00', none: '#666666' };
export const STRATEGY_LABELS: Readonly<Record<Strategy, string>> = {
  route: 'route (specialist adapter)',
  merge: 'merge (TIES merged model)',
  none: 'none (base model only)',
};
export const STRATEGY_ORDER: readonly Strategy[] = ['route', 'merge', 'none'];

export const GUIDE_COLOUR = '#555555';

export function chartConfig(): Config {
  return {
    font: CHART_FONT,
    background: 'white',
    padding: 16,
    view: { stroke: null },
    title: { fontSize: 17, fontWeight: 'bold', anchor: 'start', color: '#1a1a1a', subtitleFontSize: 12.5, subtitleColor: '#555555', subtitlePadding: 6, offset: 14 },
    axis: {
      labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', titleColor: '#333333', labelColor: '#333333',
      gridColor: '#e6e6e6', domainColor: '#999999', tickColor: '#999999', titlePadding: 10,
    },
    legend: {
      labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', titleColor: '#333333', labelColor: '#333333',
      symbolStrokeWidth: 2.5, symbolOpacity: 1, labelLimit: 320, titleLimit: 320,
    },
    header: { labelFontSize: 13, labelFontWeight: 'bold', titleFontSize: 13 },
    line: { strokeWidth: 2.2 },
    point: { size: 36 },
    range: { category: [...PALETTE] },
  };
}

/**
 * Headless vega measures text by estimate (0.8 × font size per character, wider than DejaVu Sans),
 * and a title wider than the chart by that estimate widens the whole layout. Subtitles are
 * therefore wrapped into lines that fit `width` by the same estimate.
 */
export function wrapLines(text: string, width = CHART_WIDTH, fontSize = 12.5): string[] {
  const maxChars = Math.max(20, Math.floor(width / (0.8 * fontSize)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Title block with the subtitle wrapped to the chart width. */
export function chartTitle(text: string, subtitle: string, width = CHART_WIDTH): { text: string; subtitle: string[] } {
  return { text, subtitle: wrapLines(subtitle, width) };
}

export interface TimeUnit {
  readonly name: 'days' | 'hours' | 'minutes';
  readonly seconds: number;
  /** Axis title with unit, e.g. "time since start (days)". */
  readonly title: string;
}

/** Days for runs of 2 days or more, hours down to 2 hours, minutes below (emulated and hw trials). */
export function timeUnitFor(maxSeconds: number): TimeUnit {
  if (maxSeconds >= 2 * 86_400) return { name: 'days', seconds: 86_400, title: 'time since start (days)' };
  if (maxSeconds >= 2 * 3_600) return { name: 'hours', seconds: 3_600, title: 'time since start (hours)' };
  return { name: 'minutes', seconds: 60, title: 'time since start (minutes)' };
}

/** `seconds` rounded up to a whole number of `unit`s (at least one). */
export function ceilToUnit(seconds: number, unit: TimeUnit): number {
  return Math.max(1, Math.ceil(seconds / unit.seconds - 1e-9)) * unit.seconds;
}

/** Largest `time_s` of some rows (0 when empty). */
export function maxTime(rows: ReadonlyArray<{ readonly time_s: number }>): number {
  let m = 0;
  for (const r of rows) if (r.time_s > m) m = r.time_s;
  return m;
}

/** Vega-lite calculate transform adding field `t` (time in the chosen unit) from `time_s`. */
export function timeTransform(unit: TimeUnit): { calculate: string; as: string } {
  return { calculate: `datum.time_s / ${unit.seconds}`, as: 't' };
}

/** Quantitative time axis encoding for field `t`. */
export function timeX(unit: TimeUnit, maxSeconds: number) {
  return {
    field: 't',
    type: 'quantitative' as const,
    title: unit.title,
    scale: { domain: [0, Math.max(maxSeconds / unit.seconds, 1e-9)], nice: false },
    axis: { tickMinStep: 1, format: '~g' },
  };
}

/** Scale a byte count to a readable unit for axes. */
export function byteUnit(maxBytes: number): { name: string; divisor: number } {
  if (maxBytes >= 1e9) return { name: 'GB', divisor: 1e9 };
  if (maxBytes >= 1e6) return { name: 'MB', divisor: 1e6 };
  if (maxBytes >= 1e3) return { name: 'kB', divisor: 1e3 };
  return { name: 'bytes', divisor: 1 };
}

export function energyUnit(maxJoules: number): { name: string; divisor: number } {
  if (maxJoules >= 1e6) return { name: 'MJ', divisor: 1e6 };
  if (maxJoules >= 1e3) return { name: 'kJ', divisor: 1e3 };
  return { name: 'J', divisor: 1 };
}

/** Distinct values in order of first appearance. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
