/**
 * The evaluation as Markdown: first a table shaped like the published ones (each specialist on
 * its own domain, the range of specialists on other domains, merges, routing, base), then every
 * configuration with mean ± SD over runs, the word-boundary variant, and routing accuracy.
 * Keyword recall in percent with one decimal. Pure.
 */
import type { ConfigResult, RecallTable, Stat } from './aggregate.ts';

export interface MarkdownInput {
  readonly title: string;
  readonly domains: readonly string[];
  readonly results: readonly ConfigResult[];
  readonly runs: number;
  /** Lines of context under the title (model, bank, seed, ...). */
  readonly context: readonly string[];
}

const pct = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : (100 * x).toFixed(1));
const withSd = (s: Stat | undefined, runs: number) => (s === undefined ? '—' : runs > 1 ? `${pct(s.mean)} ± ${pct(s.sd)}` : pct(s.mean));

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function header(domains: readonly string[], extra: readonly string[] = []): string[] {
  const cols = ['configuration', ...domains, 'overall', ...extra];
  return [row(cols), row(cols.map(() => '---'))];
}

function recallRows(results: readonly ConfigResult[], domains: readonly string[], runs: number, pick: (r: ConfigResult) => RecallTable, routing: boolean): string[] {
  return results.map((r) => {
    const t = pick(r);
    const cells = [r.label, ...domains.map((d) => withSd(t.domains[d], runs)), withSd(t.overall, runs)];
    if (routing) cells.push(r.routing ? withSd(r.routing.inDomain, runs) : '');
    return row(cells);
  });
}

function publishedShape(results: readonly ConfigResult[], domains: readonly string[]): string[] {
  const specialists = results.filter((r) => r.kind === 'specialist');
  const lines = header(domains);
  if (specialists.length > 0) {
    const own = domains.map((d) => pct(specialists.find((s) => s.id === `specialist:${d}`)?.recall.domains[d]?.mean));
    lines.push(row(['each specialist on its own domain', ...own, '—']));
    const range = (xs: number[]) => (xs.length === 0 ? '—' : `${pct(Math.min(...xs))}–${pct(Math.max(...xs))}`);
    const others = domains.map((d) => range(specialists.filter((s) => s.id !== `specialist:${d}`).map((s) => s.recall.domains[d]?.mean).filter((x): x is number => x !== undefined && !Number.isNaN(x))));
    lines.push(row(['a specialist on another domain (range)', ...others, range(specialists.map((s) => s.recall.overall.mean).filter((x) => !Number.isNaN(x)))]));
  }
  for (const r of results.filter((x) => x.kind === 'merge' || x.kind === 'route' || x.kind === 'base')) {
    lines.push(row([r.label, ...domains.map((d) => pct(r.recall.domains[d]?.mean)), pct(r.recall.overall.mean)]));
  }
  return lines;
}

export function evalMarkdown(m: MarkdownInput): string {
  const out: string[] = [`# ${m.title}`, '', ...m.context.map((c) => `${c}  `), ''];
  out.push(`## Keyword recall (%), shaped like the published tables (means over ${m.runs} run${m.runs > 1 ? 's' : ''})`, '', ...publishedShape(m.results, m.domains), '');
  const hasRouting = m.results.some((r) => r.routing);
  out.push(
    `## Every configuration: keyword recall (%, published substring scoring${m.runs > 1 ? '; mean ± SD over runs' : ''})`, '',
    ...header(m.domains, hasRouting ? ['routing accuracy'] : []),
    ...recallRows(m.results, m.domains, m.runs, (r) => r.recall, hasRouting), '',
  );
  out.push(
    `## Word-boundary variant (keywords as whole words or phrases${m.runs > 1 ? '; mean ± SD over runs' : ''})`, '',
    ...header(m.domains), ...recallRows(m.results, m.domains, m.runs, (r) => r.recallWord, false), '',
  );
  if (hasRouting) {
    out.push('## Routing accuracy (%)', '', row(['router', 'in-domain questions to their specialist', 'off-domain questions to the base model']), row(['---', '---', '---']));
    for (const r of m.results.filter((x) => x.routing)) {
      out.push(row([r.label, withSd(r.routing?.inDomain, m.runs), r.routing?.offDomainToBase ? withSd(r.routing.offDomainToBase, m.runs) : '—']));
    }
    out.push('');
  }
  return out.join('\n');
}
