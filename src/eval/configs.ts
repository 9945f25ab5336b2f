/**
 * Evaluation configurations — who answers each question — and their command-line spelling:
 * - `base`: the base model, no adapter;
 * - `specialists` (every library specialist) or `specialist:<domain>`: one adapter for every
 *   question, in and out of its domain;
 * - `<method>:<density>` or `<method>` (linear methods), optionally `@k<K>`: the merge of the first
 *   K specialists in domain order (default all), e.g. `ties:0.5`, `peft-ties:0.5@k2`, `linear`;
 * - `keyword`, `embedding`, `oracle` (or `routing` for all three): a router picks a specialist per
 *   question (oracle = the question's own domain), or the base model when it finds none.
 * Merge labels say PEFT-… for the published factor-wise merges. Knows nothing about models or files.
 */
import { MERGE_METHODS, usesDensity, type MergeMethod } from '../merge/methods.ts';

export type RouterName = 'keyword' | 'embedding' | 'oracle';

export type EvalConfig =
  | { readonly kind: 'base'; readonly id: 'base' }
  | { readonly kind: 'specialist'; readonly id: string; readonly domain: string }
  | { readonly kind: 'merge'; readonly id: string; readonly method: MergeMethod; readonly density: number; readonly k: number | null }
  | { readonly kind: 'route'; readonly id: string; readonly router: RouterName };

export const DEFAULT_CONFIGS: readonly string[] = ['base', 'specialists', 'ties:0.5', 'peft-ties:0.5', 'keyword', 'embedding', 'oracle'];

export class ConfigError extends Error {}

/** The merge configuration for a spelling such as `ties:0.5@k3`, or undefined if it is not one. */
function parseMerge(spec: string): EvalConfig | undefined {
  const m = /^([a-z-]+)(?::([0-9.]+))?(?:@k(\d+))?$/.exec(spec);
  if (!m || !(MERGE_METHODS as readonly string[]).includes(m[1] as string)) return undefined;
  const method = m[1] as MergeMethod;
  const k = m[3] === undefined ? null : Number(m[3]);
  if (k !== null && k < 2) throw new ConfigError(`"${spec}": a merge needs at least 2 adapters (@k2 or more)`);
  let density = 1;
  if (usesDensity(method)) {
    if (m[2] === undefined) throw new ConfigError(`"${spec}": ${method} needs a density, e.g. ${method}:0.5`);
    density = Number(m[2]);
    if (!(density > 0 && density <= 1)) throw new ConfigError(`"${spec}": density must be in (0, 1]`);
  } else if (m[2] !== undefined) {
    throw new ConfigError(`"${spec}": ${method} takes no density`);
  }
  const label = usesDensity(method) ? `${method}:${density}` : method;
  return { kind: 'merge', id: `merge:${label}${k === null ? '' : `@k${k}`}`, method, density, k };
}

/**
 * Expands configuration spellings (comma/space separated lists allowed) into configurations, in
 * the order given, without duplicates. `domains` are the specialists' domains (for `specialists`).
 */
export function parseConfigs(specs: readonly string[], domains: readonly string[]): EvalConfig[] {
  const out: EvalConfig[] = [];
  const add = (c: EvalConfig) => {
    if (!out.some((x) => x.id === c.id)) out.push(c);
  };
  for (const raw of specs.flatMap((s) => s.split(/[\s,]+/)).filter(Boolean)) {
    const spec = raw.trim().toLowerCase();
    if (spec === 'base') add({ kind: 'base', id: 'base' });
    else if (spec === 'specialists') for (const d of domains) add({ kind: 'specialist', id: `specialist:${d}`, domain: d });
    else if (spec.startsWith('specialist:')) {
      const d = spec.slice('specialist:'.length);
      if (!domains.includes(d)) throw new ConfigError(`"${raw}": the library has no specialist for "${d}" (it has: ${domains.join(', ') || 'none'})`);
      add({ kind: 'specialist', id: spec, domain: d });
    } else if (spec === 'routing') for (const r of ['keyword', 'embedding', 'oracle'] as const) add({ kind: 'route', id: `route:${r}`, router: r });
    else if (spec === 'keyword' || spec === 'embedding' || spec === 'oracle') add({ kind: 'route', id: `route:${spec}`, router: spec });
    else {
      const merge = parseMerge(spec);
      if (!merge) {
        throw new ConfigError(`"${raw}" is not a configuration; use base, specialists, specialist:<domain>, keyword, embedding, oracle, routing, or a merge such as ties:0.5, dare-ties:0.5, linear, peft-ties:0.5 (optionally @k<K>)`);
      }
      add(merge);
    }
  }
  return out;
}

/** A short human label for tables and charts. */
export function configLabel(c: EvalConfig): string {
  switch (c.kind) {
    case 'base': return 'base model alone';
    case 'specialist': return `${c.domain} specialist`;
    case 'merge': {
      const what = c.method.startsWith('peft-') ? `PEFT-${c.method.slice(5).toUpperCase()}` : c.method.toUpperCase();
      return `${what}${usesDensity(c.method) ? ` d=${c.density}` : ''} merge of ${c.k === null ? 'all' : c.k}`;
    }
    case 'route': return c.router === 'oracle' ? 'oracle routing' : `${c.router} routing`;
  }
}
