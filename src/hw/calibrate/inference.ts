/**
 * Inference calibration: measures on this machine, with a given model and adapters, what the
 * simulator's `inference:` profile section describes — model load (GGUF index + llama.cpp load +
 * context, warm page cache), first load of an adapter, swap between loaded adapters on the live
 * context, one routing embedding pass (no adapter), prompt tokens/s and generation ms/token (with
 * an adapter active; also without, for the record) — each over repeats. Without adapter files it
 * writes rank-16 synthetic adapters on all seven targets for the model into a temporary folder.
 * Knows nothing about YAML or profiles (inference-profile.ts turns samples into a profile section).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { ALL_LORA_TARGETS, baseModelId, readGguf, synthAdapter } from '../gguf/index.ts';
import { chatMl, DEFAULT_SYSTEM } from '../llm/chat-prompt.ts';
import { openLlamaRuntime } from '../llm/llama-runtime.ts';
import { openLocalModel, type LocalModel } from '../llm/local-model.ts';

export interface InferenceCalibrationOptions {
  readonly modelPath: string;
  /** Adapter GGUF files for this model; empty → two synthetic rank-16 adapters. */
  readonly adapterPaths: readonly string[];
  readonly threads?: number;
  /** Repeats of each slow measurement (default 5). */
  readonly repeats?: number;
  /** Prompt length for prompt tokens/s (default 64 tokens, about a ChatML question). */
  readonly promptTokens?: number;
  /** Tokens generated per generation sample (default 32). */
  readonly generateTokens?: number;
  /** Questions embedded for the embedding time (default: a few village questions). */
  readonly questions?: readonly string[];
  /**
   * 'wall' (default): elapsed time. 'cpu': CPU time of this process, for a single thread only —
   * on a machine shared with other work it estimates what an idle device takes (with 1 thread,
   * CPU ≈ wall when nothing else runs).
   */
  readonly clock?: 'wall' | 'cpu';
  readonly log?: (line: string) => void;
}

export interface InferenceSamples {
  readonly modelLoadMs: number[];
  readonly adapterLoadMs: number[];
  readonly adapterSwapMs: number[];
  readonly embeddingMs: number[];
  readonly promptTokensPerSecond: number[];
  readonly generationMsPerToken: number[];
  /** The same two without an adapter (for the record and the adapter's extra cost). */
  readonly basePromptTokensPerSecond: number[];
  readonly baseGenerationMsPerToken: number[];
}

export interface InferenceCalibration {
  readonly samples: InferenceSamples;
  readonly date: string;
  readonly machine: string;
  readonly threads: number;
  readonly clock: 'wall' | 'cpu';
  /** 1-minute load averages at the start and end of the run. */
  readonly load: readonly [number, number];
  readonly swapMode: 'live' | 'new-context';
  readonly nodeLlamaCpp: string;
  readonly model: { readonly file: string; readonly bytes: number; readonly baseModel: string; readonly name: string };
  readonly adapters: { readonly count: number; readonly synthetic: boolean; readonly bytes: number };
  readonly promptTokens: number;
  readonly generateTokens: number;
  /** Median tokens per embedded question. */
  readonly embeddingTokens: number;
  readonly byteLevelVocabulary: boolean;
}

const DEFAULT_QUESTIONS = [
  'My cow has a hot, swollen udder and clots in the milk. What should I do?',
  'The maize leaves have holes and there is sawdust in the middle of the plant. What is eating it?',
  'How often should the drip lines be flushed, and why do the emitters clog?',
  'The soil cracks when it dries and turns sticky when wet. How should I plough it?',
  'My tilapia gulp at the surface early in the morning. Are they sick?',
  'Which vaccine protects chickens against Newcastle disease and how is it given?',
  'How many fingerlings can I stock in a pond of two hundred square metres?',
  'Is it worth planting sorghum if the rains come late?',
];

