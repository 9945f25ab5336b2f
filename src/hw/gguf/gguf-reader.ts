/**
 * GGUF v2/v3 reader (little-endian): header, metadata and tensor index, plus bounded reads of a
 * tensor's bytes. Reads the file in pieces (never the whole file), checks every length against
 * the file size before allocating, and turns truncated or garbage input into a `ModelFileError`
 * naming the file, the byte offset and what was expected — it never crashes and never allocates
 * more than the file could hold. Layout: magic `GGUF`, u32 version, u64 tensor count, u64 kv
 * count, kvs (string key, u32 type, value), tensor infos (name, u32 n_dims, u64 ne[n_dims],
 * u32 ggml type, u64 offset), padding to `general.alignment` (default 32), then the data section.
 * Knows nothing about models, adapters or llama.cpp.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ggmlTypeName, tensorByteSize } from './ggml-types.ts';
import { scalarSize, valueTypeName, type GgufValue, type ScalarType, type ScalarValue } from './gguf-value.ts';
import { ModelFileError } from './model-file-error.ts';

export const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
export const GGUF_DEFAULT_ALIGNMENT = 32;

export const GgufLimits = {
  tensors: 1 << 20,
  kvs: 1 << 20,
  keyBytes: 1 << 16,
  stringBytes: 64 << 20,
  arrayItems: 1 << 24,
  dims: 4,
} as const;

export interface GgufTensorInfo {
  readonly name: string;
  /** Dimensions, ne[0] first (the contiguous, input dimension). */
  readonly ne: readonly number[];
  readonly type: number;
  /** Offset inside the data section. */
  readonly offset: number;
  readonly byteSize: number;
}

export interface GgufFile {
  readonly path: string;
  readonly version: number;
  readonly fileSize: number;
  readonly metadata: ReadonlyMap<string, GgufValue>;
  readonly tensors: readonly GgufTensorInfo[];
  readonly tensorByName: ReadonlyMap<string, GgufTensorInfo>;
  readonly alignment: number;
  /** File offset of the data section. */
  readonly dataOffset: number;
}

const CHUNK = 1 << 20;

/** Sequential bounded reads over a file descriptor. */
class Cursor {
  private buf: Buffer = Buffer.alloc(0);
  private bufStart = 0;
  pos = 0;

  constructor(private readonly fd: number, readonly size: number, private readonly path: string) {}

  truncated(n: number, what: string): ModelFileError {
    return new ModelFileError('gguf/truncated', `${this.path}: truncated GGUF: ${what} at byte ${this.pos} needs ${n} bytes, but the file ends at byte ${this.size}`);
  }

  /** Makes n bytes available at pos; returns their offset inside `buf`. */
  private need(n: number, what: string): number {
    if (n > this.size - this.pos) throw this.truncated(n, what);
    const end = this.pos + n;
    if (this.pos < this.bufStart || end > this.bufStart + this.buf.length) {
      const len = Math.min(Math.max(n, CHUNK), this.size - this.pos);
      const b = Buffer.allocUnsafe(len);
      let got = 0;
      while (got < len) {
        const r = readSync(this.fd, b, got, len - got, this.pos + got);
        if (r === 0) throw this.truncated(n, what);
        got += r;
      }
      this.buf = b;
      this.bufStart = this.pos;
    }
    return this.pos - this.bufStart;
  }

  u32(what: string): number {
    const o = this.need(4, what);
    this.pos += 4;
    return this.buf.readUInt32LE(o);
  }

  u64(what: string): bigint {
    const o = this.need(8, what);
    this.pos += 8;
    return this.buf.readBigUInt64LE(o);
  }

  /** A u64 that must fit `max`; `what` names it in the error. */
  count(what: string, max: number): number {
    const v = this.u64(what);
    if (v > BigInt(max)) throw new ModelFileError('gguf/limit', `${this.path}: ${what} is ${v} at byte ${this.pos - 8}, more than the limit ${max} (not a sane GGUF file)`);
    return Number(v);
  }

  str(what: string, max: number): string {
    const at = this.pos;
    const n = this.count(`${what} length`, max);
    if (n > this.size - this.pos) {
      this.pos = at;
      throw new ModelFileError('gguf/truncated', `${this.path}: truncated GGUF: ${what} at byte ${at} claims ${n} bytes, but the file ends at byte ${this.size}`);
    }
    const o = this.need(n, what);
    this.pos += n;
    return this.buf.toString('utf8', o, o + n);
  }

  scalar(t: ScalarType, what: string): ScalarValue {
    if (t === 'string') return this.str(what, GgufLimits.stringBytes);
    const size = scalarSize(t) as number;
    const o = this.need(size, what);
    this.pos += size;
    const b = this.buf;
    switch (t) {
      case 'u8': return b.readUInt8(o);
      case 'i8': return b.readInt8(o);
      case 'u16': return b.readUInt16LE(o);
      case 'i16': return b.readInt16LE(o);
      case 'u32': return b.readUInt32LE(o);
      case 'i32': return b.readInt32LE(o);
      case 'f32': return b.readFloatLE(o);
      case 'f64': return b.readDoubleLE(o);
      case 'bool': return b.readUInt8(o) !== 0;
      case 'u64': return b.readBigUInt64LE(o);
      case 'i64': return b.readBigInt64LE(o);
    }
  }

  bytes(at: number, n: number, what: string): Buffer {
    this.pos = at;
    const o = this.need(n, what);
    return Buffer.from(this.buf.subarray(o, o + n));
  }
}

