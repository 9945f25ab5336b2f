/**
 * Vega-lite specs of an evaluation (rendered by src/report's `renderChart`): keyword recall per
 * domain for every configuration (grouped bars), and overall recall per configuration with ± 1 SD
 * over runs, coloured by kind (routing, merge, specialist, base). Pure: results in, specs out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH, PALETTE, chartConfig, chartTitle } from '../report/index.ts';
import type { ConfigResult } from './aggregate.ts';

const KIND_COLOURS: Record<ConfigResult['kind'], string> = { route: '#0072B2', merge: '#D55E00', specialist: '#009E73', base: '#666666' };
const KIND_LABELS: Record<ConfigResult['kind'], string> = { route: 'routing', merge: 'merge', specialist: 'single specialist', base: 'base model' };

export function overallChartSpec(results: readonly ConfigResult[], subtitle: string): TopLevelSpec {
  const values = results.map((r) => ({
    label: r.label,
    kind: KIND_LABELS[r.kind],
    mean: r.recall.overall.mean,
    lo: Math.max(0, r.recall.overall.mean - r.recall.overall.sd),
    hi: Math.min(1, r.recall.overall.mean + r.recall.overall.sd),
  }));
  const kinds = (['route', 'merge', 'specialist', 'base'] as const).filter((k) => results.some((r) => r.kind === k));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle('Overall keyword recall by configuration', subtitle),
    width: CHART_WIDTH,
    height: Math.max(120, 26 * results.length),
    config: chartConfig(),
    data: { values },
    encoding: {
      y: { field: 'label', type: 'nominal', title: null, sort: results.map((r) => r.label), axis: { labelLimit: 320 } },
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'mean', type: 'quantitative', title: 'keyword recall (mean of domain means)', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
          color: { field: 'kind', type: 'nominal', title: 'configuration', scale: { domain: kinds.map((k) => KIND_LABELS[k]), range: kinds.map((k) => KIND_COLOURS[k]) } },
        },
      },
      { mark: { type: 'rule', color: '#1a1a1a' }, encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
    ],
  };
}

export function domainChartSpec(results: readonly ConfigResult[], domains: readonly string[], subtitle: string): TopLevelSpec {
  const values = results.flatMap((r) => domains.map((d) => ({ label: r.label, domain: d, recall: r.recall.domains[d]?.mean ?? null })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle('Keyword recall per domain', subtitle),
    config: chartConfig(),
    data: { values },
    facet: { row: { field: 'label', type: 'nominal', title: null, sort: results.map((r) => r.label), header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelLimit: 400, labelFontWeight: 'normal' } } },
    spec: {
      width: CHART_WIDTH - 280,
      height: 16 * domains.length,
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'domain', type: 'nominal', title: null, sort: [...domains] },
        x: { field: 'recall', type: 'quantitative', title: 'keyword recall', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
        color: { field: 'domain', type: 'nominal', title: 'question domain', sort: [...domains], scale: { range: [...PALETTE] } },
      },
    },
  };
}
