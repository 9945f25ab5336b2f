/**
 * The base-model id a manifest carries: `taggedHash(HashTag.baseModel, canonical identity)` of a
 * base GGUF. The identity is what an adapter depends on, and nothing a quantiser or converter
 * changes:
 * 1. `general.architecture` and every `<arch>.*` key (layers, widths, heads, RoPE, norm epsilon…);
 * 2. the tokenizer: `tokenizer.ggml.model`, `.pre`, `.tokens`, `.merges`, `.scores` (when present);
 * 3. the tensor index: every tensor's name and dimensions, sorted by name (not its type or offset);
 * 4. the values of every 1-D tensor (norm weights and biases), as f32. Converters and quantisers
 *    keep these in F32, so they fingerprint the weights themselves: two fine-tunes of one
 *    architecture (base vs instruct) differ here, the Q8_0 and Q4_0 files of one model do not.
 * Left out on purpose: `general.*` (names, URLs, file type, quantisation version differ between
 * converters of the same weights), the chat template and special-token ids (prompting, not
 * weights), tensor types and offsets (quantisation). A LoRA trained on the float model applies to
 * every quantisation of it, so those files share an id.
 * Canonical encoding: a version string, then for each item a one-byte tag and length-prefixed
 * fields; integers of any GGUF type encode as i64, floats as f64, so a converter writing u32 where
 * another writes i32 yields the same id. Knows nothing about manifests or llama.cpp.
 */
import { HashTag, taggedHash } from '../../core/packet/index.ts';
import { bytesToHex } from '../../core/codec/bytes.ts';
import { GgmlType, ggmlTypeName } from './ggml-types.ts';
import { readTensorBytes, type GgufFile } from './gguf-reader.ts';
import type { GgufValue, ScalarValue } from './gguf-value.ts';
import { bf16ToF32, halfToF32 } from './half-float.ts';
import { ModelFileError } from './model-file-error.ts';

const ID_VERSION = 'gguf-base-model/v1';
const TOKENIZER_KEYS = ['tokenizer.ggml.model', 'tokenizer.ggml.pre', 'tokenizer.ggml.tokens', 'tokenizer.ggml.merges', 'tokenizer.ggml.scores'];

class Canon {
  private parts: Buffer[] = [];
  tag(t: string): void { this.parts.push(Buffer.from(t, 'latin1')); }
  u64(n: number | bigint): void { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); this.parts.push(b); }
  str(s: string): void { const b = Buffer.from(s, 'utf8'); this.u64(b.length); this.parts.push(b); }
  bytes(b: Uint8Array): void { this.u64(b.length); this.parts.push(Buffer.from(b.buffer, b.byteOffset, b.byteLength)); }
  scalar(v: ScalarValue): void {
    if (typeof v === 'string') { this.tag('s'); this.str(v); return; }
    if (typeof v === 'boolean') { this.tag('b'); this.tag(v ? '1' : '0'); return; }
    if (typeof v === 'bigint' || Number.isInteger(v)) { this.tag('i'); const b = Buffer.alloc(8); b.writeBigInt64LE(BigInt(v)); this.parts.push(b); return; }
    this.tag('f'); const b = Buffer.alloc(8); b.writeDoubleLE(v); this.parts.push(b);
  }
  value(v: GgufValue): void {
    if (v.type !== 'array') { this.scalar(v.value); return; }
    this.tag('a');
    this.u64(v.value.length);
    for (const x of v.value) this.scalar(x);
  }
  finish(): Buffer { return Buffer.concat(this.parts); }
}

/** A 1-D tensor's values as f32 bytes. */
function vectorAsF32(file: GgufFile, name: string): Uint8Array {
  const t = file.tensorByName.get(name)!;
  const raw = readTensorBytes(file, t);
  if (t.type === GgmlType.F32) return raw;
  if (t.type === GgmlType.F16 || t.type === GgmlType.BF16) {
    const src = new Uint16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    const out = new Float32Array(src.length);
    (t.type === GgmlType.F16 ? halfToF32 : bf16ToF32)(src, out);
    return new Uint8Array(out.buffer);
  }
  throw new ModelFileError('gguf/bad-value', `${file.path}: 1-D tensor "${name}" is ${ggmlTypeName(t.type)}; a base model keeps norms and biases in F32, F16 or BF16`);
}

/** The base-model id (64 hex chars) of a base model GGUF. */
export function baseModelId(file: GgufFile): string {
  const arch = file.metadata.get('general.architecture');
  if (arch?.type !== 'string') throw new ModelFileError('model/missing-key', `${file.path}: no general.architecture string; not a model GGUF`);
  const type = file.metadata.get('general.type');
  if (type?.type === 'string' && type.value !== 'model') {
    throw new ModelFileError('model/not-a-base-model', `${file.path}: general.type is "${type.value}", not a base model (pass the base model GGUF, not an adapter)`);
  }
  const c = new Canon();
  c.str(ID_VERSION);
  c.tag('A');
  c.str(arch.value);
  const archKeys = [...file.metadata.keys()].filter((k) => k.startsWith(`${arch.value}.`)).sort();
  for (const k of [...archKeys, ...TOKENIZER_KEYS]) {
    const v = file.metadata.get(k);
    if (v === undefined) continue;
    c.tag('K');
    c.str(k);
    c.value(v);
  }
  const names = file.tensors.map((t) => t.name).sort();
  for (const name of names) {
    const t = file.tensorByName.get(name)!;
    const dims = [...t.ne];
    while (dims.length > 1 && dims[dims.length - 1] === 1) dims.pop(); // [896, 1] is [896]
    c.tag('T');
    c.str(name);
    c.u64(dims.length);
    for (const d of dims) c.u64(d);
    if (dims.length === 1) {
      c.tag('V');
      c.bytes(vectorAsF32(file, name));
    }
  }
  return bytesToHex(taggedHash(HashTag.baseModel, c.finish()));
}
