/**
 * The WebAssembly SIMD kernels of merging, hand-assembled (see assembler.ts): 4-lane float32
 * arithmetic for the loops that dominate a merge of real-size adapters. All pointers are byte
 * offsets into the imported memory; lengths in floats must be multiples of 4 (16 for `delta`'s
 * fast path) — the caller falls back to the JavaScript kernels otherwise.
 * - delta(b, a, out, m, n, r, scale): out [m × n] = scale · B [m × r] · A [r × n];
 * - rowDots(x, rows, k, v, count, out): out[c · rows + i] = X[i, :] · V[c, :], stored as float64;
 * - histHigh(ptr, n, hist): histogram of the high 16 bits of |x| into 4 interleaved copies;
 *   histLow(ptr, n, h, hist): histogram of the low 16 bits of the entries whose high bits are h
 *   (the two levels of the radix select of top-k);
 * - trimBelow(ptr, nbytes, bits): zero entries whose |x| bit pattern is below `bits`;
 * - disjoint(table, K, weights, nbytes, out): the TIES sign election and disjoint mean over K
 *   tensors whose pointers are in `table` (i32 × K), weights f32 × K.
 * Accumulation is float32 (relative error ~1e-6 on these lengths). Knows nothing about LoRA.
 */
import { assemble, op, T, type WasmFunction } from './assembler.ts';

/** block; loop; if !(cond) break; body; continue; end; end */
function whileLoop(cond: number[], body: number[]): number[] {
  return [...op.block, ...op.loop, ...cond, ...op.i32Eqz, ...op.brIf(1), ...body, ...op.br(0), ...op.end, ...op.end];
}

const addTo = (local: number, amount: number[]): number[] => [...op.get(local), ...amount, ...op.i32Add, ...op.set(local)];
const inc = (local: number, by: number): number[] => addTo(local, op.i32(by));
/** i32 local <  other local */
const lt = (a: number, b: number): number[] => [...op.get(a), ...op.get(b), ...op.i32LtU];

function deltaKernel(): WasmFunction {
  // params: b 0, a 1, out 2, m 3, n 4, r 5, scale 6 (f32)
  const [b, a, out, m, n, r, scale] = [0, 1, 2, 3, 4, 5, 6];
  // locals: i 7, j 8, t 9, pa 10, pb 11, rowOut 12, nb 13, rowB 14, bt 15, acc 16..19
  const [i, j, t, pa, pb, rowOut, nb, rowB, bt] = [7, 8, 9, 10, 11, 12, 13, 14, 15];
  const acc = [16, 17, 18, 19] as const;
  const loadBt = [...op.get(pb), ...op.f32Load(), ...op.get(scale), ...op.f32Mul, ...op.f32x4Splat, ...op.set(bt)];
  const fma = (q: number) => [...op.get(acc[q] as number), ...op.get(bt), ...op.get(pa), ...op.v128Load(16 * q), ...op.f32x4Mul, ...op.f32x4Add, ...op.set(acc[q] as number)];
  const inner = (lanes: number) => [
    ...acc.slice(0, lanes).flatMap((q) => [...op.v128Const0, ...op.set(q)]),
    ...op.i32(0), ...op.set(t),
    ...op.get(a), ...op.get(j), ...op.i32Add, ...op.set(pa),
    ...op.get(rowB), ...op.set(pb),
    ...whileLoop(lt(t, r), [
      ...loadBt,
      ...[0, 1, 2, 3].slice(0, lanes).flatMap(fma),
      ...addTo(pa, op.get(nb)), ...inc(pb, 4), ...inc(t, 1),
    ]),
    ...[0, 1, 2, 3].slice(0, lanes).flatMap((q) => [...op.get(rowOut), ...op.get(j), ...op.i32Add, ...op.get(acc[q] as number), ...op.v128Store(16 * q)]),
    ...inc(j, 16 * lanes),
  ];
  const body = [
    ...op.get(n), ...op.i32(2), ...op.i32Shl, ...op.set(nb),
    ...op.i32(0), ...op.set(i),
    ...whileLoop(lt(i, m), [
      ...op.get(out), ...op.get(i), ...op.get(nb), ...op.i32Mul, ...op.i32Add, ...op.set(rowOut),
      ...op.get(b), ...op.get(i), ...op.get(r), ...op.i32Mul, ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.set(rowB),
      ...op.i32(0), ...op.set(j),
      ...whileLoop([...op.get(j), ...op.i32(64), ...op.i32Add, ...op.get(nb), ...op.i32LeU], inner(4)),
      ...whileLoop(lt(j, nb), inner(1)),
      ...inc(i, 1),
    ]),
  ];
  return { name: 'delta', params: [T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.f32], results: [], locals: [T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.v128, T.v128, T.v128, T.v128, T.v128], body };
}

