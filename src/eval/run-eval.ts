/**
 * `gossip eval` as a function: the llama.cpp and library glue around the evaluation loop. Loads
 * the question bank (YAML), opens the base model once (node-llama-cpp through src/hw/llm, behind
 * the `Inference` and `Embedder` ports), takes one specialist per domain from the library folder
 * (complete adapters for this base; the newest version of a domain, then the smallest id),
 * builds the embedding centroids (shipped in the manifest; else from the manifest's reference
 * texts; else from a reference-text file, default scenarios/questions/reference-texts.yaml — all
 * embedded by the base model with no adapter), merges the specialists for every merge
 * configuration (src/merge, written to <out>/merged/), runs the evaluation and writes its files.
 * Every question is asked with the same prompt (ChatML with a neutral system line when the model
 * has the ChatML tokens), so configurations differ only in their weights.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { UserError } from '../cli/user-error.ts';
import { validateQuestionBank, validateReferenceTexts, type QuestionBank } from '../core/routing/index.ts';
import { baseModelId } from '../hw/gguf/index.ts';
import { chatMl, DEFAULT_SYSTEM, openLocalModel } from '../hw/llm/index.ts';
import { DEFAULT_ADAPTER_CACHE } from '../hw/llm/expert-session.ts';
import { adapterFile, adaptersForBase, type LibraryAdapter } from '../hw/llm/library-adapters.ts';
import { centroidWith } from '../hw/llm/reference-centroid.ts';
import { openFsStore } from '../hw/store/index.ts';
import { mergeAdapterFiles, type MergeMethod } from '../merge/index.ts';
import { ConfigError, parseConfigs } from './configs.ts';
import { buildEvalReport, writeEvalOutputs, type EvalReport, type WrittenEval } from './eval-report.ts';
import { generatorFromInference, orderDomains, runEvaluation, type AnswerRecord, type EvalSpecialist, type MergedForEval } from './runner.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_REFERENCE_TEXTS = join(PROJECT_ROOT, 'scenarios', 'questions', 'reference-texts.yaml');
export const DEFAULT_EVAL_BANK = join(PROJECT_ROOT, 'scenarios', 'questions', 'eval-bank.yaml');

export interface RunEvalOptions {
  readonly modelPath: string;
  readonly libraryDir: string;
  /** Question bank YAML (default: the shipped eval bank). */
  readonly bankPath?: string;
  readonly configs: readonly string[];
  readonly out: string;
  readonly runs: number;
  readonly seed: string;
  readonly maxTokens: number;
  readonly threads?: number;
  readonly perDomain?: number;
  readonly temperature?: number;
  /** Reference texts (YAML `domains: {id: [text]}`) for specialists without a centroid or texts. */
  readonly reference?: string;
  readonly margin?: number;
  /** Merged adapters: output rank (default the inputs' largest), storage type, SVD seed = `seed`. */
  readonly mergeRank?: number;
  readonly mergeType?: 'f16' | 'f32';
  /** Which merge feeds the quality table's `merged` (e.g. "ties:0.5"). */
  readonly qualityMerge?: string;
  readonly cacheDir?: string;
  readonly reuse?: boolean;
  readonly onProgress?: (line: string) => void;
  readonly onAnswer?: (done: number, total: number, record: AnswerRecord) => void;
}

export interface RunEvalResult {
  readonly report: EvalReport;
  readonly written: WrittenEval;
  readonly notes: readonly string[];
}

