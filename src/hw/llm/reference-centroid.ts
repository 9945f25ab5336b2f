/**
 * Embedding centroids from reference texts, computed with the base model and no adapter (the
 * same embedder the router uses at question time), so a manifest's centroid and a question's
 * embedding live in the same space. Also the reference-text file format: one text per line,
 * blank lines and lines starting with `#` ignored. Knows nothing about manifests or routers.
 */
import { readFileSync } from 'node:fs';
import { centroidOf } from '../../core/routing/index.ts';
import type { Embedder } from '../../core/ports.ts';
import { UserError } from '../../cli/user-error.ts';
import type { LlamaRuntime } from './llama-runtime.ts';
import { openLocalModel } from './local-model.ts';

export async function centroidWith(embedder: Embedder, texts: readonly string[], what: string): Promise<number[]> {
  const vectors: Float32Array[] = [];
  for (const t of texts) vectors.push(await embedder.embed(t));
  const c = centroidOf(vectors);
  if (!c.ok) throw new UserError(`${what}: cannot build an embedding centroid: ${c.error.message}`);
  return c.value;
}

/** Loads the base model, embeds `texts` with no adapter and returns their centroid. */
export async function referenceCentroid(basePath: string, texts: readonly string[], threads = 1, runtime?: LlamaRuntime): Promise<number[]> {
  const model = await openLocalModel({ modelPath: basePath, threads, runtime });
  try {
    return await centroidWith(await model.embedder(), texts, basePath);
  } finally {
    await model.dispose();
  }
}

/** Reads a reference-text file (one text per line; `#` comments and blank lines skipped). */
export function readReferenceTextFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`${path}: cannot read reference texts (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0) throw new UserError(`${path}: no reference texts (one text per line; # starts a comment)`);
  return lines;
}