/** f32 horizontal sum of a v128 local, promoted to f64, left on the stack. */
const hsum = (v: number): number[] => [
  ...op.get(v), ...op.f32x4ExtractLane(0), ...op.get(v), ...op.f32x4ExtractLane(1), ...op.f32Add,
  ...op.get(v), ...op.f32x4ExtractLane(2), ...op.f32Add, ...op.get(v), ...op.f32x4ExtractLane(3), ...op.f32Add, ...op.f64PromoteF32,
];

function rowDotsKernel(): WasmFunction {
  // params: x 0, rows 1, k 2, v 3, count 4, out 5
  const [x, rows, , v, count, out] = [0, 1, 2, 3, 4, 5];
  // locals: i 6, c 7, jb 8, px 9, kb 10, pv 11..14, xv 15, acc 16..19
  const [i, c, jb, px, kb] = [6, 7, 8, 9, 10];
  const pv = [11, 12, 13, 14] as const;
  const xv = 15;
  const acc = [16, 17, 18, 19] as const;
  const group = (lanes: number) => [
    ...op.get(v), ...op.get(c), ...op.get(kb), ...op.i32Mul, ...op.i32Add, ...op.set(pv[0]),
    ...[1, 2, 3].slice(0, lanes - 1).flatMap((q) => [...op.get(pv[q - 1] as number), ...op.get(kb), ...op.i32Add, ...op.set(pv[q] as number)]),
    ...acc.slice(0, lanes).flatMap((q) => [...op.v128Const0, ...op.set(q)]),
    ...op.i32(0), ...op.set(jb),
    ...whileLoop(lt(jb, kb), [
      ...op.get(px), ...op.get(jb), ...op.i32Add, ...op.v128Load(), ...op.set(xv),
      ...[0, 1, 2, 3].slice(0, lanes).flatMap((q) => [
        ...op.get(acc[q] as number), ...op.get(xv), ...op.get(pv[q] as number), ...op.get(jb), ...op.i32Add, ...op.v128Load(), ...op.f32x4Mul, ...op.f32x4Add, ...op.set(acc[q] as number),
      ]),
      ...inc(jb, 16),
    ]),
    // out[(c + q) · rows + i] (f64)
    ...[0, 1, 2, 3].slice(0, lanes).flatMap((q) => [
      ...op.get(out), ...op.get(c), ...op.i32(q), ...op.i32Add, ...op.get(rows), ...op.i32Mul, ...op.get(i), ...op.i32Add, ...op.i32(3), ...op.i32Shl, ...op.i32Add,
      ...hsum(acc[q] as number), ...op.f64Store(),
    ]),
    ...inc(c, lanes),
  ];
  const body = [
    ...op.get(2), ...op.i32(2), ...op.i32Shl, ...op.set(kb),
    ...op.i32(0), ...op.set(i),
    ...whileLoop(lt(i, rows), [
      ...op.get(x), ...op.get(i), ...op.get(kb), ...op.i32Mul, ...op.i32Add, ...op.set(px),
      ...op.i32(0), ...op.set(c),
      ...whileLoop([...op.get(c), ...op.i32(4), ...op.i32Add, ...op.get(count), ...op.i32LeU], group(4)),
      ...whileLoop(lt(c, count), group(1)),
      ...inc(i, 1),
    ]),
  ];
  return { name: 'rowDots', params: [T.i32, T.i32, T.i32, T.i32, T.i32, T.i32], results: [], locals: [T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.v128, T.v128, T.v128, T.v128, T.v128], body };
}

