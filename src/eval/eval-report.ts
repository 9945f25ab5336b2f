/**
 * The evaluation's output files: `eval.json` (everything: options, specialists, merges with their
 * kept energy, per-configuration results with per-run numbers, the quality table; wall-clock
 * figures only under `timing`, so two runs with one seed differ only there), `eval.csv` (one row
 * per answer), `eval.md` (the published-style tables), `quality.yaml` (the simulator's `quality:`
 * section) and `charts/*.svg|png`. Knows nothing about models or how answers were produced.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { renderChart, toCsv } from '../report/index.ts';
import { aggregate, type ConfigResult } from './aggregate.ts';
import { domainChartSpec, overallChartSpec } from './charts.ts';
import type { EvalConfig } from './configs.ts';
import { evalMarkdown } from './markdown.ts';
import { qualityTable, qualityYaml, type QualityResult } from './quality-table.ts';
import { orderDomains, type EvalRun, type EvalSpecialist } from './runner.ts';

const PACKAGE_VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

export interface EvalMeta {
  readonly model: { readonly path: string; readonly baseModel: string } | null;
  readonly bank: { readonly path: string; readonly questions: number };
  readonly runs: number;
  readonly seed: string;
  readonly maxTokens: number;
  readonly temperature: number;
  readonly perDomain: number | null;
  readonly prompt: 'chatml' | 'plain';
  readonly configs: readonly EvalConfig[];
  readonly specialists: readonly (EvalSpecialist & { readonly centroidSource?: string })[];
  readonly qualityMerge?: string;
  /** Wall-clock seconds outside generation (model load, merges, embeddings), for `timing`. */
  readonly otherSeconds?: number;
}

export interface EvalReport {
  readonly schema: 'gossip-eval/1';
  readonly packageVersion: string;
  readonly model: EvalMeta['model'];
  readonly bank: { readonly path: string; readonly questions: number; readonly domains: readonly string[] };
  readonly options: {
    readonly runs: number; readonly seed: string; readonly maxTokens: number; readonly temperature: number;
    readonly perDomain: number | null; readonly prompt: 'chatml' | 'plain'; readonly configs: readonly string[];
  };
  readonly specialists: readonly { readonly id: string; readonly name: string; readonly domain: string; readonly centroid: string }[];
  readonly merges: readonly { readonly config: string; readonly domains: readonly string[]; readonly rank: number; readonly keptEnergy: number | null }[];
  readonly results: readonly ConfigResult[];
  readonly quality: QualityResult;
  readonly answers: { readonly total: number; readonly generated: number; readonly reused: number };
  readonly timing: { readonly generationSeconds: number; readonly questionsPerMinute: number | null; readonly mergeSeconds: number; readonly otherSeconds: number };
}

export function buildEvalReport(run: EvalRun, meta: EvalMeta, bankDomains: readonly string[]): EvalReport {
  const domains = orderDomains(bankDomains);
  const results = aggregate(run.records, meta.configs, domains);
  const quality = qualityTable(results, meta.configs, run.merges, meta.qualityMerge);
  const mergeMs = [...run.merges.values()].reduce((s, m) => s + m.wallMs, 0);
  return {
    schema: 'gossip-eval/1',
    packageVersion: PACKAGE_VERSION,
    model: meta.model,
    bank: { path: meta.bank.path, questions: meta.bank.questions, domains },
    options: {
      runs: meta.runs, seed: meta.seed, maxTokens: meta.maxTokens, temperature: meta.temperature,
      perDomain: meta.perDomain, prompt: meta.prompt, configs: meta.configs.map((c) => c.id),
    },
    specialists: meta.specialists.map((s) => ({ id: s.id, name: s.name, domain: s.domain, centroid: s.centroidSource ?? (s.centroid ? 'given' : 'none') })),
    merges: [...run.merges.entries()].map(([config, m]) => ({
      config, domains: m.domains, rank: m.rank, keptEnergy: Number.isNaN(m.keptFraction) ? null : m.keptFraction,
    })),
    results,
    quality,
    answers: { total: run.records.length, generated: run.generated, reused: run.reused },
    timing: {
      generationSeconds: run.generationMs / 1000,
      questionsPerMinute: run.generationMs > 0 ? run.generated / (run.generationMs / 60000) : null,
      mergeSeconds: mergeMs / 1000,
      otherSeconds: meta.otherSeconds ?? 0,
    },
  };
}

