/**
 * Coverage map of the village: node positions (metres) coloured by how many complete adapters each
 * holds at the end of the run, over the named places drawn to scale as labelled circles. Both axes
 * use the same metres-per-pixel so distances and circle sizes are true. Pure: rows in, spec out.
 */
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import type { CoverageRow, PlaceRow } from '../rows.ts';
import { CHART_WIDTH, chartConfig, chartTitle } from './theme.ts';

export interface CoverageMapOptions {
  readonly title?: string;
  readonly subtitle?: string;
  /** Number of adapters in the run (colour scale runs 0..total; default: the largest count seen). */
  readonly totalAdapters?: number;
}

const MIN_HEIGHT = 260;
const MAX_HEIGHT = 560;

interface Frame {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly width: number;
  readonly height: number;
  readonly pxPerMetre: number;
}

/** Equal-aspect frame around every node and place circle, 6 % padding, at most MAX_HEIGHT tall. */
export function mapFrame(nodes: readonly CoverageRow[], places: readonly PlaceRow[]): Frame {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const n of nodes) { xs.push(n.x); ys.push(n.y); }
  for (const p of places) { xs.push(p.x - p.radius, p.x + p.radius); ys.push(p.y - p.radius, p.y + p.radius); }
  if (xs.length === 0) { xs.push(0, 100); ys.push(0, 100); }
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const span = Math.max(x1 - x0, y1 - y0, 1);
  const pad = 0.06 * span;
  x0 -= pad; x1 += pad; y0 -= pad; y1 += pad;
  const width = CHART_WIDTH;
  const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, (width * (y1 - y0)) / Math.max(x1 - x0, 1))));
  const pxPerMetre = Math.min(width / (x1 - x0), height / (y1 - y0));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = width / pxPerMetre / 2;
  const hy = height / pxPerMetre / 2;
  return { x: [cx - hx, cx + hx], y: [cy - hy, cy + hy], width, height, pxPerMetre };
}

/** n colours spanning the whole viridis ramp (dark purple = none held … yellow = all held). */
export function countColours(n: number): string[] {
  const ramp = vega.scheme('viridis') as (t: number) => string;
  return Array.from({ length: n }, (_, i) => ramp(n === 1 ? 1 : i / (n - 1)));
}

export function coverageMapSpec(nodes: readonly CoverageRow[], places: readonly PlaceRow[], options: CoverageMapOptions = {}): TopLevelSpec {
  const frame = mapFrame(nodes, places);
  const maxSeen = Math.max(0, ...nodes.map((n) => n.adapters));
  const total = Math.max(options.totalAdapters ?? maxSeen, maxSeen);
  const counts = Array.from({ length: total + 1 }, (_, i) => i);
  const xScale = { domain: [...frame.x], nice: false, zero: false };
  const yScale = { domain: [...frame.y], nice: false, zero: false };
  // vega symbol size is the area of the bounding square: (2 r)^2 in pixels.
  const placeValues = places.map((p) => ({ ...p, size: (2 * p.radius * frame.pxPerMetre) ** 2 }));
  const nodeValues = [...nodes].sort((a, b) => a.adapters - b.adapters || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      options.title ?? 'Who holds what at the end of the run',
      options.subtitle ?? `Each dot is a node, coloured by how many of the ${total} adapters it holds at the end; grey circles are places, drawn to scale`,
    ),
    width: frame.width,
    height: frame.height,
    config: chartConfig(),
    encoding: {
      x: { field: 'x', type: 'quantitative', title: 'east (m)', scale: xScale, axis: { tickCount: 8, grid: false } },
      y: { field: 'y', type: 'quantitative', title: 'north (m)', scale: yScale, axis: { tickCount: 6, grid: false } },
    },
    layer: [
      {
        data: { values: placeValues },
        mark: { type: 'point', shape: 'circle', filled: true, color: '#bdbdbd', opacity: 0.35, stroke: '#8c8c8c', strokeWidth: 1, strokeOpacity: 1 },
        encoding: { size: { field: 'size', type: 'quantitative', scale: null } },
      },
      {
        data: { values: nodeValues },
        mark: { type: 'point', shape: 'circle', filled: true, size: 46, stroke: '#333333', strokeWidth: 0.6, opacity: 0.95 },
        encoding: {
          color: {
            field: 'adapters', type: 'ordinal', title: 'adapters held',
            scale: { domain: counts, range: countColours(counts.length) },
            legend: { symbolType: 'circle', symbolSize: 120, symbolStrokeColor: '#333333', symbolStrokeWidth: 0.6, columns: counts.length > 12 ? 2 : 1 },
          },
        },
      },
      {
        data: { values: placeValues },
        mark: { type: 'text', fontSize: 12, fontWeight: 'bold', color: '#333333', baseline: 'bottom' },
        encoding: {
          text: { field: 'name' },
          // Label just above each circle's top edge.
          y: { field: 'labelY', type: 'quantitative', title: 'north (m)', scale: yScale },
        },
        // Homes are many and small: labelling them all hides the map, so only shared places are named.
        transform: [{ filter: "datum.kind !== 'home'" }, { calculate: `datum.y + datum.radius + ${4 / frame.pxPerMetre}`, as: 'labelY' }],
      },
    ],
  };
}