/** Number of interleaved sub-histograms `histHigh` fills (avoids store-to-load stalls on hot bins). */
export const HIGH_COPIES = 4;

function histHighKernel(): WasmFunction {
  // histHigh(ptr 0, n 1, hist 2): entry i goes to sub-histogram i % 4 (each 32768 u32); n % 4 = 0
  const [ptr, n, hist, p, end] = [0, 1, 2, 3, 4];
  const bump = (lane: number) => [
    ...op.get(hist), ...op.i32(lane * (1 << 15) * 4), ...op.i32Add,
    ...op.get(p), ...op.i32Load(lane * 4), ...op.i32(0x7fffffff), ...op.i32And, ...op.i32(16), ...op.i32ShrU, ...op.i32(2), ...op.i32Shl, ...op.i32Add,
    ...op.tee(5), ...op.get(5), ...op.i32Load(), ...op.i32(1), ...op.i32Add, ...op.i32Store(),
  ];
  const body = [
    ...op.get(ptr), ...op.set(p),
    ...op.get(ptr), ...op.get(n), ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.set(end),
    ...whileLoop(lt(p, end), [...bump(0), ...bump(1), ...bump(2), ...bump(3), ...inc(p, 16)]),
  ];
  return { name: 'histHigh', params: [T.i32, T.i32, T.i32], results: [], locals: [T.i32, T.i32, T.i32], body };
}

function histLowKernel(): WasmFunction {
  // histLow(ptr 0, n 1, h 2, hist 3): SIMD scan for entries whose |x| high bits equal h, then
  // scalar counting of their low 16 bits; n % 4 = 0
  const [ptr, n, h, hist] = [0, 1, 2, 3];
  const [p, end, b, addr, hv, mask] = [4, 5, 6, 7, 8, 9];
  const lane = (i: number) => [
    ...op.get(p), ...op.i32Load(i * 4), ...op.i32(0x7fffffff), ...op.i32And, ...op.set(b),
    ...op.block,
    ...op.get(b), ...op.i32(16), ...op.i32ShrU, ...op.get(h), ...op.i32Eq, ...op.i32Eqz, ...op.brIf(0),
    ...op.get(hist), ...op.get(b), ...op.i32(0xffff), ...op.i32And, ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.set(addr),
    ...op.get(addr), ...op.get(addr), ...op.i32Load(), ...op.i32(1), ...op.i32Add, ...op.i32Store(),
    ...op.end,
  ];
  const body = [
    ...op.get(h), ...op.i32x4Splat, ...op.set(hv),
    ...op.i32(0x7fffffff), ...op.i32x4Splat, ...op.set(mask),
    ...op.get(ptr), ...op.set(p),
    ...op.get(ptr), ...op.get(n), ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.set(end),
    ...whileLoop(lt(p, end), [
      ...op.block,
      ...op.get(p), ...op.v128Load(), ...op.get(mask), ...op.v128And, ...op.i32(16), ...op.i32x4ShrU, ...op.get(hv), ...op.i32x4Eq, ...op.v128AnyTrue,
      ...op.i32Eqz, ...op.brIf(0),
      ...lane(0), ...lane(1), ...lane(2), ...lane(3),
      ...op.end,
      ...inc(p, 16),
    ]),
  ];
  return { name: 'histLow', params: [T.i32, T.i32, T.i32, T.i32], results: [], locals: [T.i32, T.i32, T.i32, T.i32, T.v128, T.v128], body };
}

function trimKernel(): WasmFunction {
  // trimBelow(ptr 0, nbytes 1, bits 2); locals: j 3, vT 4, absMask 5, v 6
  const [ptr, nbytes, bits, j, vT, absMask, v] = [0, 1, 2, 3, 4, 5, 6];
  const body = [
    ...op.get(bits), ...op.i32x4Splat, ...op.set(vT),
    ...op.i32(0x7fffffff), ...op.i32x4Splat, ...op.set(absMask),
    ...op.i32(0), ...op.set(j),
    ...whileLoop(lt(j, nbytes), [
      ...op.get(ptr), ...op.get(j), ...op.i32Add, ...op.v128Load(), ...op.set(v),
      ...op.get(ptr), ...op.get(j), ...op.i32Add,
      ...op.get(v), ...op.get(v), ...op.get(absMask), ...op.v128And, ...op.get(vT), ...op.i32x4GeU, ...op.v128And,
      ...op.v128Store(),
      ...inc(j, 16),
    ]),
  ];
  return { name: 'trimBelow', params: [T.i32, T.i32, T.i32], results: [], locals: [T.i32, T.v128, T.v128, T.v128], body };
}

