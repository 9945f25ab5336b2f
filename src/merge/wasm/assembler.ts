/**
 * A minimal WebAssembly binary encoder, enough to hand-write a few numeric kernels without a
 * toolchain: LEB128, the type/import/function/export/code sections, and the opcodes the kernels
 * use (scalar i32/f32/f64 and the fixed-width SIMD subset, prefix 0xFD). Bodies are plain byte
 * arrays built from the `op` helpers; structured control flow is written out by the caller.
 * Knows nothing about what the kernels compute.
 */

export function uleb(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  let v = n | 0;
  while (true) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => {
  const b = new TextEncoder().encode(s);
  return [...uleb(b.length), ...b];
};
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

export const T = { i32: 0x7f, f32: 0x7d, f64: 0x7c, v128: 0x7b } as const;
export type ValType = (typeof T)[keyof typeof T];

const simd = (code: number, ...imm: number[]): number[] => [0xfd, ...uleb(code), ...imm];
/** memarg: alignment exponent, offset. */
const mem = (align: number, offset: number): number[] => [...uleb(align), ...uleb(offset)];

/** Instruction encoders. */
export const op = {
  block: [0x02, 0x40], loop: [0x03, 0x40], end: [0x0b],
  br: (d: number) => [0x0c, ...uleb(d)], brIf: (d: number) => [0x0d, ...uleb(d)],
  get: (i: number) => [0x20, ...uleb(i)], set: (i: number) => [0x21, ...uleb(i)], tee: (i: number) => [0x22, ...uleb(i)],
  i32: (v: number) => [0x41, ...sleb(v)],
  f32: (v: number) => { const b = new Uint8Array(new Float32Array([v]).buffer); return [0x43, ...b]; },
  i32Load: (offset = 0) => [0x28, ...mem(2, offset)], i32Store: (offset = 0) => [0x36, ...mem(2, offset)],
  f32Load: (offset = 0) => [0x2a, ...mem(2, offset)], f32Store: (offset = 0) => [0x38, ...mem(2, offset)],
  f64Store: (offset = 0) => [0x39, ...mem(3, offset)],
  i32Eqz: [0x45], i32Eq: [0x46], i32LtU: [0x49], i32GtU: [0x4b], i32LeU: [0x4d], i32GeU: [0x4f],
  i32Add: [0x6a], i32Sub: [0x6b], i32Mul: [0x6c], i32And: [0x71], i32Shl: [0x74], i32ShrU: [0x76],
  f32Add: [0x92], f32Mul: [0x94], f64PromoteF32: [0xbb],
  // SIMD (0xFD prefix)
  v128Load: (offset = 0) => simd(0x00, ...mem(4, offset)), v128Store: (offset = 0) => simd(0x0b, ...mem(4, offset)),
  v128Const0: simd(0x0c, ...new Array<number>(16).fill(0)),
  i32x4Splat: simd(0x11), f32x4Splat: simd(0x13),
  f32x4ExtractLane: (lane: number) => simd(0x1f, lane),
  f32x4Lt: simd(0x43), f32x4Gt: simd(0x44), f32x4Ge: simd(0x46),
  i32x4GeU: simd(0x40), i32x4Eq: simd(0x37), i32x4ShrU: simd(0xad),
  v128AnyTrue: simd(0x53),
  v128And: simd(0x4e), v128Bitselect: simd(0x52),
  f32x4Add: simd(0xe4), f32x4Mul: simd(0xe6), f32x4Div: simd(0xe7), f32x4Max: simd(0xe9),
} as const;

export interface WasmFunction {
  readonly name: string;
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  /** Extra locals after the parameters, in order. */
  readonly locals: readonly ValType[];
  readonly body: readonly number[];
}

/** A module importing memory `env.memory` and exporting `functions` by name. */
export function assemble(functions: readonly WasmFunction[]): Uint8Array {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((p) => [p])), ...vec(f.results.map((r) => [r]))]);
  const imports = vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x01]]); // memory, no maximum, ≥ 1 page
  const funcs = vec(functions.map((_, i) => uleb(i)));
  const exports = vec(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]));
  const codes = vec(functions.map((f) => {
    const groups: number[][] = [];
    for (const t of f.locals) {
      const last = groups[groups.length - 1];
      if (last && last[1] === t) last[0] = (last[0] as number) + 1;
      else groups.push([1, t]);
    }
    const body = [...vec(groups.map(([n, t]) => [...uleb(n as number), t as number])), ...f.body, ...op.end];
    return [...uleb(body.length), ...body];
  }));
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, imports),
    ...section(3, funcs),
    ...section(7, exports),
    ...section(10, codes),
  ]);
}
