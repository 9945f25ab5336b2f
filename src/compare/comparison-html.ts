/**
 * The self-contained `comparison.html`: the verdict, the per-adapter t50/t90 table against the
 * simulated interval and median, KS distances of arrival times, transfer counters, warnings,
 * charts inlined as SVG and links to the data files. Inline CSS (the run report's), no scripts,
 * every text escaped, output depends only on the input. Knows nothing about how charts are drawn.
 */
import { REPORT_CSS } from '../report/html-style.ts';
import { escapeHtml as e, formatDuration, formatFixed, formatPercent, inlineSvg, safeHref } from '../report/index.ts';
import type { Comparison } from './comparison.ts';
import type { FigureCheck } from './interval.ts';

export interface ComparisonChart {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly svg: string;
}

const yes = (ok: boolean) => (ok ? '<td class="num">yes</td>' : '<td class="num never">no</td>');
const rel = (x: number | null) => (x === null ? '–' : `${x >= 0 ? '+' : ''}${formatFixed(x * 100, 1)} %`);
const interval = (lo: number | null, hi: number | null, fmt: (x: number | null) => string) => `${fmt(lo)} – ${hi === null ? 'never' : fmt(hi)}`;

function figureRow(adapter: string, name: string, f: FigureCheck, fmt: (x: number | null) => string): string {
  const s = f.simulated;
  return `<tr><th scope="row">${e(adapter)}</th><td>${e(name)}</td><td class="num">${e(fmt(f.measured))}</td><td class="num">${e(fmt(s.median))}</td>`
    + `<td class="num">${e(interval(s.lo, s.hi, fmt))}</td><td class="num">${e(rel(f.relativeError))}</td>${yes(f.insideInterval)}${yes(f.withinTolerance)}`
    + `<td class="num${f.pass ? '' : ' never'}"><strong>${f.pass ? 'pass' : 'FAIL'}</strong></td></tr>`;
}

function tableHead(cols: readonly string[]): string {
  return `<thead><tr>${cols.map((c, i) => `<th scope="col"${i >= 2 ? ' class="num"' : ''}>${e(c)}</th>`).join('')}</tr></thead>`;
}