function readYaml(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`${path}: cannot read the ${what} (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e)})`);
  }
  try {
    return parse(text);
  } catch (e) {
    throw new UserError(`${path}: not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

export function readQuestionBank(path: string): QuestionBank {
  const bank = validateQuestionBank(readYaml(path, 'question bank'));
  if (!bank.ok) throw new UserError(`${path}: ${bank.error.message}`);
  return bank.value;
}

/** The newest version per domain (then the smallest id), in the published domain order. */
function chooseSpecialists(usable: readonly LibraryAdapter[]): { chosen: LibraryAdapter[]; notes: string[] } {
  const best = new Map<string, LibraryAdapter>();
  const notes: string[] = [];
  for (const a of usable) {
    const d = a.manifest.domain;
    const cur = best.get(d);
    if (!cur || a.manifest.version > cur.manifest.version || (a.manifest.version === cur.manifest.version && a.id < cur.id)) {
      if (cur) notes.push(`${d}: ${cur.manifest.name} v${cur.manifest.version} not evaluated (${a.manifest.name} v${a.manifest.version} preferred)`);
      best.set(d, a);
    } else notes.push(`${d}: ${a.manifest.name} v${a.manifest.version} not evaluated (${cur.manifest.name} v${cur.manifest.version} preferred)`);
  }
  return { chosen: orderDomains(best.keys()).map((d) => best.get(d) as LibraryAdapter), notes };
}

export async function runEvalFromFiles(o: RunEvalOptions): Promise<RunEvalResult> {
  const say = o.onProgress ?? (() => {});
  const bankPath = o.bankPath ?? DEFAULT_EVAL_BANK;
  const bank = readQuestionBank(bankPath);
  if (!existsSync(o.libraryDir)) throw new UserError(`${o.libraryDir}: no such library folder (build one with \`gossip adapter pack\` and \`gossip library add\`)`);
  const t0 = performance.now();
  const model = await openLocalModel({ modelPath: o.modelPath, threads: o.threads ?? 1 });
  try {
    const baseModel = baseModelId(model.gguf);
    const store = openFsStore(o.libraryDir, { verify: 'length', durable: false });
    const { usable, skipped } = adaptersForBase(store, baseModel);
    const notes = skipped.map((s) => `${s.name}: skipped (${s.reason})`);
    const { chosen, notes: choiceNotes } = chooseSpecialists(usable);
    notes.push(...choiceNotes);
    if (chosen.length === 0) throw new UserError(`${o.libraryDir}: no complete adapters for the base model ${o.modelPath} (base-model id ${baseModel.slice(0, 16)}…)`);
    const domains = chosen.map((a) => a.manifest.domain);
    let configs;
    try {
      configs = parseConfigs(o.configs, domains);
    } catch (e) {
      if (e instanceof ConfigError) throw new UserError(`--configs: ${e.message}`);
      throw e;
    }
    if (configs.length === 0) throw new UserError('--configs: name at least one configuration');
    const cacheDir = o.cacheDir ?? DEFAULT_ADAPTER_CACHE;
    const specialists: (EvalSpecialist & { centroidSource: string })[] = chosen.map((a) => ({
      id: a.id, name: a.manifest.name, domain: a.manifest.domain, file: adapterFile(store, a, cacheDir), keywords: a.manifest.keywords, centroidSource: 'none',
    }));
    say(`model ${o.modelPath} loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s · specialists: ${specialists.map((s) => `${s.name} (${s.domain})`).join(', ')}`);

    const needsEmbedding = configs.some((c) => c.kind === 'route' && c.router === 'embedding');
    const embedder = needsEmbedding ? await model.embedder() : undefined;
    if (embedder) {
      let fileTexts: Readonly<Record<string, readonly string[]>> | undefined;
      for (let i = 0; i < specialists.length; i++) {
        const s = specialists[i] as EvalSpecialist & { centroidSource: string };
        const m = (chosen[i] as LibraryAdapter).manifest;
        if (m.centroid && m.centroid.length === embedder.dimensions) specialists[i] = { ...s, centroid: m.centroid, centroidSource: 'manifest' };
        else if (m.referenceTexts.length > 0) {
          specialists[i] = { ...s, centroid: await centroidWith(embedder, m.referenceTexts, `adapter ${m.name}`), centroidSource: 'manifest reference texts' };
        } else {
          const path = o.reference ?? DEFAULT_REFERENCE_TEXTS;
          if (!fileTexts) {
            const r = validateReferenceTexts(readYaml(path, 'reference texts'));
            if (!r.ok) throw new UserError(`${path}: ${r.error.message}`);
            fileTexts = r.value;
          }
          const texts = fileTexts[s.domain];
          if (!texts) throw new UserError(`${path}: no reference texts for "${s.domain}", and adapter ${m.name} ships no centroid or texts; embedding routing cannot place it`);
          specialists[i] = { ...s, centroid: await centroidWith(embedder, texts, path), centroidSource: `reference file ${path}` };
        }
      }
    }

    const mergedDir = join(o.out, 'merged');
    const merge = async (c: { id: string; method: MergeMethod; density: number }, members: readonly EvalSpecialist[]): Promise<MergedForEval> => {
      mkdirSync(mergedDir, { recursive: true });
      const out = join(mergedDir, `${c.id.replace(/^merge:/, '').replace(/[^a-z0-9.@-]+/gi, '-')}.gguf`);
      say(`merging ${members.map((m) => m.domain).join(' + ')} (${c.id}) …`);
      try {
        const r = mergeAdapterFiles(members.map((m) => m.file), {
          method: c.method, density: c.density, seed: o.seed, out, base: o.modelPath, type: o.mergeType ?? 'f16',
          ...(o.mergeRank !== undefined ? { rank: o.mergeRank } : {}),
        });
        say(`  ${out}: rank ${r.report.rank}${Number.isNaN(r.report.keptFraction) ? '' : `, kept energy ${(100 * r.report.keptFraction).toFixed(1)} %`}, ${(r.wallMs / 1000).toFixed(1)} s`);
        return { file: out, members: members.map((m) => m.id), keptFraction: r.report.keptFraction, rank: r.report.rank, wallMs: r.wallMs };
      } catch (e) {
        if (e instanceof RangeError) throw new UserError(`${c.id}: cannot merge: ${e.message}`);
        throw e;
      }
    };

    const tokens = model.gguf.metadata.get('tokenizer.ggml.tokens');
    const chat = tokens?.type === 'array' && tokens.value.includes('<|im_start|>');
    const run = await runEvaluation({
      bank, specialists, configs, generator: generatorFromInference(model), merge,
      ...(embedder ? { embedder } : {}),
      prompt: (q) => (chat ? chatMl(q, DEFAULT_SYSTEM) : q),
      runs: o.runs, seed: o.seed, maxTokens: o.maxTokens,
      ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
      ...(o.perDomain !== undefined ? { perDomain: o.perDomain } : {}),
      ...(o.margin !== undefined ? { margin: o.margin } : {}),
      ...(o.reuse !== undefined ? { reuse: o.reuse } : {}),
      ...(o.onAnswer ? { onAnswer: o.onAnswer } : {}),
    });
    const totalSeconds = (performance.now() - t0) / 1000;
    const mergeSeconds = [...run.merges.values()].reduce((s, m) => s + m.wallMs, 0) / 1000;
    const report = buildEvalReport(run, {
      model: { path: o.modelPath, baseModel },
      bank: { path: bankPath, questions: bank.length },
      runs: o.runs, seed: o.seed, maxTokens: o.maxTokens, temperature: o.temperature ?? 0, perDomain: o.perDomain ?? null,
      prompt: chat ? 'chatml' : 'plain', configs, specialists,
      ...(o.qualityMerge !== undefined ? { qualityMerge: o.qualityMerge } : {}),
      otherSeconds: totalSeconds - run.generationMs / 1000 - mergeSeconds,
    }, bank.map((q) => q.domain));
    const written = await writeEvalOutputs(o.out, report, run);
    return { report, written, notes };
  } finally {
    await model.dispose();
  }
}
