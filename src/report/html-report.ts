/**
 * The self-contained `report.html` of a run: inline CSS, charts inlined as SVG, no scripts, no
 * external resources. Title and run identity, key figures, per-adapter spread times, questions and
 * answer quality, charts with captions saying what to look at, links to the data files, and the
 * resolved scenario. Every piece of text is escaped. Output depends only on the input (no clock).
 * Knows nothing about how charts are rendered or files written.
 */
import { adapterLabel } from './summary-schema.ts';
import type { RunSummary, Strategy } from './summary-schema.ts';
import { escapeHtml, inlineSvg, safeHref } from './html.ts';
import { formatBytes, formatCount, formatDuration, formatFixed, formatJoules, formatPercent, formatShare } from './format.ts';
import { STRATEGY_LABELS } from './charts/theme.ts';
import { REPORT_CSS } from './html-style.ts';

export interface ReportChart {
  /** File stem and anchor, e.g. "spread". */
  readonly name: string;
  readonly title: string;
  /** What to look at in this chart (plain text). */
  readonly caption: string;
  readonly svg: string;
  /** Relative links to the rendered files, e.g. "charts/spread.png". */
  readonly pngHref: string;
  readonly svgHref: string;
}

export interface ReportFile {
  readonly href: string;
  readonly description: string;
}

export interface StrategyQuality {
  readonly strategy: Strategy;
  readonly queries: number;
  readonly meanQuality: number | null;
}

export interface ReportInput {
  readonly summary: RunSummary;
  readonly charts: readonly ReportChart[];
  readonly files: readonly ReportFile[];
  /** Mean quality per strategy over the whole run (from quality.csv); omitted when empty. */
  readonly qualityByStrategy?: readonly StrategyQuality[];
  /** Short findings shown under the key figures (plain text). */
  readonly highlights?: readonly string[];
  readonly scenarioYaml?: string;
}

const e = escapeHtml;

function row(label: string, value: string, note = ''): string {
  return `<tr><th scope="row">${e(label)}</th><td class="num">${e(value)}</td><td class="note">${e(note)}</td></tr>`;
}

function keyFigures(s: RunSummary): string {
  const t = s.transfers;
  return `<table class="figures">
<caption>Key figures</caption>
<tbody>
${row('Nodes', formatCount(s.nodes))}
${row(s.mode === 'sim' ? 'Simulated time' : 'Trial time', formatDuration(s.simulatedSeconds), `${formatCount(s.simulatedSeconds)} s`)}
${row('Events', formatCount(s.events), s.mode === 'sim' ? 'simulator events processed' : 'log records')}
${row('Data moved', formatBytes(s.bytesTransferred), `${formatCount(s.bytesTransferred)} bytes of adapter payload received`)}
${row('Transfers started', formatCount(t.started))}
${row('Transfers completed', formatCount(t.completed), formatShare(t.completed, t.started) + ' of started')}
${row('Transfers interrupted', formatCount(t.interrupted), 'contact lost, churn or error')}
${row('Transfers resumed', formatCount(t.resumed), 'continued from chunks already held')}
${row('Energy, all nodes', formatJoules(s.energy.totalJoules))}
${row('Energy, mean per node', formatJoules(s.energy.perNodeMeanJoules))}
${row('Wall-clock time', `${formatFixed(s.wallSeconds, 2)} s`, 'machine-dependent')}
${row('Throughput', `${formatCount(s.eventsPerSecond)} events/s`, 'machine-dependent')}
</tbody>
</table>`;
}