function figuresTable(c: Comparison): string {
  const tol = formatPercent(c.criteria.tolerance);
  const rows = c.adapters.flatMap((a) => [figureRow(a.adapter, 't50', a.t50, formatDuration), figureRow(a.adapter, 't90', a.t90, formatDuration)]);
  return `<table class="data">
<caption>Measured t50 / t90 (after publication) against the simulated seeds: ${e(c.criteria.interval)}, median, and the relative error to the median (pass: inside the interval and within ${e(tol)})</caption>
${tableHead(['adapter', 'figure', 'measured', 'simulated median', 'simulated 95 % interval', 'relative error', 'inside interval', `within ${tol}`, 'verdict'])}
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function moreTable(c: Comparison): string {
  const rows = c.adapters.flatMap((a) => [
    figureRow(a.adapter, 't100', a.t100, formatDuration),
    figureRow(a.adapter, 'final coverage', a.finalCoverage, (x) => (x === null ? '–' : formatPercent(x))),
  ]);
  return `<table class="data">
<caption>Informative (not pass criteria): time until every node held the adapter, and the share holding it at the end</caption>
${tableHead(['adapter', 'figure', 'measured', 'simulated median', 'simulated 95 % interval', 'relative error', 'inside interval', 'within tolerance', 'verdict'])}
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function ksTable(c: Comparison): string {
  const rows = c.adapters.map((a) => {
    const k = a.arrivals;
    return `<tr><th scope="row">${e(a.adapter)}</th><td class="num">${k.distance === null ? '–' : formatFixed(k.distance, 3)}</td>`
      + `<td class="num">${k.pValue === null ? '–' : formatFixed(k.pValue, 3)}</td><td class="num">${k.simulatedSamples}</td><td class="num">${k.measuredSamples}</td></tr>`;
  }).join('\n');
  return `<table class="data">
<caption>Two-sample Kolmogorov–Smirnov distance of arrival times after publication (every node but the origin; never reached counts as latest)</caption>
${tableHead(['adapter', 'KS distance', 'p-value (approx.)', 'simulated samples', 'measured samples'])}
<tbody>
${rows}
</tbody>
</table>`;
}

function transfersTable(c: Comparison): string {
  if (!c.transfers) return '<p class="empty">No transfer counters in the measured data (an arrivals CSV has none).</p>';
  const fmt = (x: number | null) => (x === null ? '–' : formatFixed(x, Number.isInteger(x) ? 0 : 1));
  const rows = Object.entries(c.transfers).map(([k, f]) => figureRow('transfers', k, f, fmt)).join('\n');
  return `<table class="data">
<caption>Transfers started, completed, interrupted and resumed over the whole run (informative)</caption>
${tableHead(['', 'counter', 'measured', 'simulated median', 'simulated 95 % interval', 'relative error', 'inside interval', 'within tolerance', 'verdict'])}
<tbody>
${rows}
</tbody>
</table>`;
}

function chartFigure(ch: ComparisonChart): string {
  return `<figure id="chart-${e(ch.name)}">
<h3>${e(ch.title)}</h3>
<div class="chart">${inlineSvg(ch.svg, `${ch.name}-`, ch.title)}</div>
<figcaption><strong>What to look at:</strong> ${e(ch.caption)} <span class="files"><a href="${safeHref(`charts/${ch.name}.png`)}">PNG</a> · <a href="${safeHref(`charts/${ch.name}.svg`)}">SVG</a></span></figcaption>
</figure>`;
}

export function renderComparisonHtml(c: Comparison, charts: readonly ComparisonChart[]): string {
  const title = `Simulated vs measured: ${c.simulated.scenario}`;
  const verdict = c.pass
    ? `PASS: every adapter's measured t50 and t90 lie inside the simulated 95 % interval and within ${formatPercent(c.criteria.tolerance)} of the simulated median.`
    : `FAIL: ${c.adapters.filter((a) => !a.pass).map((a) => a.adapter).join(', ')} — see the table for which figure is outside.`;
  const nodesInside = c.nodes.filter((n) => n.insideInterval).length;
  const meta = [
    ['simulated', `${c.simulated.source} (${c.simulated.runs} seeds${c.simulated.point ? `, point ${c.simulated.point}` : ''}, ${c.simulated.nodes} nodes)`],
    ['measured', `${c.measured.source} (${c.measured.kind}, ${c.measured.nodes} nodes)`],
  ].map(([k, v]) => `<span><b>${e(k ?? '')}</b> ${e(v ?? '')}</span>`).join('');
  const warnings = c.warnings.length === 0 ? '' : `<section id="warnings"><h2>Warnings</h2><ul>${c.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul></section>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
${REPORT_CSS}
.verdict { font-weight: 600; padding: 10px 14px; border-radius: 6px; margin: 16px 0 0; }
.verdict.pass { background: #e6f4ea; color: #0b5c2a; }
.verdict.fail { background: #fdecea; color: #8a1c12; }
</style>
</head>
<body>
<main>
<header>
<p class="kicker">gossip-handshake · comparison</p>
<h1>${e(title)}</h1>
<p class="meta">${meta}</p>
</header>
<p class="verdict ${c.pass ? 'pass' : 'fail'}">${e(verdict)}</p>
${warnings}
<section id="figures">
<h2>Spread times</h2>
${figuresTable(c)}
${moreTable(c)}
</section>
<section id="arrivals">
<h2>Arrival-time distributions</h2>
${ksTable(c)}
${c.nodes.length ? `<p>Per node (aligned by ${e(c.alignment.nodes.method)}): ${nodesInside} of ${c.nodes.length} measured arrivals lie inside the simulated 95 % interval of that node.</p>` : '<p class="empty">Nodes could not be aligned: no per-node comparison.</p>'}
</section>
<section id="transfers">
<h2>Transfers and interruptions</h2>
${transfersTable(c)}
</section>
<section id="charts">
<h2>Charts</h2>
${charts.map(chartFigure).join('\n')}
</section>
<section id="files">
<h2>Data files</h2>
<ul class="files">
<li><a href="comparison.json"><code>comparison.json</code></a> — every figure above, the alignment and the warnings (machine-readable)</li>
<li><a href="coverage-band.csv"><code>coverage-band.csv</code></a> — simulated mean and 95 % band of coverage per adapter over time</li>
<li><a href="measured-spread.csv"><code>measured-spread.csv</code></a> — measured coverage per adapter over time</li>
<li><a href="arrivals.csv"><code>arrivals.csv</code></a> — every arrival used (source, seed, adapter, node, seconds after publication)</li>
</ul>
</section>
<footer>Generated by gossip-handshake. Times are seconds after each adapter's publication; interval = ${e(c.criteria.interval)}.</footer>
</main>
</body>
</html>
`;
}
