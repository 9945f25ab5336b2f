/**
 * `gossip adapter merge` as a function: open the adapter files, check they belong together
 * (and to `base`, if given), merge, write the merged GGUF LoRA, and report what happened
 * (method, rank, kept energy per module and overall, wall time, size). File I/O lives in
 * gguf-adapters.ts; this module only sequences it.
 */
import { readGguf } from '../hw/gguf/index.ts';
import { checkMergeInputs, openAdapterForMerge, writeMergedAdapter } from './gguf-adapters.ts';
import { mergeAdapters, type MergeReport } from './merge-adapters.ts';
import type { MergeOptions } from './methods.ts';

export interface MergeFilesOptions extends MergeOptions {
  readonly out: string;
  /** Base model GGUF to check every adapter against (optional). */
  readonly base?: string;
  /** Storage type of the merged factors (default f16). */
  readonly type?: 'f16' | 'f32';
  readonly name?: string;
  readonly onModule?: (done: number, total: number, name: string) => void;
}

export interface MergeFilesResult {
  readonly report: MergeReport;
  readonly out: string;
  readonly bytes: number;
  readonly parameters: number;
  readonly wallMs: number;
}

export function mergeAdapterFiles(paths: readonly string[], o: MergeFilesOptions): MergeFilesResult {
  const t0 = performance.now();
  const adapters = paths.map(openAdapterForMerge);
  checkMergeInputs(adapters, o.base === undefined ? undefined : readGguf(o.base));
  const merged = mergeAdapters(adapters.map((a) => a.input), o, o.onModule);
  const bytes = writeMergedAdapter(o.out, merged, {
    architecture: (adapters[0] as (typeof adapters)[number]).summary.architecture,
    type: o.type ?? 'f16',
    ...(o.name !== undefined ? { name: o.name } : {}),
  });
  const parameters = merged.modules.reduce((s, m) => s + m.a.length + m.b.length, 0);
  return { report: merged.report, out: o.out, bytes, parameters, wallMs: performance.now() - t0 };
}
