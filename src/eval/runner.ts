/**
 * The evaluation loop: for every configuration, run and sampled question, decide who answers
 * (base, one specialist, a merged adapter, or a router's pick), activate that adapter, generate,
 * and score the answer (published substring recall and the word variant), recording the route.
 * Every configuration sees the same prompt for a question, so differences come from the weights
 * alone. An answer is generated once per (adapter, prompt, sampling seed) and reused wherever
 * the same combination recurs (oracle routing repeats the specialists' own-domain answers;
 * greedy runs repeat each other) — exact for deterministic decoding; `reuse: false` turns it off.
 * Generation goes through `EvalGenerator` (adapted from the core `Inference` port); embeddings
 * through the core `Embedder` port. Knows nothing about files, llama.cpp or output formats.
 */
import type { Embedder, Inference } from '../core/ports.ts';
import { createEmbeddingRouter, createKeywordRouter, DEFAULT_DOMAINS, OFF_DOMAIN, type QuestionBank, type RouteDecision } from '../core/routing/index.ts';
import type { MergeMethod } from '../merge/methods.ts';
import type { EvalConfig, RouterName } from './configs.ts';
import { planRuns } from './sampling.ts';
import { keywordRecall } from './scoring.ts';

export interface EvalSpecialist {
  readonly id: string;
  readonly name: string;
  readonly domain: string;
  /** What `setAdapter` receives (a GGUF path for llama.cpp). */
  readonly file: string;
  /** Router hints (empty → the domain's catalogue keywords). */
  readonly keywords: readonly string[];
  /** Embedding centroid (base model, no adapter); needed by embedding routing. */
  readonly centroid?: readonly number[];
}

/** Generation as the evaluation needs it; `generatorFromInference` adapts the core port. */
export interface EvalGenerator {
  setAdapter(adapter: string | null): Promise<void>;
  /** temperature 0 = greedy (deterministic); > 0 samples with `seed`. */
  generate(prompt: string, o: { readonly maxTokens: number; readonly temperature: number; readonly seed: number }): Promise<string>;
}

/** The core `Inference` port decodes greedily: temperature must be 0. */
export function generatorFromInference(inference: Inference): EvalGenerator {
  return {
    setAdapter: (a) => inference.setAdapter(a),
    generate(prompt, o) {
      if (o.temperature !== 0) throw new RangeError('this inference backend decodes greedily (temperature 0); sampled generation is not available through the Inference port');
      return inference.generate(prompt, { maxTokens: o.maxTokens });
    },
  };
}

export interface MergedForEval {
  /** What `setAdapter` receives. */
  readonly file: string;
  readonly members: readonly string[];
  readonly keptFraction: number;
  readonly rank: number;
  readonly wallMs: number;
}

export interface EvalInputs {
  readonly bank: QuestionBank;
  readonly specialists: readonly EvalSpecialist[];
  readonly configs: readonly EvalConfig[];
  readonly generator: EvalGenerator;
  readonly embedder?: Embedder;
  /** Builds (or finds) the merged adapter of `members` for a merge configuration. */
  readonly merge: (config: { readonly id: string; readonly method: MergeMethod; readonly density: number }, members: readonly EvalSpecialist[]) => Promise<MergedForEval>;
  /** The prompt a question is asked with (the same for every configuration). */
  readonly prompt: (question: string) => string;
  readonly runs: number;
  readonly seed: string;
  readonly maxTokens: number;
  readonly temperature?: number;
  readonly perDomain?: number;
  readonly reuse?: boolean;
  /** Embedding router margin (default the router's 0.05). */
  readonly margin?: number;
  readonly onAnswer?: (done: number, total: number, record: AnswerRecord) => void;
}

export interface AnswerRecord {
  readonly config: string;
  readonly run: number;
  /** Bank index. */
  readonly question: number;
  readonly domain: string;
  /** The adapter that answered (specialist or merge id), or null for the base model. */
  readonly adapter: string | null;
  /** Routing configurations: the routed domain (null = base model) and whether it was right. */
  readonly routedDomain: string | null;
  readonly routeCorrect: boolean | null;
  readonly answer: string;
  readonly recall: number | null;
  readonly recallWord: number | null;
  readonly matched: readonly string[];
  readonly matchedWord: readonly string[];
  readonly reused: boolean;
  /** Generation time (0 when reused). */
  readonly ms: number;
}