function disjointKernel(): WasmFunction {
  // disjoint(table 0, K 1, weights 2, nbytes 3, out 4)
  const [table, K, weights, nbytes, out] = [0, 1, 2, 3, 4];
  // locals: j 5, k 6, p 7, sum 8, pos 9, acc 10, cnt 11, v 12, agree 13, zero 14, one 15
  const [j, k, p, sum, pos, acc, cnt, v, agree, zero, one] = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
  const taskPtr = [...op.get(table), ...op.get(k), ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.i32Load(), ...op.set(p)];
  const body = [
    ...op.v128Const0, ...op.set(zero),
    ...op.f32(1), ...op.f32x4Splat, ...op.set(one),
    ...op.i32(0), ...op.set(j),
    ...whileLoop(lt(j, nbytes), [
      ...op.get(zero), ...op.set(sum),
      ...op.i32(0), ...op.set(k),
      ...whileLoop(lt(k, K), [
        ...taskPtr,
        ...op.get(sum), ...op.get(p), ...op.get(j), ...op.i32Add, ...op.v128Load(), ...op.f32x4Add, ...op.set(sum),
        ...inc(k, 1),
      ]),
      ...op.get(sum), ...op.get(zero), ...op.f32x4Ge, ...op.set(pos),
      ...op.get(zero), ...op.set(acc), ...op.get(zero), ...op.set(cnt),
      ...op.i32(0), ...op.set(k),
      ...whileLoop(lt(k, K), [
        ...taskPtr,
        ...op.get(p), ...op.get(j), ...op.i32Add, ...op.v128Load(), ...op.set(v),
        ...op.get(v), ...op.get(zero), ...op.f32x4Gt, ...op.get(v), ...op.get(zero), ...op.f32x4Lt, ...op.get(pos), ...op.v128Bitselect, ...op.set(agree),
        ...op.get(acc),
        ...op.get(v), ...op.get(weights), ...op.get(k), ...op.i32(2), ...op.i32Shl, ...op.i32Add, ...op.f32Load(), ...op.f32x4Splat, ...op.f32x4Mul,
        ...op.get(agree), ...op.v128And, ...op.f32x4Add, ...op.set(acc),
        ...op.get(cnt), ...op.get(one), ...op.get(agree), ...op.v128And, ...op.f32x4Add, ...op.set(cnt),
        ...inc(k, 1),
      ]),
      ...op.get(out), ...op.get(j), ...op.i32Add,
      ...op.get(acc), ...op.get(cnt), ...op.get(one), ...op.f32x4Max, ...op.f32x4Div,
      ...op.v128Store(),
      ...inc(j, 16),
    ]),
  ];
  return { name: 'disjoint', params: [T.i32, T.i32, T.i32, T.i32, T.i32], results: [], locals: [T.i32, T.i32, T.i32, T.v128, T.v128, T.v128, T.v128, T.v128, T.v128, T.v128, T.v128], body };
}

/** The kernel module's bytes. */
export function simdModuleBytes(): Uint8Array {
  return assemble([deltaKernel(), rowDotsKernel(), histHighKernel(), histLowKernel(), trimKernel(), disjointKernel()]);
}

export interface SimdExports {
  delta(b: number, a: number, out: number, m: number, n: number, r: number, scale: number): void;
  rowDots(x: number, rows: number, k: number, v: number, count: number, out: number): void;
  histHigh(ptr: number, n: number, hist: number): void;
  histLow(ptr: number, n: number, h: number, hist: number): void;
  trimBelow(ptr: number, nbytes: number, bits: number): void;
  disjoint(table: number, K: number, weights: number, nbytes: number, out: number): void;
}
