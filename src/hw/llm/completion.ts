/**
 * One greedy completion on a context sequence, streamed: evaluates the prompt, yields text as
 * tokens arrive (holding back incomplete UTF-8), stops at an end-of-generation token or
 * `maxTokens`, and reports timings: time to first token (prompt evaluation + first token),
 * generation milliseconds per token after the first, and tokens per second overall.
 * The caller clears the KV cache beforehand. Knows nothing about adapters or routing.
 */
import type { LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';

export interface CompletionOptions {
  readonly maxTokens: number;
  readonly onToken?: (text: string) => void;
  /** Parse special tokens such as <|im_start|> in the prompt (default true). */
  readonly specialTokens?: boolean;
  /** Stop at an end-of-generation token (default true; calibration turns it off to time a fixed count). */
  readonly stopAtEndOfGeneration?: boolean;
}

export interface Completion {
  readonly text: string;
  readonly promptTokens: number;
  readonly generatedTokens: number;
  readonly stop: 'end-of-generation' | 'max-tokens' | 'context-full';
  /** Prompt evaluation and the first token (ms). */
  readonly timeToFirstTokenMs: number;
  /** Mean time per generated token after the first (ms); NaN with fewer than two tokens. */
  readonly generationMsPerToken: number;
  readonly totalMs: number;
  /** Generated tokens per second over the whole call. */
  readonly tokensPerSecond: number;
}

export async function streamCompletion(
  model: LlamaModel,
  sequence: LlamaContextSequence,
  prompt: readonly Token[],
  contextSize: number,
  o: CompletionOptions,
): Promise<Completion> {
  if (prompt.length === 0) throw new RangeError('empty prompt');
  if (prompt.length >= contextSize) throw new RangeError(`the prompt has ${prompt.length} tokens; the context holds ${contextSize}`);
  const budget = Math.min(o.maxTokens, contextSize - prompt.length);
  const generated: Token[] = [];
  let emitted = '';
  let firstAt = Number.NaN;
  let lastAt = Number.NaN;
  let stop: Completion['stop'] = budget < o.maxTokens ? 'context-full' : 'max-tokens';
  const t0 = performance.now();
  if (budget > 0) {
    for await (const token of sequence.evaluate([...prompt], { temperature: 0 })) {
      const now = performance.now();
      if (generated.length === 0) firstAt = now;
      if (model.isEogToken(token) && (o.stopAtEndOfGeneration ?? true)) {
        stop = 'end-of-generation';
        break;
      }
      generated.push(token);
      lastAt = now;
      const text = model.detokenize(generated);
      if (!text.endsWith('\uFFFD') && text.length > emitted.length && text.startsWith(emitted)) {
        o.onToken?.(text.slice(emitted.length));
        emitted = text;
      }
      if (generated.length >= budget) break;
    }
  }
  const end = performance.now();
  const text = model.detokenize(generated);
  if (text.length > emitted.length && text.startsWith(emitted)) o.onToken?.(text.slice(emitted.length));
  const n = generated.length;
  return {
    text,
    promptTokens: prompt.length,
    generatedTokens: n,
    stop,
    timeToFirstTokenMs: Number.isNaN(firstAt) ? end - t0 : firstAt - t0,
    generationMsPerToken: n >= 2 ? (lastAt - firstAt) / (n - 1) : Number.NaN,
    totalMs: end - t0,
    tokensPerSecond: n > 0 ? (n * 1000) / (end - t0) : 0,
  };
}
