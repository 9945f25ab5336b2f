/**
 * Seeded random weights for synthetic models and adapters, fast enough to write a 1.6 GB file
 * in seconds: the bytes come from an AES-256-CTR keystream (native code, deterministic for a
 * seed), and quantised tensors are made by filling whole blocks with random bytes and then
 * setting each block's f16 scale, so no per-element arithmetic runs in JavaScript. f16/f32 use
 * one masking pass (random sign and mantissa, fixed exponent). A given (seed, purpose) always
 * yields the same bytes. Knows nothing about model shapes or files.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { GgmlType, ggmlTypeName } from './ggml-types.ts';
import { toHalfBits } from './half-float.ts';

export type ByteStream = (out: Uint8Array) => void;

/** A deterministic keystream for `seed` and `purpose` (distinct purposes give independent streams). */
export function seededBytes(seed: string, purpose: string): ByteStream {
  const key = createHash('sha256').update(`gossip-handshake/synth/v1\0${seed}\0${purpose}`).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  let zeros = Buffer.alloc(0);
  return (out) => {
    if (zeros.length < out.length) zeros = Buffer.alloc(out.length);
    out.set(cipher.update(zeros.subarray(0, out.length)));
  };
}

/** n uniform values with mean 0 and standard deviation `sigma`. */
export function uniformValues(stream: ByteStream, n: number, sigma: number): Float32Array {
  const raw = new Uint32Array(n);
  stream(new Uint8Array(raw.buffer));
  const out = new Float32Array(n);
  const width = sigma * Math.sqrt(12);
  for (let i = 0; i < n; i++) out[i] = ((raw[i] as number) / 4294967296 - 0.5) * width;
  return out;
}

/**
 * A `fill` callback producing random weights of `type` with standard deviation ≈ `sigma`
 * (F32, F16, Q8_0, Q4_0). Pieces must be whole blocks, as the GGUF writer guarantees.
 */
export function randomTensorFill(type: number, sigma: number, stream: ByteStream): (piece: Uint8Array) => void {
  switch (type) {
    case GgmlType.Q8_0: {
      // int8 uniform on [-128, 127] has std ≈ 73.9
      const scale = toHalfBits(sigma / 73.9);
      return (piece) => {
        stream(piece);
        for (let b = 0; b < piece.length; b += 34) {
          piece[b] = scale & 0xff;
          piece[b + 1] = scale >>> 8;
        }
      };
    }
    case GgmlType.Q4_0: {
      // nibble − 8 uniform on [-8, 7] has std ≈ 4.61
      const scale = toHalfBits(sigma / 4.61);
      return (piece) => {
        stream(piece);
        for (let b = 0; b < piece.length; b += 18) {
          piece[b] = scale & 0xff;
          piece[b + 1] = scale >>> 8;
        }
      };
    }
    case GgmlType.F16: {
      // |w| uniform-ish in [a, 2a) with a random sign: std ≈ 1.53 a
      const e = Math.round(Math.log2(sigma / 1.53)) + 15;
      const expBits = e << 10;
      return (piece) => {
        stream(piece);
        const h = new Uint16Array(piece.buffer, piece.byteOffset, piece.length >>> 1);
        for (let i = 0; i < h.length; i++) h[i] = ((h[i] as number) & 0x83ff) | expBits;
      };
    }
    case GgmlType.F32: {
      const e = Math.round(Math.log2(sigma / 1.53)) + 127;
      const expBits = e << 23;
      return (piece) => {
        stream(piece);
        const w = new Uint32Array(piece.buffer, piece.byteOffset, piece.length >>> 2);
        for (let i = 0; i < w.length; i++) w[i] = (((w[i] as number) & 0x807fffff) | expBits) >>> 0;
      };
    }
    default:
      throw new RangeError(`random weights of type ${ggmlTypeName(type)} are not supported (use f32, f16, q8_0 or q4_0)`);
  }
}

/** A `fill` callback writing fixed f32 values (norm weights, biases). */
export function f32Fill(values: Float32Array): (piece: Uint8Array) => void {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let at = 0;
  return (piece) => {
    piece.set(bytes.subarray(at, at + piece.length));
    at += piece.length;
  };
}