function adapterTable(s: RunSummary): string {
  if (s.adapters.length === 0) return '<p class="empty">No adapters were published in this run.</p>';
  const rows = s.adapters.map((a) => `<tr><th scope="row">${e(adapterLabel(a))}</th><td>${e(a.domain)}</td>`
    + `<td class="num">${e(formatBytes(a.sizeBytes))}</td><td class="num">${e(formatDuration(a.publishedAt))}</td>`
    + [a.t50, a.t90, a.t100].map((x) => `<td class="num${x === null ? ' never' : ''}">${e(formatDuration(x))}</td>`).join('')
    + `<td class="num">${e(formatPercent(a.finalCoverage))}</td></tr>`).join('\n');
  return `<table class="data">
<caption>Adapter spread: time after publication until 50 %, 90 % and 100 % of nodes held the complete adapter</caption>
<thead><tr><th scope="col">adapter</th><th scope="col">domain</th><th scope="col" class="num">size</th><th scope="col" class="num">published at</th>`
    + `<th scope="col" class="num">t50</th><th scope="col" class="num">t90</th><th scope="col" class="num">t100</th><th scope="col" class="num">final coverage</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function queryTable(s: RunSummary, byStrategy: readonly StrategyQuality[]): string {
  const q = s.queries;
  const main = `<table class="data">
<caption>Questions answered (strategy of this run: ${e(STRATEGY_LABELS[s.strategy])})</caption>
<tbody>
${row('Questions', formatCount(q.total))}
${row('by a specialist adapter', formatCount(q.bySpecialist), formatShare(q.bySpecialist, q.total))}
${row('by the base model', formatCount(q.byBase), formatShare(q.byBase, q.total))}
${row('by a merged model', formatCount(q.byMerged), formatShare(q.byMerged, q.total))}
${row('Mean answer quality', formatPercent(q.meanQuality), 'keyword recall, 0–100 %')}
</tbody>
</table>`;
  if (byStrategy.length === 0) return main;
  const rows = byStrategy.map((b) => `<tr><th scope="row">${e(STRATEGY_LABELS[b.strategy])}</th>`
    + `<td class="num">${e(formatCount(b.queries))}</td><td class="num">${e(formatPercent(b.meanQuality))}</td></tr>`).join('\n');
  return `${main}
<table class="data">
<caption>Mean answer quality by strategy over the whole run</caption>
<thead><tr><th scope="col">strategy</th><th scope="col" class="num">questions</th><th scope="col" class="num">mean quality</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function chartFigure(c: ReportChart): string {
  return `<figure id="chart-${e(c.name)}">
<h3>${e(c.title)}</h3>
<div class="chart">${inlineSvg(c.svg, `${c.name.replace(/[^\w-]/g, '')}-`, c.title)}</div>
<figcaption><strong>What to look at:</strong> ${e(c.caption)} <span class="files"><a href="${safeHref(c.pngHref)}">PNG</a> · <a href="${safeHref(c.svgHref)}">SVG</a></span></figcaption>
</figure>`;
}

/** The complete report page. */
export function renderReportHtml(input: ReportInput): string {
  const s = input.summary;
  const title = `Run report: ${s.scenario}`;
  const meta = [
    ['scenario', s.scenario], ['seed', String(s.seed)], ['mode', s.mode], ['strategy', s.strategy], ['gossip-handshake', s.packageVersion],
  ].map(([k, v]) => `<span><b>${e(k ?? '')}</b> ${e(v ?? '')}</span>`).join('');
  const highlights = (input.highlights ?? []).length === 0 ? ''
    : `<ul class="highlights">\n${(input.highlights ?? []).map((h) => `<li>${e(h)}</li>`).join('\n')}\n</ul>`;
  const charts = input.charts.length === 0 ? '<p class="empty">No chart data in this run.</p>' : input.charts.map(chartFigure).join('\n');
  const files = input.files.map((f) => `<li><a href="${safeHref(f.href)}"><code>${e(f.href)}</code></a> — ${e(f.description)}</li>`).join('\n');
  const scenario = input.scenarioYaml === undefined ? ''
    : `<section id="scenario">
<h2>Resolved scenario</h2>
<details><summary>Every setting this run used (also in <code>resolved-scenario.yaml</code>)</summary>
<pre>${e(input.scenarioYaml)}</pre>
</details>
</section>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
${REPORT_CSS}
</style>
</head>
<body>
<main>
<header>
<p class="kicker">gossip-handshake · ${e(s.mode === 'sim' ? 'simulation' : s.mode === 'emulate' ? 'emulation' : 'hardware trial')}</p>
<h1>${e(title)}</h1>
<p class="meta">${meta}</p>
</header>
${highlights}
<section id="figures">
<h2>Key figures</h2>
${keyFigures(s)}
</section>
<section id="adapters">
<h2>Adapters</h2>
${adapterTable(s)}
</section>
<section id="queries">
<h2>Questions and answer quality</h2>
${queryTable(s, input.qualityByStrategy ?? [])}
</section>
<section id="charts">
<h2>Charts</h2>
${charts}
</section>
<section id="files">
<h2>Data files</h2>
<ul class="files">
${files}
</ul>
</section>
${scenario}
<footer>Generated by gossip-handshake ${e(s.packageVersion)}. Times are ${s.mode === 'sim' ? 'simulated' : 'trial'} time; wall-clock figures depend on the machine and are left out of determinism checks. Sizes: 1 MB = 10<sup>6</sup> bytes.</footer>
</main>
</body>
</html>
`;
}