function badValue(path: string, message: string): ModelFileError {
  return new ModelFileError('gguf/bad-value', `${path}: ${message}`);
}

function readValue(c: Cursor, path: string, key: string): GgufValue {
  const typeAt = c.pos;
  const typeId = c.u32(`type of "${key}"`);
  const t = valueTypeName(typeId);
  if (t === undefined) throw badValue(path, `metadata "${key}" has unknown value type ${typeId} at byte ${typeAt}`);
  if (t !== 'array') return { type: t, value: c.scalar(t, `value of "${key}"`) } as GgufValue;
  const itemId = c.u32(`item type of "${key}"`);
  const item = valueTypeName(itemId);
  if (item === undefined || item === 'array') throw badValue(path, `metadata "${key}" is an array of ${item === 'array' ? 'arrays (not supported)' : `unknown type ${itemId}`}`);
  const minItem = scalarSize(item) ?? 8; // a string is at least its u64 length
  const n = c.count(`item count of "${key}"`, GgufLimits.arrayItems);
  if (n * minItem > c.size - c.pos) throw c.truncated(n * minItem, `${n} items of "${key}"`);
  const out: ScalarValue[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = c.scalar(item, `item ${i} of "${key}"`);
  return { type: 'array', itemType: item, value: out };
}

/** Reads the metadata and tensor index of a GGUF file; throws ModelFileError on any defect. */
export function readGguf(path: string): GgufFile {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ModelFileError('file/unreadable', `${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code ?? String(e)})`);
  }
  try {
    const size = fstatSync(fd).size;
    const c = new Cursor(fd, size, path);
    if (size < 4 || c.u32('magic') !== GGUF_MAGIC) throw new ModelFileError('gguf/not-gguf', `${path}: not a GGUF file (it does not start with "GGUF")`);
    const version = c.u32('version');
    if (version !== 2 && version !== 3) throw new ModelFileError('gguf/unsupported-version', `${path}: GGUF version ${version} is not supported (expected 3, or 2)`);
    const nTensors = c.count('tensor count', GgufLimits.tensors);
    const nKv = c.count('metadata count', GgufLimits.kvs);

    const metadata = new Map<string, GgufValue>();
    for (let i = 0; i < nKv; i++) {
      const key = c.str(`key of metadata entry ${i}`, GgufLimits.keyBytes);
      if (metadata.has(key)) throw badValue(path, `metadata key "${key}" appears twice`);
      metadata.set(key, readValue(c, path, key));
    }
    const alignValue = metadata.get('general.alignment');
    let alignment = GGUF_DEFAULT_ALIGNMENT;
    if (alignValue !== undefined) {
      if (alignValue.type !== 'u32' || alignValue.value === 0 || (alignValue.value & (alignValue.value - 1)) !== 0) {
        throw badValue(path, `general.alignment must be a power-of-two u32, got ${String(alignValue.value)}`);
      }
      alignment = alignValue.value;
    }

    const tensors: GgufTensorInfo[] = [];
    const tensorByName = new Map<string, GgufTensorInfo>();
    for (let i = 0; i < nTensors; i++) {
      const name = c.str(`name of tensor ${i}`, GgufLimits.keyBytes);
      if (tensorByName.has(name)) throw badValue(path, `tensor "${name}" appears twice`);
      const nDims = c.u32(`dimension count of tensor "${name}"`);
      if (nDims < 1 || nDims > GgufLimits.dims) throw badValue(path, `tensor "${name}" has ${nDims} dimensions (expected 1-${GgufLimits.dims})`);
      const ne: number[] = [];
      for (let d = 0; d < nDims; d++) ne.push(c.count(`dimension ${d} of tensor "${name}"`, 2 ** 40));
      const type = c.u32(`type of tensor "${name}"`);
      const offset = c.count(`offset of tensor "${name}"`, Number.MAX_SAFE_INTEGER);
      const sized = tensorByteSize(type, ne);
      if ('problem' in sized) throw badValue(path, `tensor "${name}" (${ggmlTypeName(type)} [${ne.join(', ')}]): ${sized.problem}`);
      if (offset % alignment !== 0) throw badValue(path, `tensor "${name}" starts at data offset ${offset}, not a multiple of the alignment ${alignment}`);
      const t: GgufTensorInfo = { name, ne, type, offset, byteSize: sized.bytes };
      tensors.push(t);
      tensorByName.set(name, t);
    }
    const dataOffset = Math.ceil(c.pos / alignment) * alignment;
    for (const t of tensors) {
      const end = dataOffset + t.offset + t.byteSize;
      if (end > size) {
        throw new ModelFileError('gguf/truncated', `${path}: truncated GGUF: tensor "${t.name}" needs bytes up to ${end}, but the file ends at byte ${size}`);
      }
    }
    return { path, version, fileSize: size, metadata, tensors, tensorByName, alignment, dataOffset };
  } finally {
    closeSync(fd);
  }
}

/** The bytes of one tensor (use for small tensors: norms, biases, adapter matrices). */
export function readTensorBytes(file: GgufFile, tensor: GgufTensorInfo): Buffer {
  let fd: number;
  try {
    fd = openSync(file.path, 'r');
  } catch (e) {
    throw new ModelFileError('file/unreadable', `${file.path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    const c = new Cursor(fd, fstatSync(fd).size, file.path);
    return c.bytes(file.dataOffset + tensor.offset, tensor.byteSize, `data of tensor "${tensor.name}"`);
  } finally {
    closeSync(fd);
  }
}
