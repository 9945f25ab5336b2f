/**
 * Turns inference calibration samples into the `inference:` section of a calibration profile
 * (`{median, p10, p90}` per quantity, durations in whole microseconds written with units) and
 * writes it into a profile file: an existing profile keeps its other sections and comments and
 * gets its `inference:` replaced; a new file copies `link:` and `energy:` from a shipped base
 * profile (default `conservative`), saying so in a comment, since the schema requires them.
 * The result is validated against the profile schema before it is written.
 * Knows nothing about how the samples were measured.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { quantile } from 'simple-statistics';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { UserError } from '../../cli/user-error.ts';
import { profileSchema } from '../../sim/scenario/index.ts';
import { PROFILES_DIR } from '../../sim/scenario/load-profile.ts';
import { formatDuration } from '../../sim/units.ts';
import type { InferenceCalibration } from './inference.ts';

type Quantiles = { median: string | number; p10: string | number; p90: string | number } | string | number;

export interface Summary {
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly n: number;
}

export function summarise(xs: readonly number[]): Summary {
  const finite = xs.filter((x) => Number.isFinite(x));
  if (finite.length === 0) throw new RangeError('no finite samples');
  return { median: quantile(finite, 0.5), p10: quantile(finite, 0.1), p90: quantile(finite, 0.9), n: finite.length };
}

/** Three significant digits: measurements are not more precise than that. */
function sig3(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 2);
  return Math.round(x / step) * step;
}
const micros = (ms: number) => formatDuration(Math.max(1, Math.round(sig3(ms * 1000))));
const round1 = (x: number) => Number(sig3(x).toPrecision(3));

function durationDist(xs: readonly number[]): Quantiles {
  const s = summarise(xs);
  return s.n < 3 ? micros(s.median) : { median: micros(s.median), p10: micros(s.p10), p90: micros(s.p90) };
}

function numberDist(xs: readonly number[]): Quantiles {
  const s = summarise(xs);
  return s.n < 3 ? round1(s.median) : { median: round1(s.median), p10: round1(s.p10), p90: round1(s.p90) };
}

/** The `inference:` section (YAML-ready values). */
export function inferenceSection(c: InferenceCalibration): Record<string, Quantiles> {
  const s = c.samples;
  return {
    modelLoad: durationDist(s.modelLoadMs),
    adapterLoad: durationDist(s.adapterLoadMs),
    adapterSwap: durationDist(s.adapterSwapMs),
    embedding: durationDist(s.embeddingMs),
    promptTokensPerSecond: numberDist(s.promptTokensPerSecond),
    generationPerToken: durationDist(s.generationMsPerToken),
  };
}

/** One comment line per field: what was measured and how often. */
export function inferenceComments(c: InferenceCalibration): Record<string, string> {
  const s = c.samples;
  const n = (xs: readonly number[]) => xs.length;
  const base = (xs: readonly number[], unit: string) => `${round1(summarise(xs).median)} ${unit} without an adapter`;
  return {
    modelLoad: ` measured: ${n(s.modelLoadMs)} loads (GGUF index + llama.cpp load + context), warm page cache`,
    adapterLoad: ` measured: ${n(s.adapterLoadMs)} first loads of a ${(c.adapters.bytes / 1e6).toFixed(1)} MB adapter (check against the base + llama.cpp load + activate)`,
    adapterSwap: ` measured: ${n(s.adapterSwapMs)} swaps between loaded adapters on the live context (${c.swapMode}), KV cache cleared`,
    embedding: ` measured: ${n(s.embeddingMs)} questions (median ${c.embeddingTokens} tokens${c.byteLevelVocabulary ? ', cut to their Qwen token count: this model has a byte-level vocabulary' : ''}), one embedding pass each, no adapter active`,
    promptTokensPerSecond: ` measured: ${n(s.promptTokensPerSecond)} × ${c.promptTokens}-token prompts with a rank-16 adapter active (${base(s.basePromptTokensPerSecond, 'tok/s')})`,
    generationPerToken: ` measured: ${n(s.generationMsPerToken)} × ${c.generateTokens} greedy tokens with the adapter active (${base(s.baseGenerationMsPerToken, 'ms/token')})`,
  };
}

function setInference(doc: Document, c: InferenceCalibration): void {
  const node = doc.createNode(inferenceSection(c));
  const comments = inferenceComments(c);
  for (const pair of node.items) {
    const key = pair.key as { value?: string; commentBefore?: string | null };
    if (isMap(pair.value)) pair.value.flow = true;
    key.commentBefore = comments[String(key.value)] ?? null;
  }
  node.commentBefore =
    ` Local model timings measured by \`gossip hw calibrate --model\` on ${c.date}: ${c.machine};` +
    `\n ${c.threads} thread(s), node-llama-cpp ${c.nodeLlamaCpp}; model ${c.model.file} (${c.model.name}, ${(c.model.bytes / 1e6).toFixed(1)} MB),` +
    `\n ${c.clock === 'cpu' ? 'times are CPU time of the one inference thread (the machine was shared: on an idle device wall ≈ CPU)' : 'times are wall-clock'}; load average ${c.load[0].toFixed(1)} → ${c.load[1].toFixed(1)} on ${cpus().length} cores;` +
    `\n base model ${c.model.baseModel}; ${c.adapters.count} ${c.adapters.synthetic ? 'synthetic rank-16 adapters (all seven targets)' : 'adapters from --adapters'}.`;
  doc.set('inference', node);
}

export interface WriteProfileOptions {
  /** Shipped profile whose link/energy a new file copies (default 'conservative'). */
  readonly baseProfile?: string;
  readonly name?: string;
  readonly description?: string;
}

/** Writes (or updates) `path` with the measured inference section; returns the YAML text. */
export function writeInferenceProfile(path: string, c: InferenceCalibration, o: WriteProfileOptions = {}): string {
  let doc: Document;
  if (existsSync(path)) {
    doc = parseDocument(readFileSync(path, 'utf8'));
    if (doc.errors.length > 0 || !isMap(doc.contents)) throw new UserError(`${path}: not a profile YAML (${doc.errors[0]?.message ?? 'not a mapping'}); choose another --out`);
  } else {
    const baseName = o.baseProfile ?? 'conservative';
    const basePath = join(PROFILES_DIR, `${baseName}.yaml`);
    if (!existsSync(basePath)) throw new UserError(`no shipped profile "${baseName}" to copy link and energy from`);
    doc = parseDocument(readFileSync(basePath, 'utf8'));
    const first = isMap(doc.contents) ? doc.contents.items[0] : undefined;
    if (first && isScalar(first.key)) first.key.commentBefore = null; // the base profile's own header
    doc.commentBefore =
      ` yaml-language-server: $schema=./profile.schema.json\n Calibration profile written by \`gossip hw calibrate --model\`. Only \`inference:\` was measured;` +
      `\n \`link:\` and \`energy:\` are copied unchanged from the shipped profile "${baseName}" (the schema requires them).`;
    doc.set('name', o.name ?? `measured-${c.model.file.replace(/\.gguf$/i, '')}`);
    doc.set('description', o.description ?? `Local inference measured on ${c.date} (${c.machine}); link and energy from ${baseName}.`);
  }
  setInference(doc, c);
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const check = profileSchema.safeParse(parseDocument(text).toJS());
  if (!check.success) throw new Error(`calibration produced an invalid profile: ${check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return text;
}
