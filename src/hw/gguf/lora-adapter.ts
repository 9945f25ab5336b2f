/**
 * GGUF LoRA adapters as llama.cpp loads them: the metadata an adapter file carries
 * (`general.architecture` = the base's, `general.type=adapter`, `adapter.type=lora`,
 * `adapter.lora.alpha`) and the check of an adapter against its base before llama.cpp sees it.
 * Tensors come in pairs `<base tensor>.lora_a` ne=[in, r] and `.lora_b` ne=[r, out] for a base
 * weight ne=[in, out]; llama.cpp adds scale·(alpha/r)·B(A x). Every defect is reported as a
 * `ModelFileError` naming the adapter file, the tensor and both shapes.
 * Knows nothing about how adapters are made or loaded.
 */
import type { GgufFile, GgufTensorInfo } from './gguf-reader.ts';
import { asNumber, asString, gv, type GgufValue } from './gguf-value.ts';
import { ModelFileError } from './model-file-error.ts';

export function loraMetadata(architecture: string, alpha: number, name: string): [string, GgufValue][] {
  return [
    ['general.architecture', gv.str(architecture)],
    ['general.type', gv.str('adapter')],
    ['general.name', gv.str(name)],
    ['adapter.type', gv.str('lora')],
    ['adapter.lora.alpha', gv.f32(alpha)],
  ];
}

export interface LoraPair {
  /** The base tensor the pair modifies. */
  readonly target: string;
  readonly a: GgufTensorInfo;
  readonly b: GgufTensorInfo;
  readonly rank: number;
}

export interface LoraSummary {
  readonly architecture: string;
  readonly alpha: number | undefined;
  readonly pairs: readonly LoraPair[];
  readonly parameters: number;
}

const shape = (ne: readonly number[]) => `[${ne.join(', ')}]`;

/** Reads an adapter's pairs and metadata; checks it is a LoRA adapter, not against a base. */
export function loraSummary(adapter: GgufFile): LoraSummary {
  const p = adapter.path;
  const type = asString(adapter.metadata.get('general.type'));
  const adapterType = asString(adapter.metadata.get('adapter.type'));
  if (type !== 'adapter' || adapterType !== 'lora') {
    throw new ModelFileError('adapter/not-lora', `${p}: not a LoRA adapter GGUF (general.type is ${JSON.stringify(type ?? null)}, adapter.type is ${JSON.stringify(adapterType ?? null)}; expected "adapter" and "lora")`);
  }
  const architecture = asString(adapter.metadata.get('general.architecture'));
  if (architecture === undefined) throw new ModelFileError('model/missing-key', `${p}: no general.architecture; an adapter must name its base architecture`);
  const halves = new Map<string, { a?: GgufTensorInfo; b?: GgufTensorInfo }>();
  for (const t of adapter.tensors) {
    const m = /^(.*)\.lora_(a|b)$/.exec(t.name);
    if (!m) throw new ModelFileError('adapter/not-lora', `${p}: tensor "${t.name}" is not a LoRA tensor (names end in .lora_a or .lora_b)`);
    const h = halves.get(m[1] as string) ?? {};
    h[m[2] as 'a' | 'b'] = t;
    halves.set(m[1] as string, h);
  }
  if (halves.size === 0) throw new ModelFileError('adapter/not-lora', `${p}: the adapter has no tensors`);
  const pairs: LoraPair[] = [];
  let parameters = 0;
  for (const [target, h] of halves) {
    if (!h.a || !h.b) throw new ModelFileError('adapter/unpaired', `${p}: "${target}.lora_${h.a ? 'a' : 'b'}" has no matching "${target}.lora_${h.a ? 'b' : 'a'}"`);
    if (h.a.ne.length !== 2 || h.b.ne.length !== 2 || h.a.ne[1] !== h.b.ne[0]) {
      throw new ModelFileError('adapter/shape-mismatch', `${p}: "${target}": lora_a ${shape(h.a.ne)} and lora_b ${shape(h.b.ne)} do not share a rank (expected lora_a [in, r] and lora_b [r, out])`);
    }
    pairs.push({ target, a: h.a, b: h.b, rank: h.a.ne[1] as number });
    parameters += h.a.ne.reduce((x, y) => x * y, 1) + h.b.ne.reduce((x, y) => x * y, 1);
  }
  return { architecture, alpha: asNumber(adapter.metadata.get('adapter.lora.alpha')), pairs, parameters };
}

/** Checks an adapter against the base model it is meant for; returns its summary. */
export function checkAdapterAgainstBase(adapter: GgufFile, base: GgufFile): LoraSummary {
  const s = loraSummary(adapter);
  const baseArch = asString(base.metadata.get('general.architecture'));
  if (s.architecture !== baseArch) {
    throw new ModelFileError('model/wrong-architecture', `${adapter.path}: adapter is for architecture "${s.architecture}", but the base ${base.path} is "${baseArch ?? '(none)'}"`);
  }
  for (const pair of s.pairs) {
    const w = base.tensorByName.get(pair.target);
    if (!w) throw new ModelFileError('adapter/missing-tensor', `${adapter.path}: "${pair.target}" is not a tensor of the base ${base.path}`);
    const [inDim, outDim] = w.ne;
    if (w.ne.length !== 2 || pair.a.ne[0] !== inDim || pair.b.ne[1] !== outDim) {
      throw new ModelFileError(
        'adapter/shape-mismatch',
        `${adapter.path}: "${pair.target}": base weight is ${shape(w.ne)} (ne = [in, out]), adapter has lora_a ${shape(pair.a.ne)} and lora_b ${shape(pair.b.ne)}; expected lora_a [${inDim}, r] and lora_b [r, ${outDim}]`,
      );
    }
  }
  return s;
}
