/**
 * `gossip adapter merge A.gguf B.gguf ... --method ... --out M.gguf` (mounted under the adapter
 * group as `mergeCommand`) and `gossip eval --model base.gguf --library DIR --bank bank.yaml`
 * (`evalCommand`): merge LoRA adapters (src/merge), and compare routing against merging on a
 * question bank (src/eval). Thin: parse, call, print. The merge and evaluation code is loaded
 * only when a command runs (at startup only the method and configuration names are imported).
 */
import type { Argv, CommandModule } from 'yargs';
import { DEFAULT_CONFIGS } from '../../eval/configs.ts';
import { MERGE_METHODS, type MergeMethod } from '../../merge/methods.ts';
import { UserError } from '../user-error.ts';

function positiveInt(v: unknown, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`${flag}: expected a positive integer, got ${String(v)}`);
  return n;
}

function parseWeights(values: readonly string[], count: number): number[] | undefined {
  const list = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (list.length === 0) return undefined;
  const weights = list.map((v) => {
    const x = Number(v);
    if (!Number.isFinite(x)) throw new UserError(`--weights: "${v}" is not a number`);
    return x;
  });
  if (weights.length !== count) throw new UserError(`--weights: ${weights.length} weights for ${count} adapters; give one per adapter, in order`);
  return weights;
}

const pct = (f: number) => `${(100 * f).toFixed(1)} %`;

interface MergeArgs {
  adapters: string[];
  method: MergeMethod;
  density: number;
  rank?: number;
  weights: string[];
  seed: string;
  base?: string;
  type: 'f16' | 'f32';
  backend: 'auto' | 'js' | 'wasm-simd';
  'power-iterations': number;
  report?: string;
  out: string;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <adapters..>',
  describe: 'Merge LoRA adapters (TIES, DARE, linear in weight-delta space with SVD re-factoring; or the published PEFT factor-wise merges) into one GGUF adapter',
  builder: (y: Argv<object>) =>
    y
      .positional('adapters', { type: 'string', array: true, demandOption: true, describe: 'GGUF LoRA adapters for one base model' })
      .option('method', { choices: MERGE_METHODS, default: 'ties' as MergeMethod, describe: 'ties | dare-ties | dare-linear | linear (weight-delta space); peft-* = the published factor-wise merge' })
      .option('density', { type: 'number', default: 0.5, describe: 'fraction kept by TIES trimming / DARE keep probability' })
      .option('rank', { type: 'number', describe: 'rank of the merged adapter (weight-delta methods; default: the largest input rank)' })
      .option('weights', { type: 'string', array: true, default: [], describe: 'one weight per adapter (default 1 each)' })
      .option('seed', { type: 'string', default: '1', describe: 'seed of DARE masks and of the randomized SVD' })
      .option('base', { type: 'string', describe: 'base model GGUF to check the adapters against' })
      .option('type', { choices: ['f16', 'f32'] as const, default: 'f16' as const, describe: 'storage type of the merged factors' })
      .option('backend', { choices: ['auto', 'js', 'wasm-simd'] as const, default: 'auto' as const, describe: 'arithmetic kernels (auto = WebAssembly SIMD when available)' })
      .option('power-iterations', { type: 'number', default: 1, describe: 'randomized SVD power iterations (more = closer to the optimal rank-r fit, slower)' })
      .option('report', { type: 'string', describe: 'also write the merge report (per-module kept energy) as JSON to this file' })
      .option('out', { type: 'string', demandOption: true, describe: 'merged adapter GGUF to write' }) as unknown as Argv<MergeArgs>,
  handler: async (argv) => {
    const { mergeAdapterFiles, usesDensity } = await import('../../merge/index.ts');
    if (argv.adapters.length < 2) throw new UserError('name at least two adapter files to merge');
    const density = Number(argv.density);
    if (usesDensity(argv.method) && !(density > 0 && density <= 1)) throw new UserError(`--density: expected a number in (0, 1], got ${argv.density}`);
    const rank = argv.rank === undefined ? undefined : positiveInt(argv.rank, '--rank');
    const powerIterations = Number(argv['power-iterations']);
    if (!Number.isInteger(powerIterations) || powerIterations < 0) throw new UserError(`--power-iterations: expected an integer ≥ 0, got ${argv['power-iterations']}`);
    let result;
    try {
      result = mergeAdapterFiles(argv.adapters, {
        method: argv.method, density, seed: String(argv.seed), out: argv.out, type: argv.type, backend: argv.backend, powerIterations,
        ...(rank !== undefined ? { rank } : {}),
        ...(argv.base !== undefined ? { base: argv.base } : {}),
        ...(parseWeights(argv.weights, argv.adapters.length) ? { weights: parseWeights(argv.weights, argv.adapters.length) } : {}),
      });
    } catch (e) {
      if (e instanceof RangeError) throw new UserError(`cannot merge: ${e.message}`);
      throw e;
    }
    const r = result.report;
    const energy = Number.isNaN(r.keptFraction)
      ? 'kept energy: n/a (factor-wise merge: the product has cross terms B_i·A_j and no SVD)'
      : `kept energy ${pct(r.keptFraction)} of ‖ΔW‖² at rank ${r.rank}${r.worstModule ? ` (worst module ${r.worstModule.name}: ${pct(r.worstModule.keptFraction)})` : ''}`;
    if (argv.report) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(argv.report, JSON.stringify({ ...r, out: result.out, bytes: result.bytes, parameters: result.parameters, wallMs: Math.round(result.wallMs) }, null, 2) + '\n');
    }
    process.stdout.write(
      `wrote ${result.out}: ${r.method}${r.density !== null ? ` d=${r.density}` : ''} merge of ${r.inputs.length} adapters · rank ${r.rank} · ${r.modules.length} modules · ` +
        `${result.parameters.toLocaleString('en-US')} parameters · ${(result.bytes / 1e6).toFixed(1)} MB (${argv.type})\n` +
        `${energy}\n${(result.wallMs / 1000).toFixed(1)} s (${r.backend} kernels)${argv.report ? ` · report ${argv.report}` : ''}\n`,
    );
  },
};

