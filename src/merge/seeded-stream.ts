/**
 * Fast seeded random numbers for DARE keep-masks and randomized SVD test matrices: xoshiro128**
 * (32-bit integer arithmetic only, a few nanoseconds per draw), seeded from SHA-256 of
 * (seed, purpose). Every (seed, purpose) pair gives its own stream, so the mask of one tensor
 * never depends on the order in which tensors are merged, nor on how many draws another tensor
 * took. Pure: no global state, hashing through node:crypto. Knows nothing about LoRA.
 */
import { createHash } from 'node:crypto';

export interface SeededStream {
  /** Uniform 32-bit unsigned integer. */
  nextU32(): number;
  /** Fills `out` with the next out.length values of `nextU32` (fast path for masks). */
  fillU32(out: Uint32Array): void;
  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** Standard normal (Box–Muller, two draws per value). */
  normal(): number;
}

/** A stream for `seed` and `purpose` (e.g. `dare/blk.3.attn_q.weight/adapter 2`). */
export function seededStream(seed: string, purpose: string): SeededStream {
  const h = createHash('sha256').update(`gossip-handshake/merge/v1\0${seed}\0${purpose}`).digest();
  let s0 = h.readUInt32LE(0) | 0;
  let s1 = h.readUInt32LE(4) | 0;
  let s2 = h.readUInt32LE(8) | 0;
  let s3 = h.readUInt32LE(12) | 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  const nextU32 = (): number => {
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return r >>> 0;
  };
  const next = (): number => nextU32() / 4294967296;
  const fillU32 = (out: Uint32Array): void => {
    // the same recurrence on locals (closure variables are slow in a hot loop)
    let a = s0, b = s1, c = s2, d = s3;
    for (let i = 0; i < out.length; i++) {
      const m = Math.imul(b, 5);
      out[i] = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
    }
    s0 = a; s1 = b; s2 = c; s3 = d;
  };
  return {
    nextU32,
    fillU32,
    next,
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