export interface EvalRun {
  readonly records: readonly AnswerRecord[];
  readonly merges: ReadonlyMap<string, MergedForEval & { readonly domains: readonly string[] }>;
  readonly generated: number;
  readonly reused: number;
  readonly generationMs: number;
}

/** Domain ids in the published order, then any others alphabetically. */
export function orderDomains(domains: Iterable<string>): string[] {
  const known = DEFAULT_DOMAINS.map((d) => d.id);
  const set = new Set(domains);
  set.delete(OFF_DOMAIN);
  return [...known.filter((d) => set.has(d)), ...[...set].filter((d) => !known.includes(d)).sort()];
}

/** One specialist per domain: the first listed (callers list the preferred version first). */
export function specialistByDomain(specialists: readonly EvalSpecialist[]): Map<string, EvalSpecialist> {
  const m = new Map<string, EvalSpecialist>();
  for (const s of specialists) if (!m.has(s.domain)) m.set(s.domain, s);
  return m;
}

type Answerer = { adapter: EvalSpecialist | MergedRef | null; routedDomain: string | null; routed: boolean };
interface MergedRef { readonly id: string; readonly file: string }

export async function runEvaluation(inputs: EvalInputs): Promise<EvalRun> {
  const { bank, configs } = inputs;
  const temperature = inputs.temperature ?? 0;
  const reuse = inputs.reuse ?? true;
  const byDomain = specialistByDomain(inputs.specialists);
  const domainOrder = orderDomains(byDomain.keys());
  const plans = planRuns(bank, inputs.runs, inputs.seed, inputs.perDomain);
  const cache = new Map<string, string>();
  const merges = new Map<string, MergedForEval & { domains: string[] }>();
  const records: AnswerRecord[] = [];
  const total = configs.length * plans.reduce((s, p) => s + p.questions.length, 0);
  let generated = 0;
  let reusedCount = 0;
  let generationMs = 0;
  let active: string | null | undefined;

  const routers = new Map<RouterName, (q: number) => Promise<RouteDecision | { kind: 'oracle'; domain: string }>>();
  const decisions = new Map<string, RouteDecision | { kind: 'oracle'; domain: string }>();
  async function route(router: RouterName, q: number) {
    const key = `${router}\u0000${q}`;
    const hit = decisions.get(key);
    if (hit) return hit;
    let fn = routers.get(router);
    if (!fn) {
      fn = makeRouter(router, inputs, byDomain);
      routers.set(router, fn);
    }
    const d = await fn(q);
    decisions.set(key, d);
    return d;
  }

  for (const config of configs) {
    let fixed: Answerer | undefined;
    if (config.kind === 'base') fixed = { adapter: null, routedDomain: null, routed: false };
    else if (config.kind === 'specialist') {
      const s = byDomain.get(config.domain);
      if (!s) throw new RangeError(`${config.id}: no specialist for ${config.domain}`);
      fixed = { adapter: s, routedDomain: null, routed: false };
    } else if (config.kind === 'merge') {
      const k = config.k ?? domainOrder.length;
      if (k > domainOrder.length) throw new RangeError(`${config.id}: merges ${k} specialists but the library has ${domainOrder.length}`);
      if (k < 2) throw new RangeError(`${config.id}: a merge needs at least 2 specialists; the library has ${domainOrder.length}`);
      const members = domainOrder.slice(0, k).map((d) => byDomain.get(d) as EvalSpecialist);
      const merged = await inputs.merge(config, members);
      merges.set(config.id, { ...merged, domains: members.map((m) => m.domain) });
      fixed = { adapter: { id: config.id, file: merged.file }, routedDomain: null, routed: false };
    }
    for (const plan of plans) {
      // routing: decide first, then answer grouped by adapter (fewer swaps; same results)
      const who = new Map<number, Answerer>();
      for (const q of plan.questions) {
        if (fixed) who.set(q, fixed);
        else if (config.kind === 'route') {
          const d = await route(config.router, q);
          const domain = d.kind === 'oracle' ? d.domain : d.kind === 'adapter' ? d.domain : null;
          const s = domain === null ? undefined : byDomain.get(domain);
          who.set(q, { adapter: s ?? null, routedDomain: s ? s.domain : null, routed: true });
        }
      }
      const order = [...plan.questions].sort((a, b) => {
        const fa = (who.get(a) as Answerer).adapter?.file ?? '';
        const fb = (who.get(b) as Answerer).adapter?.file ?? '';
        return fa < fb ? -1 : fa > fb ? 1 : 0;
      });
      const byQuestion = new Map<number, AnswerRecord>();
      for (const q of order) {
        const item = bank[q] as QuestionBank[number];
        const a = who.get(q) as Answerer;
        const file = a.adapter?.file ?? null;
        const prompt = inputs.prompt(item.question);
        const seed = plan.seedOf(q);
        const key = `${file ?? ''}\u0000${prompt}\u0000${temperature}\u0000${temperature > 0 ? seed : ''}`;
        let answer = reuse ? cache.get(key) : undefined;
        const wasReused = answer !== undefined;
        let ms = 0;
        if (answer === undefined) {
          if (active !== file) {
            await inputs.generator.setAdapter(file);
            active = file;
          }
          const t0 = performance.now();
          answer = await inputs.generator.generate(prompt, { maxTokens: inputs.maxTokens, temperature, seed });
          ms = performance.now() - t0;
          generationMs += ms;
          generated += 1;
          if (reuse) cache.set(key, answer);
        } else reusedCount += 1;
        const sub = keywordRecall(answer, item.expectedKeywords, 'substring');
        const word = keywordRecall(answer, item.expectedKeywords, 'word');
        const expectedRoute = item.domain === OFF_DOMAIN || !byDomain.has(item.domain) ? null : item.domain;
        const rec: AnswerRecord = {
          config: config.id,
          run: plan.run,
          question: q,
          domain: item.domain,
          adapter: a.adapter?.id ?? null,
          routedDomain: a.routed ? a.routedDomain : null,
          routeCorrect: a.routed ? a.routedDomain === expectedRoute : null,
          answer,
          recall: sub.score,
          recallWord: word.score,
          matched: sub.matched,
          matchedWord: word.matched,
          reused: wasReused,
          ms,
        };
        byQuestion.set(q, rec);
        inputs.onAnswer?.(records.length + byQuestion.size, total, rec);
      }
      for (const q of plan.questions) records.push(byQuestion.get(q) as AnswerRecord);
    }
  }
  return { records, merges, generated, reused: reusedCount, generationMs };
}

