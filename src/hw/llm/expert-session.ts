/**
 * Answering questions the way a device does: one base model, the library's adapters for that
 * base, a router (keyword, or embedding centroids compared with the base model's embedding of
 * the question, no adapter active), then a swap to the routed adapter (or to none) on the live
 * context and a streamed, greedy answer. Adapters without a shipped centroid get one from their
 * reference texts, embedded here with the same base model; adapters with neither cannot take
 * part in embedding routing (listed in `notes`). Knows nothing about the command line.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddingRouter, createKeywordRouter, type RouteDecision } from '../../core/routing/index.ts';
import type { Embedder } from '../../core/ports.ts';
import { UserError } from '../../cli/user-error.ts';
import { baseModelId } from '../gguf/base-model-id.ts';
import { openFsStore } from '../store/index.ts';
import { chatMl, systemLine } from './chat-prompt.ts';
import type { Completion } from './completion.ts';
import { adapterFile, adaptersForBase, type LibraryAdapter, type SkippedAdapter } from './library-adapters.ts';
import type { LlamaRuntime } from './llama-runtime.ts';
import { openLocalModel, type LocalModel, type SwapResult } from './local-model.ts';
import { centroidWith } from './reference-centroid.ts';

export type RouterKind = 'keyword' | 'embedding';

/** Where exported adapter GGUFs are cached by default (content-addressed, safe to share). */
export const DEFAULT_ADAPTER_CACHE = join(tmpdir(), 'gossip-handshake-adapters');

export interface ExpertSessionOptions {
  readonly modelPath: string;
  readonly libraryDir: string;
  readonly router: RouterKind;
  readonly threads?: number;
  readonly cacheDir?: string;
  /** Embedding router: minimum lead of the best domain (default 0.05, see the router). */
  readonly margin?: number;
  /** A llama runtime to share (default: the session opens its own). */
  readonly runtime?: LlamaRuntime;
}

export interface RoutedQuestion {
  readonly decision: RouteDecision;
  readonly adapter: LibraryAdapter | undefined;
  /** Routing time (for the embedding router: including the embedding pass). */
  readonly routeMs: number;
}

export interface Answer {
  readonly routed: RoutedQuestion;
  readonly swap: SwapResult;
  readonly completion: Completion;
}

export interface ExpertSession {
  readonly model: LocalModel;
  readonly baseModel: string;
  readonly adapters: readonly LibraryAdapter[];
  readonly skipped: readonly SkippedAdapter[];
  readonly notes: readonly string[];
  readonly loadMs: number;
  route(question: string): Promise<RoutedQuestion>;
  answer(question: string, options: { maxTokens: number; onToken?: (text: string) => void; routed?: RoutedQuestion }): Promise<Answer>;
  dispose(): Promise<void>;
}

export async function openExpertSession(o: ExpertSessionOptions): Promise<ExpertSession> {
  if (!existsSync(o.libraryDir)) throw new UserError(`${o.libraryDir}: no such library folder (create one with \`gossip library add\`)`);
  const store = openFsStore(o.libraryDir, { verify: 'length', durable: false });
  const t0 = performance.now();
  const model = await openLocalModel({ modelPath: o.modelPath, threads: o.threads ?? 1, runtime: o.runtime });
  const loadMs = performance.now() - t0;
  try {
    const baseModel = baseModelId(model.gguf);
    const { usable, skipped } = adaptersForBase(store, baseModel);
    const byId = new Map(usable.map((a) => [a.id, a]));
    const notes: string[] = [];
    const cacheDir = o.cacheDir ?? DEFAULT_ADAPTER_CACHE;
    const tokens = model.gguf.metadata.get('tokenizer.ggml.tokens');
    const chat = tokens?.type === 'array' && tokens.value.includes('<|im_start|>');

    let routeText: (q: string) => Promise<RouteDecision>;
    if (o.router === 'keyword') {
      const router = createKeywordRouter({ adapters: usable.map((a) => ({ id: a.id, domain: a.manifest.domain, keywords: a.manifest.keywords, priority: a.manifest.version })) });
      routeText = async (q) => router.route(q);
    } else {
      const embedder: Embedder = await model.embedder();
      const withCentroids = [];
      for (const a of usable) {
        const m = a.manifest;
        if (m.centroid && m.centroid.length === embedder.dimensions) withCentroids.push({ id: a.id, domain: m.domain, centroid: m.centroid, priority: m.version });
        else if (m.referenceTexts.length > 0) {
          withCentroids.push({ id: a.id, domain: m.domain, centroid: await centroidWith(embedder, m.referenceTexts, `adapter ${m.name}`), priority: m.version });
          notes.push(`${m.name}: centroid computed here from ${m.referenceTexts.length} reference texts`);
        } else notes.push(`${m.name}: no centroid and no reference texts; not routable by embedding`);
      }
      const router = createEmbeddingRouter({ adapters: withCentroids, margin: o.margin });
      routeText = (q) => router.route(q, embedder);
    }

    const self: ExpertSession = {
      model, baseModel, adapters: usable, skipped, notes, loadMs,
      async route(question) {
        const t = performance.now();
        const decision = await routeText(question);
        const routeMs = performance.now() - t;
        return { decision, adapter: decision.kind === 'adapter' ? byId.get(decision.adapterId) : undefined, routeMs };
      },
      async answer(question, a) {
        const routed = a.routed ?? (await self.route(question));
        const path = routed.adapter ? adapterFile(store, routed.adapter, cacheDir) : null;
        const swap = await model.swapAdapter(path);
        const domain = routed.adapter?.manifest.domain ?? null;
        const prompt = chat ? chatMl(question, systemLine(domain)) : question;
        const completion = await model.complete(prompt, { maxTokens: a.maxTokens, onToken: a.onToken });
        return { routed, swap, completion };
      },
      dispose: () => model.dispose(),
    };
    return self;
  } catch (e) {
    await model.dispose();
    throw e;
  }
}
