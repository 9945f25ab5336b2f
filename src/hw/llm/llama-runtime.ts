/**
 * The llama.cpp runtime of one process: imports node-llama-cpp lazily (so nothing else in the
 * project loads it), opens it CPU-only with prebuilt binaries (`build: 'never'` never compiles)
 * and an explicit thread cap (the default of 4 threads collapses generation on 2 cores), and
 * routes llama.cpp's logger into a `LogCapture` so our errors can quote llama.cpp's reasons.
 * Also the pinned version the internal live adapter swap was verified with.
 * llama.cpp's logger is process-global. When a second runtime opens in one process (tests, a CLI
 * test running several commands), node-llama-cpp 3.22.1 installs the new logger before the old
 * one's thread-safe function is finalised, and that finaliser then switches logging off for the
 * new one (messages go to stderr, our capture stays empty). `rearmLogger` releases the logger,
 * lets the finaliser run, then installs ours again; it uses internals and is covered by a test.
 * Prefer one runtime per process anyway (LocalModelOptions.runtime shares it), and never dispose a
 * runtime while another is in use: the llama.cpp backend is process-global too, and disposing it
 * under a live runtime can hang that runtime's own disposal.
 * Knows nothing about models, adapters or routing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as NodeLlamaCpp from 'node-llama-cpp';
import type { Llama } from 'node-llama-cpp';
import { ModelFileError } from '../gguf/model-file-error.ts';
import { LogCapture } from './log-capture.ts';

/** node-llama-cpp version whose internal `LlamaContext._setLoras` is covered by test/llm. */
export const LIVE_SWAP_VERIFIED_VERSION = '3.22.1';

export type LlamaModule = typeof NodeLlamaCpp;

export interface LlamaRuntime {
  readonly module: LlamaModule;
  readonly llama: Llama;
  readonly logs: LogCapture;
  readonly threads: number;
  /** node-llama-cpp's package version. */
  readonly version: string;
  dispose(): Promise<void>;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The installed node-llama-cpp version, or 'unknown'. */
export function nodeLlamaCppVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('node-llama-cpp');
    const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function openLlamaRuntime(options: { threads?: number } = {}): Promise<LlamaRuntime> {
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
  let module: LlamaModule;
  try {
    module = await import('node-llama-cpp');
  } catch (e) {
    throw new ModelFileError('llama/unavailable', `node-llama-cpp could not be loaded (${message(e)}); run npm ci in the project folder`);
  }
  const logs = new LogCapture();
  let llama: Llama;
  try {
    llama = await module.getLlama({
      gpu: false,
      build: 'never',
      maxThreads: threads,
      logLevel: module.LlamaLogLevel.warn,
      logger: logs.record,
      progressLogs: false,
    });
  } catch (e) {
    throw new ModelFileError('llama/unavailable', `llama.cpp binaries could not be opened (${message(e)}); a prebuilt binary for this platform is needed (no source builds)`);
  }
  await rearmLogger(llama);
  return {
    module,
    llama,
    logs,
    threads,
    version: nodeLlamaCppVersion(),
    dispose: () => llama.dispose(),
  };
}

/** Re-installs the runtime's logger after any pending finaliser of an older logger has run. */
async function rearmLogger(llama: Llama): Promise<void> {
  const internals = llama as unknown as { _bindings?: { setLogger?: (f: unknown) => void }; _onAddonLog?: unknown };
  const setLogger = internals._bindings?.setLogger;
  if (typeof setLogger !== 'function' || typeof internals._onAddonLog !== 'function') return;
  setLogger.call(internals._bindings, null);
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
  setLogger.call(internals._bindings, internals._onAddonLog);
}

/**
 * An error for a file llama.cpp refused, quoting what llama.cpp logged since `mark`. Log lines
 * reach JavaScript through a thread-safe callback that can land after the failed call settles,
 * so this waits a few event-loop turns for them first.
 */
export async function llamaRefused(runtime: LlamaRuntime, mark: number, path: string, what: string, cause: unknown): Promise<ModelFileError> {
  for (let i = 0; i < 5 && runtime.logs.reasons(mark) === ''; i++) await new Promise((r) => setTimeout(r, 1));
  const reasons = runtime.logs.reasons(mark);
  return new ModelFileError('llama/load-failed', `${path}: llama.cpp could not load the ${what}: ${reasons || message(cause)}${reasons ? ` (${message(cause)})` : ''}`);
}