/** CPU vector extensions llama.cpp's CPU kernels use (from /proc/cpuinfo where available). */
function cpuFeatures(): string {
  try {
    const flags = new Set((/^flags\s*:(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '').trim().split(/\s+/));
    return ['avx2', 'avx512f', 'avx512_vnni', 'avx_vnni', 'amx_int8'].filter((f) => flags.has(f)).join(' ');
  } catch {
    return '';
  }
}

export function describeMachine(): string {
  const c = cpus();
  const features = cpuFeatures();
  return `${c[0]?.model.trim() ?? 'unknown CPU'}${features ? ` [${features}]` : ''} (${c.length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${platform()} ${release()}, Node ${process.versions.node}`;
}

type Clock = () => number;
const wallClock: Clock = () => performance.now();
const cpuClock: Clock = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Milliseconds `f` took on `clock`, and its result. */
async function timed<T>(clock: Clock, f: () => Promise<T>): Promise<[number, T]> {
  const t0 = clock();
  const r = await f();
  return [clock() - t0, r];
}

export async function calibrateInference(o: InferenceCalibrationOptions): Promise<InferenceCalibration> {
  const threads = o.threads ?? 1;
  const repeats = o.repeats ?? 5;
  const promptTokens = o.promptTokens ?? 64;
  const generateTokens = o.generateTokens ?? 32;
  const log = o.log ?? (() => {});
  const clockName = o.clock ?? 'wall';
  if (clockName === 'cpu' && threads !== 1) throw new RangeError('the cpu clock measures one thread only: use threads 1');
  const clock = clockName === 'cpu' ? cpuClock : wallClock;
  const loadAtStart = loadavg()[0] ?? 0;
  const base = readGguf(o.modelPath);
  const work = mkdtempSync(join(tmpdir(), 'gossip-calibrate-'));
  const runtime = await openLlamaRuntime({ threads });
  try {
    let adapters = [...o.adapterPaths];
    const synthetic = adapters.length === 0;
    if (synthetic) {
      log('writing two synthetic rank-16 adapters (all seven targets)');
      adapters = ['a', 'b'].map((seed) => {
        const out = join(work, `synthetic-${seed}.gguf`);
        synthAdapter({ base, rank: 16, alpha: 32, targets: ALL_LORA_TARGETS, seed, out, type: 'f16' });
        return out;
      });
    }

    log(`model load × ${repeats}`);
    const modelLoadMs: number[] = [];
    let model: LocalModel | undefined;
    for (let r = 0; r < repeats; r++) {
      await model?.dispose();
      const [ms, opened] = await timed(clock, () => openLocalModel({ modelPath: o.modelPath, threads, runtime }));
      model = opened;
      modelLoadMs.push(ms);
    }
    const m = model as LocalModel;

    log(`adapter first load × ${repeats}`);
    const adapterLoadMs: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const src = adapters[r % adapters.length] as string;
      const copy = join(work, `load-${r}-${basename(src)}`); // a new path is a first load for llama.cpp
      copyFileSync(src, copy);
      const [ms, s] = await timed(clock, () => m.swapAdapter(copy));
      if (!s.firstLoad) throw new Error(`${copy} was not a first load`);
      adapterLoadMs.push(ms);
    }
    for (const a of adapters) await m.swapAdapter(a);

    const swaps = Math.max(20, repeats * 10);
    log(`adapter swap × ${swaps}`);
    const cycle: (string | null)[] = adapters.length > 1 ? adapters : [adapters[0] as string, null];
    const adapterSwapMs: number[] = [];
    for (let i = 0; i < swaps; i++) adapterSwapMs.push((await timed(clock, () => m.swapAdapter(cycle[i % cycle.length] ?? null)))[0]);

    const questions = o.questions ?? DEFAULT_QUESTIONS;
    // A byte-level vocabulary (synthetic models) has 1 token per byte; Qwen's BPE about 1 per 4
    // characters of English. Cut questions to that many bytes so the pass sees a real token count.
    const merges = base.metadata.get('tokenizer.ggml.merges');
    const byteLevel = merges?.type === 'array' && merges.value.length === 0;
    const embedTexts = byteLevel ? questions.map((q) => q.slice(0, Math.ceil(q.length / 4))) : questions;
    log(`embedding × ${questions.length}${byteLevel ? ' (byte-level vocabulary: questions cut to their Qwen token count)' : ''}`);
    const embedder = await m.embedder();
    await embedder.embed(embedTexts[0] ?? 'warm-up');
    const embeddingMs: number[] = [];
    for (const q of embedTexts) embeddingMs.push((await timed(clock, () => embedder.embed(q)))[0]);

    const realPrompt = m.tokenize(chatMl(questions[0] ?? 'Hello', DEFAULT_SYSTEM));
    const prompt = Array.from({ length: promptTokens }, (_, i) => realPrompt[i % realPrompt.length] as number);
    const speed = async (adapter: string | null) => {
      await m.swapAdapter(adapter);
      await m.evaluateOnly(prompt); // warm-up
      const tps: number[] = [];
      const gen: number[] = [];
      for (let r = 0; r < repeats; r++) {
        tps.push((promptTokens * 1000) / (await timed(clock, () => m.evaluateOnly(prompt)))[0]);
        if (clockName === 'wall') {
          const c = await m.complete(chatMl(questions[r % questions.length] ?? 'Hello', DEFAULT_SYSTEM), { maxTokens: generateTokens, stopAtEndOfGeneration: false });
          gen.push(c.generationMsPerToken);
        } else {
          // a 1-token prompt costs about one generation step: CPU time / (tokens + 1)
          const [ms, c] = await timed(clock, () => m.complete('a', { maxTokens: generateTokens, stopAtEndOfGeneration: false, specialTokens: false }));
          gen.push(ms / (c.generatedTokens + 1));
        }
      }
      return { tps, gen };
    };
    log(`prompt and generation speed × ${repeats}, with an adapter and without`);
    const withAdapter = await speed(adapters[0] as string);
    const without = await speed(null);

    const adapterBytes = adapters.reduce((n, a) => n + statSync(a).size, 0) / adapters.length;
    const name = base.metadata.get('general.name');
    const result: InferenceCalibration = {
      samples: {
        modelLoadMs, adapterLoadMs, adapterSwapMs, embeddingMs,
        promptTokensPerSecond: withAdapter.tps, generationMsPerToken: withAdapter.gen,
        basePromptTokensPerSecond: without.tps, baseGenerationMsPerToken: without.gen,
      },
      date: new Date().toISOString().slice(0, 10),
      machine: describeMachine(),
      threads,
      clock: clockName,
      load: [loadAtStart, loadavg()[0] ?? 0],
      swapMode: m.swapMode,
      nodeLlamaCpp: runtime.version,
      model: { file: basename(o.modelPath), bytes: base.fileSize, baseModel: baseModelId(base), name: name?.type === 'string' ? name.value : basename(o.modelPath) },
      adapters: { count: adapters.length, synthetic, bytes: Math.round(adapterBytes) },
      promptTokens,
      generateTokens,
      embeddingTokens: [...embedTexts.map((q) => m.tokenize(q, false).length)].sort((x, y) => x - y)[embedTexts.length >> 1] ?? 0,
      byteLevelVocabulary: byteLevel,
    };
    await m.dispose();
    return result;
  } finally {
    await runtime.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}
