/**
 * Public API of local inference: node-llama-cpp behind the `Inference` and `Embedder` ports
 * (loaded lazily), adapter hot swap, streamed completions with timings, log capture.
 */
export { openLlamaRuntime, nodeLlamaCppVersion, llamaRefused, LIVE_SWAP_VERIFIED_VERSION, type LlamaRuntime } from './llama-runtime.ts';
export { openLocalModel, type LocalModel, type LocalModelOptions, type SwapResult } from './local-model.ts';
export { EMBEDDING_CONTEXT } from './embedder.ts';
export type { Completion, CompletionOptions } from './completion.ts';
export { LogCapture, type LogEntry, type LogLevel } from './log-capture.ts';
export { chatMl, systemLine, DEFAULT_SYSTEM } from './chat-prompt.ts';
export { openExpertSession, DEFAULT_ADAPTER_CACHE, type ExpertSession, type ExpertSessionOptions, type RouterKind, type RoutedQuestion, type Answer } from './expert-session.ts';
export { adaptersForBase, adapterFile, type LibraryAdapter, type SkippedAdapter } from './library-adapters.ts';
export { referenceCentroid, centroidWith, readReferenceTextFile } from './reference-centroid.ts';
