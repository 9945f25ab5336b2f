/**
 * safetensors reader (the format PEFT saves adapters in): u64 little-endian header length, a JSON
 * header `{name: {dtype, shape, data_offsets: [begin, end]}, __metadata__?}`, then the data.
 * Every entry is checked (known dtype, offsets inside the file, byte length = elements × dtype
 * size) before any data is read; tensors are read one at a time as f32 (from F32, F16 or BF16)
 * or as raw bytes. Defects throw a `ModelFileError` naming the file and the tensor.
 * Knows nothing about PEFT or GGUF.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { bf16ToF32, halfToF32 } from './half-float.ts';
import { ModelFileError } from './model-file-error.ts';

export type SafetensorsDtype = 'F32' | 'F16' | 'BF16';
const DTYPE_BYTES: Record<string, number> = { F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 };
const MAX_HEADER = 100_000_000; // the format's own limit

export interface SafetensorsEntry {
  readonly name: string;
  readonly dtype: string;
  /** Torch shape, outermost dimension first. */
  readonly shape: readonly number[];
  readonly begin: number;
  readonly end: number;
}

export interface SafetensorsFile {
  readonly path: string;
  readonly entries: ReadonlyMap<string, SafetensorsEntry>;
  readonly metadata: Readonly<Record<string, string>>;
  readonly dataOffset: number;
}

function readAt(path: string, fd: number, at: number, n: number): Buffer {
  const b = Buffer.alloc(n);
  let got = 0;
  while (got < n) {
    const r = readSync(fd, b, got, n - got, at + got);
    if (r === 0) throw new ModelFileError('safetensors/truncated', `${path}: truncated safetensors file (needed ${n} bytes at byte ${at})`);
    got += r;
  }
  return b;
}

function open(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ModelFileError('file/unreadable', `${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code ?? String(e)})`);
  }
}

export function readSafetensors(path: string): SafetensorsFile {
  const fd = open(path);
  try {
    const size = fstatSync(fd).size;
    const invalid = (m: string) => new ModelFileError('safetensors/invalid', `${path}: ${m}`);
    if (size < 8) throw new ModelFileError('safetensors/truncated', `${path}: truncated safetensors file (${size} bytes; the header length alone takes 8)`);
    const n = readAt(path, fd, 0, 8).readBigUInt64LE(0);
    if (n > BigInt(MAX_HEADER)) throw invalid(`header length ${n} exceeds the format's limit of ${MAX_HEADER} bytes (not a safetensors file?)`);
    if (Number(n) > size - 8) throw new ModelFileError('safetensors/truncated', `${path}: truncated safetensors file (the header claims ${n} bytes, the file has ${size - 8} after the length)`);
    let header: unknown;
    try {
      header = JSON.parse(readAt(path, fd, 8, Number(n)).toString('utf8'));
    } catch {
      throw invalid('the header is not valid JSON (not a safetensors file?)');
    }
    if (typeof header !== 'object' || header === null || Array.isArray(header)) throw invalid('the header is not a JSON object');
    const dataOffset = 8 + Number(n);
    const entries = new Map<string, SafetensorsEntry>();
    let metadata: Record<string, string> = {};
    for (const [name, raw] of Object.entries(header as Record<string, unknown>)) {
      if (name === '__metadata__') {
        metadata = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, string>;
        continue;
      }
      const e = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
      const shape = e?.shape;
      const offsets = e?.data_offsets;
      if (typeof e?.dtype !== 'string' || !Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0) ||
        !Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((d) => Number.isSafeInteger(d) && d >= 0)) {
        throw invalid(`tensor "${name}": entry needs dtype, shape and data_offsets`);
      }
      const [begin, end] = offsets as [number, number];
      const unit = DTYPE_BYTES[e.dtype];
      if (unit === undefined) throw invalid(`tensor "${name}": unknown dtype ${e.dtype}`);
      const count = (shape as number[]).reduce((a, b) => a * b, 1);
      if (end < begin || end - begin !== count * unit) throw invalid(`tensor "${name}": data_offsets [${begin}, ${end}] do not hold ${e.dtype} [${shape.join(', ')}] (${count * unit} bytes)`);
      if (dataOffset + end > size) throw new ModelFileError('safetensors/truncated', `${path}: truncated safetensors file: tensor "${name}" needs bytes up to ${dataOffset + end}, the file ends at ${size}`);
      entries.set(name, { name, dtype: e.dtype, shape: shape as number[], begin, end });
    }
    return { path, entries, metadata, dataOffset };
  } finally {
    closeSync(fd);
  }
}

/** A tensor's raw bytes. */
export function readSafetensorBytes(file: SafetensorsFile, entry: SafetensorsEntry): Buffer {
  const fd = open(file.path);
  try {
    return readAt(file.path, fd, file.dataOffset + entry.begin, entry.end - entry.begin);
  } finally {
    closeSync(fd);
  }
}

/** A tensor's values as f32 (F32, F16 or BF16). */
export function readSafetensorF32(file: SafetensorsFile, entry: SafetensorsEntry): Float32Array {
  const raw = readSafetensorBytes(file, entry);
  const copy = new Uint8Array(raw); // aligned copy
  if (entry.dtype === 'F32') return new Float32Array(copy.buffer);
  const out = new Float32Array((entry.end - entry.begin) / 2);
  if (entry.dtype === 'F16') halfToF32(new Uint16Array(copy.buffer), out);
  else if (entry.dtype === 'BF16') bf16ToF32(new Uint16Array(copy.buffer), out);
  else throw new ModelFileError('safetensors/invalid', `${file.path}: tensor "${entry.name}" is ${entry.dtype}; expected F32, F16 or BF16`);
  return out;
}
