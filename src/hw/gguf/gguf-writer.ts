/**
 * Streaming GGUF v3 writer: encodes the header, metadata and tensor index, then streams every
 * tensor's bytes in pieces of at most ~8 MiB produced by the tensor's `fill` callback, so a
 * 1.6 GB model is written without holding it in memory. Written to a temporary file and renamed
 * into place, so a crash never leaves a torn GGUF at the target path. Tensors are laid out in
 * the order given, each aligned to `general.alignment` (32). Knows nothing about models.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { ggmlLayout, ggmlTypeName, tensorByteSize } from './ggml-types.ts';
import { GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC } from './gguf-reader.ts';
import { GgufValueType, type GgufValue, type ScalarType, type ScalarValue } from './gguf-value.ts';

export interface TensorSource {
  readonly name: string;
  /** Dimensions, ne[0] first (the contiguous, input dimension). */
  readonly ne: readonly number[];
  readonly type: number;
  /**
   * Fills the tensor's bytes piece by piece, in order; every piece is a whole number of blocks
   * (or elements). The pieces together cover the tensor exactly once.
   */
  readonly fill: (piece: Uint8Array) => void;
}

/** A tensor whose bytes are already in memory. */
export function tensorFromBytes(name: string, ne: readonly number[], type: number, bytes: Uint8Array): TensorSource {
  let at = 0;
  return {
    name, ne, type,
    fill: (piece) => {
      piece.set(bytes.subarray(at, at + piece.length));
      at += piece.length;
    },
  };
}

const PIECE = 8 << 20;

/** Growable little-endian buffer for the header. */
class HeaderWriter {
  buf = Buffer.alloc(1 << 16);
  length = 0;

  /** Reserves n bytes and writes them with `write(buffer, offset)` (after any reallocation). */
  private put(n: number, write: (b: Buffer, at: number) => void): void {
    if (this.length + n > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < this.length + n) size *= 2;
      const next = Buffer.alloc(size);
      this.buf.copy(next, 0, 0, this.length);
      this.buf = next;
    }
    write(this.buf, this.length);
    this.length += n;
  }

  u32(v: number): void { this.put(4, (b, at) => b.writeUInt32LE(v >>> 0, at)); }
  u64(v: number | bigint): void { this.put(8, (b, at) => b.writeBigUInt64LE(BigInt(v), at)); }
  str(s: string): void {
    const n = Buffer.byteLength(s, 'utf8');
    this.u64(n);
    this.put(n, (b, at) => b.write(s, at, 'utf8'));
  }

  scalar(t: ScalarType, v: ScalarValue): void {
    const n = Number(v);
    switch (t) {
      case 'u8': return this.put(1, (b, at) => b.writeUInt8(n, at));
      case 'i8': return this.put(1, (b, at) => b.writeInt8(n, at));
      case 'u16': return this.put(2, (b, at) => b.writeUInt16LE(n, at));
      case 'i16': return this.put(2, (b, at) => b.writeInt16LE(n, at));
      case 'u32': return this.put(4, (b, at) => b.writeUInt32LE(n, at));
      case 'i32': return this.put(4, (b, at) => b.writeInt32LE(n, at));
      case 'f32': return this.put(4, (b, at) => b.writeFloatLE(n, at));
      case 'f64': return this.put(8, (b, at) => b.writeDoubleLE(n, at));
      case 'bool': return this.put(1, (b, at) => b.writeUInt8(v ? 1 : 0, at));
      case 'u64': return this.put(8, (b, at) => b.writeBigUInt64LE(BigInt(v as number | bigint), at));
      case 'i64': return this.put(8, (b, at) => b.writeBigInt64LE(BigInt(v as number | bigint), at));
      case 'string': return this.str(String(v));
    }
  }

  value(v: GgufValue): void {
    this.u32(GgufValueType[v.type]);
    if (v.type !== 'array') {
      this.scalar(v.type, v.value);
      return;
    }
    this.u32(GgufValueType[v.itemType]);
    this.u64(v.value.length);
    for (const x of v.value) this.scalar(v.itemType, x);
  }
}

/** Encodes one metadata value the way GGUF stores it (type id + payload), e.g. for hashing. */
export function encodeGgufValue(v: GgufValue): Buffer {
  const w = new HeaderWriter();
  w.value(v);
  return w.buf.subarray(0, w.length);
}

const alignUp = (n: number, a: number) => Math.ceil(n / a) * a;

/** Writes a GGUF v3 file; returns its size in bytes. */
export function writeGguf(path: string, metadata: ReadonlyArray<readonly [string, GgufValue]>, tensors: readonly TensorSource[]): number {
  const alignment = GGUF_DEFAULT_ALIGNMENT;
  const sizes = tensors.map((t) => {
    const s = tensorByteSize(t.type, t.ne);
    if ('problem' in s) throw new RangeError(`tensor ${t.name} (${ggmlTypeName(t.type)} [${t.ne.join(', ')}]): ${s.problem}`);
    return s.bytes;
  });
  const h = new HeaderWriter();
  h.u32(GGUF_MAGIC);
  h.u32(3);
  h.u64(tensors.length);
  h.u64(metadata.length + 1);
  h.str('general.alignment');
  h.value({ type: 'u32', value: alignment });
  for (const [k, v] of metadata) {
    if (k === 'general.alignment') throw new RangeError('general.alignment is set by the writer');
    h.str(k);
    h.value(v);
  }
  let offset = 0;
  tensors.forEach((t, i) => {
    h.str(t.name);
    h.u32(t.ne.length);
    for (const d of t.ne) h.u64(d);
    h.u32(t.type);
    h.u64(offset);
    offset = alignUp(offset + (sizes[i] as number), alignment);
  });
  const headerLength = alignUp(h.length, alignment);

  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  let pos = 0;
  const write = (b: Uint8Array) => {
    let done = 0;
    while (done < b.length) done += writeSync(fd, b, done, b.length - done, pos + done);
    pos += b.length;
  };
  try {
    write(h.buf.subarray(0, h.length));
    write(new Uint8Array(headerLength - h.length));
    const piece = new Uint8Array(PIECE);
    tensors.forEach((t, i) => {
      const total = sizes[i] as number;
      const blockBytes = ggmlLayout(t.type)?.bytes ?? 1;
      const step = Math.max(blockBytes, Math.floor(PIECE / blockBytes) * blockBytes);
      for (let done = 0; done < total; done += step) {
        const view = piece.subarray(0, Math.min(step, total - done));
        view.fill(0);
        t.fill(view);
        write(view);
      }
      const pad = alignUp(total, alignment) - total;
      if (pad > 0) write(new Uint8Array(pad));
    });
    closeSync(fd);
    renameSync(tmp, path);
  } catch (e) {
    try { closeSync(fd); } catch { /* already closed */ }
    rmSync(tmp, { force: true });
    throw e;
  }
  return pos;
}
