/**
 * A device's local model behind the `Inference` port: one base model, one generation context
 * with one sequence, adapters swapped per query. The swap runs on the live context through
 * node-llama-cpp's internal `LlamaContext._setLoras` (verified with LIVE_SWAP_VERIFIED_VERSION;
 * logits identical to a fresh context with that adapter, see test/llm) and always clears the KV
 * cache, because k/v projections are LoRA targets and cached keys from another adapter would be
 * wrong. When `_setLoras` is missing (or `swap: 'new-context'`), each swap builds a new context
 * with the adapter attached through the public `lora` option instead.
 * Before llama.cpp sees an adapter for the first time it is checked against the base's tensor
 * index (clear errors naming tensor and shapes); whatever llama.cpp still refuses comes back with
 * the reason it logged. Embeddings for routing come from a separate embedding context that never
 * has an adapter (see embedder.ts). One call at a time (calls are serialised by the caller).
 * Knows nothing about routing, libraries or the CLI.
 */
import { resolve } from 'node:path';
import type { LlamaContext, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import type { Embedder, Inference } from '../../core/ports.ts';
import { readGguf, type GgufFile } from '../gguf/gguf-reader.ts';
import { checkAdapterAgainstBase } from '../gguf/lora-adapter.ts';
import { openEmbedder } from './embedder.ts';
import { streamCompletion, type Completion, type CompletionOptions } from './completion.ts';
import { llamaRefused, openLlamaRuntime, type LlamaRuntime } from './llama-runtime.ts';

export interface LocalModelOptions {
  readonly modelPath: string;
  /** CPU threads (default 1). */
  readonly threads?: number;
  /** Generation context size in tokens (default 2048, at most the model's training context). */
  readonly contextSize?: number;
  /** 'auto' (default): live swap when available; 'new-context': a new context per swap. */
  readonly swap?: 'auto' | 'new-context';
  /** Check adapters against the base before llama.cpp loads them (default true). */
  readonly preflight?: boolean;
  /** An already open runtime to share (default: open one, disposed with the model). */
  readonly runtime?: LlamaRuntime;
}

export interface SwapResult {
  /** Milliseconds the swap took (including a first load). */
  readonly ms: number;
  /** True when this call loaded the adapter file for the first time. */
  readonly firstLoad: boolean;
}

export interface LocalModel extends Inference {
  readonly modelPath: string;
  readonly threads: number;
  readonly swapMode: 'live' | 'new-context';
  readonly activeAdapter: string | null;
  readonly vocabularySize: number;
  readonly runtime: LlamaRuntime;
  /** The base model's GGUF index (metadata and tensors). */
  readonly gguf: GgufFile;
  /** Activates an adapter file (or none) and clears the KV cache; reports how long it took. */
  swapAdapter(adapter: string | null): Promise<SwapResult>;
  complete(prompt: string, options: CompletionOptions): Promise<Completion>;
  generate(prompt: string, options: { maxTokens: number; onToken?: (text: string) => void }): Promise<string>;
  /** Raw next-token logits after `text` (KV cache cleared first), indexed by token id. */
  nextTokenLogits(text: string): Promise<Float32Array>;
  /** Evaluates `tokens` without generating (KV cache cleared first); returns milliseconds. */
  evaluateOnly(tokens: readonly number[]): Promise<number>;
  tokenize(text: string, specialTokens?: boolean): number[];
  /** The routing embedder (base model, no adapter), created on first use. */
  embedder(): Promise<Embedder & { dispose(): Promise<void> }>;
  dispose(): Promise<void>;
}

function vocabularySize(gguf: GgufFile): number {
  const tokens = gguf.metadata.get('tokenizer.ggml.tokens');
  return tokens?.type === 'array' ? tokens.value.length : (gguf.tensorByName.get('token_embd.weight')?.ne[1] ?? 0);
}

interface Live {
  context: LlamaContext;
  sequence: LlamaContextSequence;
}

export async function openLocalModel(options: LocalModelOptions): Promise<LocalModel> {
  const modelPath = resolve(options.modelPath);
  const gguf = readGguf(modelPath); // clear errors for missing, truncated or non-GGUF files
  const ownRuntime = options.runtime === undefined;
  const runtime = options.runtime ?? (await openLlamaRuntime({ threads: options.threads ?? 1 }));
  const threads = options.threads ?? runtime.threads;
  const preflight = options.preflight ?? true;
  let model: LlamaModel;
  const mark = runtime.logs.mark();
  try {
    model = await runtime.llama.loadModel({ modelPath });
  } catch (e) {
    if (ownRuntime) await runtime.dispose();
    throw await llamaRefused(runtime, mark, modelPath, 'model', e);
  }
  const contextSize = Math.min(options.contextSize ?? 2048, model.trainContextSize);
  const createContext = async (adapter: string | null): Promise<Live> => {
    const at = runtime.logs.mark();
    try {
      const context = await model.createContext({
        contextSize, threads, sequences: 1,
        ...(adapter === null ? {} : { lora: { adapters: [{ filePath: adapter, scale: 1 }] } }),
      });
      return { context, sequence: context.getSequence() };
    } catch (e) {
      throw await llamaRefused(runtime, at, adapter ?? modelPath, adapter === null ? 'context' : 'LoRA adapter', e);
    }
  };
  let live = await createContext(null);
  const canLiveSwap = typeof (live.context as unknown as { _setLoras?: unknown })._setLoras === 'function';
  const swapMode = options.swap === 'new-context' || !canLiveSwap ? 'new-context' : 'live';
  let active: string | null = null;
  const loaded = new Set<string>();
  let embedder: (Embedder & { dispose(): Promise<void> }) | undefined;

  const evalTokens = (text: string, special: boolean): Token[] => model.tokenize(text, special);

  const self: LocalModel = {
    modelPath,
    threads,
    swapMode,
    runtime,
    gguf,
    get activeAdapter() { return active; },
    vocabularySize: vocabularySize(gguf),

    async setAdapter(adapter: string | null): Promise<void> {
      await self.swapAdapter(adapter);
    },

    async swapAdapter(adapter: string | null): Promise<SwapResult> {
      const path = adapter === null ? null : resolve(adapter);
      const firstLoad = path !== null && !loaded.has(path);
      if (firstLoad && preflight) checkAdapterAgainstBase(readGguf(path), gguf);
      const t0 = performance.now();
      if (swapMode === 'live') {
        const at = runtime.logs.mark();
        try {
          await (live.context as unknown as { _setLoras(l: { filePath: string; scale?: number }[]): Promise<void> })._setLoras(path === null ? [] : [{ filePath: path, scale: 1 }]);
        } catch (e) {
          throw await llamaRefused(runtime, at, path ?? modelPath, 'LoRA adapter', e);
        }
        await live.sequence.clearHistory();
      } else {
        const next = await createContext(path);
        await live.context.dispose();
        live = next;
      }
      const ms = performance.now() - t0;
      if (path !== null) loaded.add(path);
      active = path;
      return { ms, firstLoad };
    },

    async complete(prompt: string, o: CompletionOptions): Promise<Completion> {
      await live.sequence.clearHistory();
      return streamCompletion(model, live.sequence, evalTokens(prompt, o.specialTokens ?? true), contextSize, o);
    },

    async generate(prompt, o) {
      return (await self.complete(prompt, o)).text;
    },

    async nextTokenLogits(text: string): Promise<Float32Array> {
      await live.sequence.clearHistory();
      const tokens = evalTokens(text, true);
      const last = tokens[tokens.length - 1];
      if (last === undefined) throw new RangeError('nextTokenLogits: empty text');
      const out = await live.sequence.controlledEvaluate([...tokens.slice(0, -1), [last, { generateNext: { logits: true } }]]);
      const logits = out[out.length - 1]?.next.logits;
      if (!logits) throw new Error('llama.cpp returned no logits');
      const arr = new Float32Array(self.vocabularySize);
      for (const [token, value] of logits) arr[token] = value;
      return arr;
    },

    async evaluateOnly(tokens: readonly number[]): Promise<number> {
      await live.sequence.clearHistory();
      const t0 = performance.now();
      await live.sequence.evaluateWithoutGeneratingNewTokens(tokens as Token[]);
      return performance.now() - t0;
    },

    tokenize: (text, special = true) => evalTokens(text, special) as number[],

    async embedder() {
      embedder ??= await openEmbedder(runtime, model, threads);
      return embedder;
    },

    async dispose() {
      await embedder?.dispose();
      await live.context.dispose();
      await model.dispose();
      if (ownRuntime) await runtime.dispose();
    },
  };
  return self;
}
