/**
 * The simulator's answer-quality table (`quality:` in a scenario, see
 * src/sim/scenario/workload-schema.ts) from measured results, so a scenario can run on the
 * answer quality of the researcher's own model and adapters:
 * - domains.<d>.specialist: the d specialist on d questions;
 * - domains.<d>.otherSpecialist: the mean over the other specialists on d questions;
 * - domains.<d>.base: the base model on d questions;
 * - merged.k<K>: a merge of K specialists (the chosen method and density) on the questions of the
 *   domains it merged (mean of those domain means).
 * Published keyword recall (substring scoring), means over runs, as fractions 0..1. Entries the
 * evaluation did not measure are left out, so the scenario's defaults apply to them (listed in
 * `notes`). Only the simulator's five domains exist there. Pure.
 */
import { stringify } from 'yaml';
import { DOMAINS, type Domain } from '../sim/scenario/domains.ts';
import type { ConfigResult } from './aggregate.ts';
import type { EvalConfig } from './configs.ts';

export interface DomainQuality {
  specialist?: number;
  otherSpecialist?: number;
  base?: number;
}

export interface QualityFragment {
  readonly domains: Partial<Record<Domain, DomainQuality>>;
  readonly merged: Partial<Record<'k2' | 'k3' | 'k4' | 'k5', number>>;
}

export interface QualityResult {
  readonly quality: QualityFragment;
  /** The merge configuration used for `merged` (null if none). */
  readonly mergeUsed: string | null;
  readonly notes: readonly string[];
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/**
 * `merges` maps each merge configuration id to the domains it merged. `mergeChoice` ("ties:0.5")
 * picks the method and density for `merged` (default: the first TIES configuration, else the first merge).
 */
export function qualityTable(
  results: readonly ConfigResult[], configs: readonly EvalConfig[], merges: ReadonlyMap<string, { readonly domains: readonly string[] }>, mergeChoice?: string,
): QualityResult {
  const notes: string[] = [];
  const byId = new Map(results.map((r) => [r.id, r]));
  const at = (id: string, d: string) => byId.get(id)?.recall.domains[d]?.mean;
  const specialists = configs.filter((c): c is Extract<EvalConfig, { kind: 'specialist' }> => c.kind === 'specialist');
  const domains: Partial<Record<Domain, DomainQuality>> = {};
  for (const d of DOMAINS) {
    const q: DomainQuality = {};
    const own = at(`specialist:${d}`, d);
    if (own !== undefined && !Number.isNaN(own)) q.specialist = round(own);
    const others = specialists.filter((s) => s.domain !== d).map((s) => at(s.id, d)).filter((x): x is number => x !== undefined && !Number.isNaN(x));
    if (others.length > 0) q.otherSpecialist = round(others.reduce((a, b) => a + b, 0) / others.length);
    const base = at('base', d);
    if (base !== undefined && !Number.isNaN(base)) q.base = round(base);
    const missing = (['specialist', 'otherSpecialist', 'base'] as const).filter((k) => q[k] === undefined);
    if (missing.length > 0) notes.push(`${d}: ${missing.join(', ')} not measured (scenario default applies)`);
    if (Object.keys(q).length > 0) domains[d] = q;
  }
  const extra = [...new Set(results.flatMap((r) => Object.keys(r.recall.domains)))].filter((d) => !(DOMAINS as readonly string[]).includes(d));
  if (extra.length > 0) notes.push(`domains the simulator does not model are left out: ${extra.join(', ')}`);

  const mergeConfigs = configs.filter((c): c is Extract<EvalConfig, { kind: 'merge' }> => c.kind === 'merge');
  let chosen = mergeConfigs.find((c) => c.method === 'ties') ?? mergeConfigs[0];
  if (mergeChoice !== undefined) {
    const [method, density] = mergeChoice.split(':');
    chosen = mergeConfigs.find((c) => c.method === method && (density === undefined || c.density === Number(density)));
    if (!chosen) notes.push(`no merge configuration matches ${mergeChoice}; merged quality not measured`);
  }
  const measured: Partial<Record<'k2' | 'k3' | 'k4' | 'k5', number>> = {};
  if (chosen) {
    const same = mergeConfigs.filter((c) => c.method === chosen.method && c.density === chosen.density);
    for (const c of same) {
      const members = merges.get(c.id)?.domains ?? [];
      const K = members.length;
      if (K < 2 || K > 5) continue;
      const vals = members.map((d) => at(c.id, d)).filter((x): x is number => x !== undefined && !Number.isNaN(x));
      if (vals.length > 0) measured[`k${K}` as 'k2'] = round(vals.reduce((a, b) => a + b, 0) / vals.length);
    }
    const missingK = (['k2', 'k3', 'k4', 'k5'] as const).filter((k) => measured[k] === undefined);
    if (missingK.length > 0) notes.push(`merged ${missingK.join(', ')} not measured (scenario default applies; add ${chosen.method}${chosen.method.includes('linear') ? '' : `:${chosen.density}`}@k<K> configurations to measure them)`);
  } else if (mergeChoice === undefined) notes.push('no merge configuration evaluated; merged quality not measured');
  const merged: Partial<Record<'k2' | 'k3' | 'k4' | 'k5', number>> = {};
  for (const k of ['k2', 'k3', 'k4', 'k5'] as const) if (measured[k] !== undefined) merged[k] = measured[k];
  return { quality: { domains, merged }, mergeUsed: chosen ? chosen.id : null, notes };
}

/** The table as a YAML file whose `quality:` section a scenario can paste or include as is. */
export function qualityYaml(q: QualityResult, header: readonly string[]): string {
  const lines = [
    ...header.map((h) => `# ${h}`),
    '# Keyword recall (0..1, published substring scoring), means over runs. Paste the `quality:`',
    '# section into a scenario; entries left out keep the scenario defaults.',
    ...q.notes.map((n) => `# note: ${n}`),
  ];
  return `${lines.join('\n')}\n${stringify({ quality: q.quality })}`;
}