interface EvalArgs {
  model: string;
  library: string;
  bank?: string;
  configs: string[];
  runs: number;
  seed: string;
  out: string;
  'max-tokens': number;
  threads: number;
  'per-domain'?: number;
  temperature: number;
  reference?: string;
  margin?: number;
  rank?: number;
  'merge-type': 'f16' | 'f32';
  'quality-merge'?: string;
  cache?: string;
  reuse: boolean;
}

export const evalCommand: CommandModule<object, EvalArgs> = {
  command: 'eval',
  describe: 'Compare routing against merging: keyword recall of every configuration on a question bank, written as eval.json/csv/md, charts and a simulator quality table',
  builder: (y: Argv<object>) =>
    y
      .option('model', { type: 'string', demandOption: true, describe: 'base model GGUF' })
      .option('library', { type: 'string', demandOption: true, describe: 'adapter library folder (gossip library add); one specialist per domain is evaluated' })
      .option('bank', { type: 'string', describe: 'question bank YAML (domain, question, expectedKeywords[, referenceAnswer]); default the shipped scenarios/questions/eval-bank.yaml' })
      .option('configs', { type: 'string', array: true, default: [...DEFAULT_CONFIGS], describe: 'base, specialists, specialist:<domain>, <merge>[:<density>][@k<K>] (ties, dare-ties, dare-linear, linear, peft-ties, peft-dare-ties, peft-linear), keyword, embedding, oracle, routing' })
      .option('runs', { type: 'number', default: 3, describe: 'runs per configuration (means and SDs are over runs)' })
      .option('seed', { type: 'string', default: '1', describe: 'seed of question sampling, generation and merges' })
      .option('out', { type: 'string', default: 'results/eval', describe: 'output folder' })
      .option('max-tokens', { type: 'number', default: 300, describe: 'longest answer in tokens (300 as published)' })
      .option('threads', { type: 'number', default: 1, describe: 'CPU threads' })
      .option('per-domain', { type: 'number', describe: 'ask this many seeded-random questions of each domain per run (default: all)' })
      .option('temperature', { type: 'number', default: 0, describe: 'sampling temperature (0 = greedy; the llama.cpp backend decodes greedily)' })
      .option('reference', { type: 'string', describe: 'reference texts YAML for specialists that ship no centroid (default scenarios/questions/reference-texts.yaml)' })
      .option('margin', { type: 'number', describe: 'embedding router margin (default 0.05)' })
      .option('rank', { type: 'number', describe: 'rank of merged adapters (weight-delta methods; default the specialists\' rank)' })
      .option('merge-type', { choices: ['f16', 'f32'] as const, default: 'f16' as const, describe: 'storage type of merged adapters' })
      .option('quality-merge', { type: 'string', describe: 'merge that fills `merged` in quality.yaml, e.g. ties:0.5 (default: the first TIES configuration)' })
      .option('cache', { type: 'string', describe: 'folder for adapter GGUFs exported from the library' })
      .option('reuse', { type: 'boolean', default: true, describe: 'reuse an answer when the same adapter meets the same prompt again (exact for greedy decoding)' }) as unknown as Argv<EvalArgs>,
  handler: async (argv) => {
    const runs = positiveInt(argv.runs, '--runs');
    const maxTokens = positiveInt(argv['max-tokens'], '--max-tokens');
    const threads = positiveInt(argv.threads, '--threads');
    const perDomain = argv['per-domain'] === undefined ? undefined : positiveInt(argv['per-domain'], '--per-domain');
    const rank = argv.rank === undefined ? undefined : positiveInt(argv.rank, '--rank');
    const temperature = Number(argv.temperature);
    if (temperature !== 0) throw new UserError('--temperature: the llama.cpp backend (the Inference port) decodes greedily; only 0 is available');
    const { runEvalFromFiles } = await import('../../eval/run-eval.ts');
    const { progressBar } = await import('../progress.ts');
    const bar = progressBar('eval');
    const started = performance.now();
    let result;
    try {
      result = await runEvalFromFiles({
        modelPath: argv.model, libraryDir: argv.library, configs: argv.configs, out: argv.out,
        ...(argv.bank !== undefined ? { bankPath: argv.bank } : {}),
        runs, seed: String(argv.seed), maxTokens, threads, temperature, mergeType: argv['merge-type'], reuse: argv.reuse,
        ...(perDomain !== undefined ? { perDomain } : {}),
        ...(rank !== undefined ? { mergeRank: rank } : {}),
        ...(argv.reference !== undefined ? { reference: argv.reference } : {}),
        ...(argv.margin !== undefined ? { margin: Number(argv.margin) } : {}),
        ...(argv['quality-merge'] !== undefined ? { qualityMerge: argv['quality-merge'] } : {}),
        ...(argv.cache !== undefined ? { cacheDir: argv.cache } : {}),
        onProgress: (line) => process.stdout.write(`${line}\n`),
        onAnswer: (done, total, r) => bar.update(done / total, `${r.config} run ${r.run + 1}`),
      });
    } finally {
      bar.stop();
    }
    const { report } = result;
    for (const n of result.notes) process.stdout.write(`note: ${n}\n`);
    const width = Math.max(...report.results.map((r) => r.label.length));
    process.stdout.write(`\nkeyword recall (published substring scoring, mean over ${report.options.runs} run${report.options.runs > 1 ? 's' : ''}):\n`);
    for (const r of report.results) {
      const sd = report.options.runs > 1 ? ` ± ${(100 * r.recall.overall.sd).toFixed(1)}` : '';
      const routing = r.routing ? ` · routing accuracy ${(100 * r.routing.inDomain.mean).toFixed(1)} %` : '';
      process.stdout.write(`  ${r.label.padEnd(width)}  ${(100 * r.recall.overall.mean).toFixed(1).padStart(5)} %${sd}${routing}\n`);
    }
    const t = report.timing;
    process.stdout.write(
      `\n${report.answers.total} answers (${report.answers.generated} generated, ${report.answers.reused} reused) · ` +
        `${t.questionsPerMinute === null ? '-' : t.questionsPerMinute.toFixed(1)} questions/minute generating · ${((performance.now() - started) / 1000).toFixed(1)} s in all\n` +
        `wrote ${result.written.files.map((f) => `${argv.out}/${f}`).filter((f) => !f.endsWith('.png')).join(', ')}\n`,
    );
  },
};
