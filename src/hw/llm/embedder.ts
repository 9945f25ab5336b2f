/**
 * The routing `Embedder`: text embeddings from the base model with **no adapter active**. It uses
 * its own embedding context on the shared model; node-llama-cpp's embedding contexts take no LoRA
 * and adapters apply per context, so whatever adapter the generation context has active never
 * touches these vectors (upstream's router embedded through the last active adapter: a bug).
 * For qwen2 the vector is the last token's final hidden state, not normalised. Texts longer than
 * the context are cut to their first tokens. Knows nothing about routers or adapters.
 */
import type { LlamaModel } from 'node-llama-cpp';
import type { Embedder } from '../../core/ports.ts';
import { llamaRefused, type LlamaRuntime } from './llama-runtime.ts';

export const EMBEDDING_CONTEXT = 512;

export async function openEmbedder(runtime: LlamaRuntime, model: LlamaModel, threads: number): Promise<Embedder & { dispose(): Promise<void> }> {
  const mark = runtime.logs.mark();
  let context;
  try {
    context = await model.createEmbeddingContext({ contextSize: Math.min(EMBEDDING_CONTEXT, model.trainContextSize), threads });
  } catch (e) {
    throw await llamaRefused(runtime, mark, model.filename ?? 'model', 'embedding context', e);
  }
  const limit = Math.min(EMBEDDING_CONTEXT, model.trainContextSize);
  return {
    dimensions: model.embeddingVectorSize,
    async embed(text: string): Promise<Float32Array> {
      const tokens = model.tokenize(text, false).slice(0, limit);
      if (tokens.length === 0) return new Float32Array(model.embeddingVectorSize);
      const e = await context.getEmbeddingFor(tokens);
      return Float32Array.from(e.vector);
    },
    dispose: () => context.dispose(),
  };
}
