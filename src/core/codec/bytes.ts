/**
 * Byte-level building blocks for every codec: a growable little-endian writer and a bounds-checked
 * reader. The reader throws `DecodeFailure` internally; codec entry points catch it and return a
 * `Result`, so no untrusted input ever escapes as an exception. Knows no message shapes.
 */
import type { ErrorCode } from '../errors.ts';

const utf8 = new TextEncoder();
const utf8d = new TextDecoder('utf-8', { fatal: true });

export class DecodeFailure {
  constructor(readonly code: ErrorCode, readonly message: string) {}
}

export function fail(code: ErrorCode, message: string): never {
  throw new DecodeFailure(code, message);
}

export class Writer {
  private buf: Uint8Array;
  private view: DataView;
  length = 0;

  constructor(initial = 256) {
    this.buf = new Uint8Array(initial);
    this.view = new DataView(this.buf.buffer);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): this { this.reserve(1); this.buf[this.length++] = v & 0xff; return this; }
  u16(v: number): this { this.reserve(2); this.view.setUint16(this.length, v, true); this.length += 2; return this; }
  u32(v: number): this { this.reserve(4); this.view.setUint32(this.length, v >>> 0, true); this.length += 4; return this; }
  /** Unsigned integer up to 2^53 stored in 8 bytes. */
  u64(v: number): this { this.reserve(8); this.view.setBigUint64(this.length, BigInt(v), true); this.length += 8; return this; }
  f32(v: number): this { this.reserve(4); this.view.setFloat32(this.length, v, true); this.length += 4; return this; }
  raw(bytes: Uint8Array): this { this.reserve(bytes.length); this.buf.set(bytes, this.length); this.length += bytes.length; return this; }
  /** Length-prefixed (u32) bytes. */
  bytes(bytes: Uint8Array): this { return this.u32(bytes.length).raw(bytes); }
  /** Length-prefixed (u16) UTF-8 string. */
  str(s: string): this { const b = utf8.encode(s); return this.u16(b.length).raw(b); }
  /** Fixed 32-byte value from 64 hex chars. */
  hex32(h: string): this { return this.raw(hexToBytes(h, 32)); }

  /** Unsigned LEB128 integer (0 ≤ v ≤ 2^53 − 1), at most 8 bytes; see `varintLength`. */
  varint(v: number): this {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`varint out of range: ${v}`);
    this.reserve(8);
    while (v > 0x7f) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
    return this;
  }

  finish(): Uint8Array { return this.buf.slice(0, this.length); }

  /**
   * The written bytes without a copy (a view of the internal buffer). Use when the writer was
   * sized exactly up front and is dropped afterwards; writing again may overwrite the view.
   */
  take(): Uint8Array { return this.length === this.buf.length ? this.buf : this.buf.subarray(0, this.length); }
}

/** Bytes `Writer.varint(v)` takes. */
export function varintLength(v: number): number {
  let n = 1;
  while (v > 0x7f) { v = Math.floor(v / 0x80); n++; }
  return n;
}

export class Reader {
  private readonly view: DataView;
  pos = 0;

  constructor(readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get remaining(): number { return this.buf.length - this.pos; }

  private need(n: number, what: string): void {
    if (this.pos + n > this.buf.length) fail('decode/truncated', `truncated while reading ${what}`);
  }

  u8(what = 'u8'): number { this.need(1, what); return this.buf[this.pos++]!; }
  u16(what = 'u16'): number { this.need(2, what); const v = this.view.getUint16(this.pos, true); this.pos += 2; return v; }
  u32(what = 'u32'): number { this.need(4, what); const v = this.view.getUint32(this.pos, true); this.pos += 4; return v; }
  u64(what = 'u64'): number {
    this.need(8, what);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) fail('decode/bad-value', `${what} too large`);
    return Number(v);
  }
  f32(what = 'f32'): number { this.need(4, what); const v = this.view.getFloat32(this.pos, true); this.pos += 4; return v; }
  raw(n: number, what = 'bytes'): Uint8Array { this.need(n, what); const v = this.buf.subarray(this.pos, this.pos + n); this.pos += n; return v; }
  bytes(max: number, what = 'bytes'): Uint8Array {
    const n = this.u32(`${what} length`);
    if (n > max) fail('decode/bad-length', `${what} length ${n} exceeds ${max}`);
    return this.raw(n, what);
  }
  str(maxBytes: number, what = 'string'): string {
    const n = this.u16(`${what} length`);
    if (n > maxBytes) fail('decode/bad-length', `${what} length ${n} exceeds ${maxBytes}`);
    const b = this.raw(n, what);
    try {
      return utf8d.decode(b);
    } catch {
      return fail('decode/bad-value', `${what} is not valid UTF-8`);
    }
  }
  hex32(what = 'hash'): string { return bytesToHex(this.raw(32, what)); }
  /** Unsigned LEB128 written by `Writer.varint`: at most 8 bytes, minimal encoding only, ≤ `max`. */
  varint(what = 'varint', max = Number.MAX_SAFE_INTEGER): number {
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.u8(what);
      v += (b & 0x7f) * scale;
      if (b < 0x80) {
        if (b === 0 && i > 0) fail('decode/bad-value', `${what} is not minimally encoded`);
        if (v > max) fail('decode/bad-value', `${what} ${v} exceeds ${max}`);
        return v;
      }
      scale *= 0x80;
    }
    return fail('decode/bad-value', `${what} varint is longer than 8 bytes`);
  }

  end(what = 'message'): void {
    if (this.pos !== this.buf.length) fail('decode/trailing-bytes', `${this.buf.length - this.pos} trailing bytes after ${what}`);
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function bytesToHex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX[b[i]!];
  return s;
}

const NIBBLE = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 10; i++) t[48 + i] = i;
  for (let i = 0; i < 6; i++) t[97 + i] = 10 + i;
  return t;
})();

export function hexToBytes(h: string, expectLength?: number): Uint8Array {
  if (h.length % 2 !== 0) fail('decode/bad-value', `not lower-case hex: ${h.slice(0, 16)}…`);
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) {
    const c1 = h.charCodeAt(2 * i);
    const c2 = h.charCodeAt(2 * i + 1);
    const hi = c1 < 128 ? NIBBLE[c1]! : -1;
    const lo = c2 < 128 ? NIBBLE[c2]! : -1;
    if (hi < 0 || lo < 0) fail('decode/bad-value', `not lower-case hex: ${h.slice(0, 16)}…`);
    out[i] = (hi << 4) | lo;
  }
  if (expectLength !== undefined && out.length !== expectLength) fail('decode/bad-length', `expected ${expectLength} bytes of hex, got ${out.length}`);
  return out;
}

export function isHex(h: unknown, bytes: number): h is string {
  return typeof h === 'string' && h.length === bytes * 2 && /^[0-9a-f]*$/.test(h);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