export const ANSWER_COLUMNS = [
  'config', 'run', 'question', 'domain', 'adapter', 'routed_domain', 'route_correct', 'recall', 'recall_word', 'matched', 'matched_word', 'reused', 'ms', 'answer',
] as const;

export interface WrittenEval {
  readonly dir: string;
  readonly files: readonly string[];
}

/** Writes eval.json, eval.csv, eval.md, quality.yaml and charts into `dir`. */
export async function writeEvalOutputs(dir: string, report: EvalReport, run: EvalRun, title = 'Routing vs merging: keyword recall'): Promise<WrittenEval> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const put = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    files.push(name);
  };
  put('eval.json', JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
  put('eval.csv', toCsv(ANSWER_COLUMNS, run.records.map((r) => ({
    config: r.config, run: r.run, question: r.question, domain: r.domain, adapter: r.adapter ?? 'base',
    routed_domain: r.routeCorrect === null ? '' : (r.routedDomain ?? 'base'),
    route_correct: r.routeCorrect === null ? '' : r.routeCorrect,
    recall: r.recall ?? '', recall_word: r.recallWord ?? '',
    matched: r.matched.join('; '), matched_word: r.matchedWord.join('; '),
    reused: r.reused, ms: Math.round(r.ms), answer: r.answer,
  })), { columnDecimals: { recall: 4, recall_word: 4 } }));
  const context = [
    `model: ${report.model ? `${report.model.path} (base-model id ${report.model.baseModel.slice(0, 16)}…)` : 'scripted'}`,
    `bank: ${report.bank.path} (${report.bank.questions} questions; domains ${report.bank.domains.join(', ')})`,
    `runs ${report.options.runs} · seed ${report.options.seed} · max ${report.options.maxTokens} tokens · temperature ${report.options.temperature}` +
      `${report.options.perDomain ? ` · ${report.options.perDomain} questions per domain per run` : ''} · prompt ${report.options.prompt}`,
    ...report.merges.map((m) => `${m.config}: ${m.domains.join(' + ')}, rank ${m.rank}${m.keptEnergy === null ? ' (factor-wise)' : `, kept energy ${(100 * m.keptEnergy).toFixed(1)} %`}`),
  ];
  put('eval.md', evalMarkdown({ title, domains: report.bank.domains, results: report.results, runs: report.options.runs, context }));
  put('quality.yaml', qualityYaml(report.quality, [
    `Answer quality measured by gossip eval (gossip-handshake ${report.packageVersion})`,
    `model ${report.model?.path ?? 'scripted'}; bank ${report.bank.path}; ${report.options.runs} run(s), seed ${report.options.seed}`,
    `merged: ${report.quality.mergeUsed ?? 'none'}`,
  ]));
  const subtitle = `${report.bank.questions} questions, ${report.options.runs} run(s), seed ${report.options.seed}; published substring keyword recall`;
  const charts = join(dir, 'charts');
  await renderChart(overallChartSpec(report.results, `${subtitle}; bars ± 1 SD over runs`), charts, 'overall-recall');
  await renderChart(domainChartSpec(report.results, report.bank.domains, subtitle), charts, 'recall-by-domain');
  files.push('charts/overall-recall.svg', 'charts/overall-recall.png', 'charts/recall-by-domain.svg', 'charts/recall-by-domain.png');
  return { dir, files };
}
