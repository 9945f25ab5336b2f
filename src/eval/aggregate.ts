/**
 * From answer records to the numbers of the published tables: per configuration and run, the
 * mean keyword recall of each domain's questions and the overall recall (the mean of the domain
 * means, as published), in both scorings; routing accuracy (in-domain questions sent to their
 * domain's specialist; off-domain questions sent to the base model); then the mean and sample
 * standard deviation of each over the runs (SD 0 for a single run). Pure.
 */
import { OFF_DOMAIN } from '../core/routing/index.ts';
import { configLabel, type EvalConfig } from './configs.ts';
import type { AnswerRecord } from './runner.ts';

export interface Stat {
  readonly mean: number;
  /** Sample standard deviation over runs (0 with one run). */
  readonly sd: number;
  readonly runs: number;
}

export interface RecallTable {
  readonly domains: Readonly<Record<string, Stat>>;
  readonly overall: Stat;
}

export interface RunNumbers {
  readonly run: number;
  readonly recall: Readonly<Record<string, number>>;
  readonly overall: number;
  readonly recallWord: Readonly<Record<string, number>>;
  readonly overallWord: number;
  readonly routeAccuracy: number | null;
  readonly offDomainToBase: number | null;
}

export interface ConfigResult {
  readonly id: string;
  readonly label: string;
  readonly kind: EvalConfig['kind'];
  readonly recall: RecallTable;
  readonly recallWord: RecallTable;
  /** Routing configurations only. */
  readonly routing: { readonly inDomain: Stat; readonly offDomainToBase: Stat | null } | null;
  readonly perRun: readonly RunNumbers[];
}

export function stat(values: readonly number[]): Stat {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN, runs: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n < 2 ? 0 : Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, sd, runs: n };
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

function domainMeans(records: readonly AnswerRecord[], domains: readonly string[], word: boolean): { per: Record<string, number>; overall: number } {
  const per: Record<string, number> = {};
  for (const d of domains) {
    const scores = records.filter((r) => r.domain === d).map((r) => (word ? r.recallWord : r.recall)).filter((x): x is number => x !== null);
    if (scores.length > 0) per[d] = mean(scores);
  }
  return { per, overall: mean(Object.values(per)) };
}

function table(perRun: readonly RunNumbers[], domains: readonly string[], word: boolean): RecallTable {
  const out: Record<string, Stat> = {};
  for (const d of domains) {
    const xs = perRun.map((r) => (word ? r.recallWord : r.recall)[d]).filter((x): x is number => x !== undefined);
    if (xs.length > 0) out[d] = stat(xs);
  }
  return { domains: out, overall: stat(perRun.map((r) => (word ? r.overallWord : r.overall))) };
}

/** `domains`: the scored domains in table order (off-domain questions are never recall-scored). */
export function aggregate(records: readonly AnswerRecord[], configs: readonly EvalConfig[], domains: readonly string[]): ConfigResult[] {
  const scored = domains.filter((d) => d !== OFF_DOMAIN);
  return configs.map((c) => {
    const mine = records.filter((r) => r.config === c.id);
    const runs = [...new Set(mine.map((r) => r.run))].sort((a, b) => a - b);
    const perRun: RunNumbers[] = runs.map((run) => {
      const rs = mine.filter((r) => r.run === run);
      const sub = domainMeans(rs, scored, false);
      const word = domainMeans(rs, scored, true);
      const inDomain = rs.filter((r) => r.routeCorrect !== null && r.domain !== OFF_DOMAIN);
      const off = rs.filter((r) => r.routeCorrect !== null && r.domain === OFF_DOMAIN);
      return {
        run,
        recall: sub.per,
        overall: sub.overall,
        recallWord: word.per,
        overallWord: word.overall,
        routeAccuracy: inDomain.length === 0 ? null : inDomain.filter((r) => r.routeCorrect).length / inDomain.length,
        offDomainToBase: off.length === 0 ? null : off.filter((r) => r.routeCorrect).length / off.length,
      };
    });
    const acc = perRun.map((r) => r.routeAccuracy).filter((x): x is number => x !== null);
    const offs = perRun.map((r) => r.offDomainToBase).filter((x): x is number => x !== null);
    return {
      id: c.id,
      label: configLabel(c),
      kind: c.kind,
      recall: table(perRun, scored, false),
      recallWord: table(perRun, scored, true),
      routing: c.kind === 'route' ? { inDomain: stat(acc), offDomainToBase: offs.length ? stat(offs) : null } : null,
      perRun,
    };
  });
}