function makeRouter(
  router: RouterName, inputs: EvalInputs, byDomain: ReadonlyMap<string, EvalSpecialist>,
): (q: number) => Promise<RouteDecision | { kind: 'oracle'; domain: string }> {
  const chosen = [...byDomain.values()];
  if (router === 'oracle') return async (q) => ({ kind: 'oracle', domain: (inputs.bank[q] as QuestionBank[number]).domain });
  if (router === 'keyword') {
    const r = createKeywordRouter({ adapters: chosen.map((s) => ({ id: s.id, domain: s.domain, keywords: s.keywords })) });
    return async (q) => r.route((inputs.bank[q] as QuestionBank[number]).question);
  }
  const embedder = inputs.embedder;
  if (!embedder) throw new RangeError('embedding routing needs an embedder (the base model with no adapter)');
  const missing = chosen.filter((s) => !s.centroid);
  if (missing.length > 0) throw new RangeError(`embedding routing needs a centroid for every specialist; missing for ${missing.map((s) => s.name).join(', ')}`);
  const r = createEmbeddingRouter({
    adapters: chosen.map((s) => ({ id: s.id, domain: s.domain, centroid: s.centroid as readonly number[] })),
    ...(inputs.margin !== undefined ? { margin: inputs.margin } : {}),
  });
  return (q) => r.route((inputs.bank[q] as QuestionBank[number]).question, embedder);
}

