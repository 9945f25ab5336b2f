import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GgmlType } from './ggml-types.ts';
import { readGguf, readTensorBytes } from './gguf-reader.ts';
import { tensorFromBytes, writeGguf } from './gguf-writer.ts';
import type { GgufValue } from './gguf-value.ts';
import { ModelFileError } from './model-file-error.ts';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'gguf-reader-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const metadata: [string, GgufValue][] = [
  ['general.architecture', { type: 'string', value: 'qwen2' }],
  ['t.u8', { type: 'u8', value: 200 }], ['t.i8', { type: 'i8', value: -5 }],
  ['t.u16', { type: 'u16', value: 60000 }], ['t.i16', { type: 'i16', value: -300 }],
  ['t.u32', { type: 'u32', value: 4_000_000_000 }], ['t.i32', { type: 'i32', value: -70_000 }],
  ['t.f32', { type: 'f32', value: 0.5 }], ['t.f64', { type: 'f64', value: 1e-300 }],
  ['t.bool', { type: 'bool', value: true }], ['t.u64', { type: 'u64', value: 2n ** 60n }], ['t.i64', { type: 'i64', value: -(2n ** 50n) }],
  ['t.strings', { type: 'array', itemType: 'string', value: ['Ġa', '', 'ünï'] }],
  ['t.ints', { type: 'array', itemType: 'i32', value: [1, -2, 3] }],
  ['t.empty', { type: 'array', itemType: 'string', value: [] }],
];

function sample(path: string): Uint8Array[] {
  const f32 = new Uint8Array(new Float32Array([1, 2, 3]).buffer);
  const q8 = new Uint8Array(34 * 2).map((_, i) => i);
  const q4 = new Uint8Array(18).map((_, i) => 255 - i);
  const f16 = new Uint8Array(64 * 2).map((_, i) => i * 3);
  writeGguf(path, metadata, [
    tensorFromBytes('a.f32', [3], GgmlType.F32, f32),
    tensorFromBytes('b.q8', [32, 2], GgmlType.Q8_0, q8),
    tensorFromBytes('c.q4', [32], GgmlType.Q4_0, q4),
    tensorFromBytes('d.f16', [16, 2, 2], GgmlType.F16, f16),
  ]);
  return [f32, q8, q4, f16];
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof ModelFileError) return e.code;
    throw e;
  }
}

describe('GGUF reader and writer', () => {
  it('round-trip every metadata type and tensor data, 32-byte aligned', () => {
    const path = join(dir, 'sample.gguf');
    const bodies = sample(path);
    const f = readGguf(path);
    expect(f.version).toBe(3);
    for (const [k, v] of metadata) expect(f.metadata.get(k)).toEqual(v);
    expect(f.metadata.get('general.alignment')).toEqual({ type: 'u32', value: 32 });
    expect(f.tensors.map((t) => [t.name, t.ne, t.type])).toEqual([
      ['a.f32', [3], GgmlType.F32], ['b.q8', [32, 2], GgmlType.Q8_0], ['c.q4', [32], GgmlType.Q4_0], ['d.f16', [16, 2, 2], GgmlType.F16],
    ]);
    expect(f.dataOffset % 32).toBe(0);
    f.tensors.forEach((t, i) => {
      expect(t.offset % 32).toBe(0);
      expect(Buffer.from(readTensorBytes(f, t)).equals(Buffer.from(bodies[i] as Uint8Array))).toBe(true);
    });
  });

  it('report every truncation point as a ModelFileError naming the file', () => {
    const path = join(dir, 'full.gguf');
    sample(path);
    const bytes = readFileSync(path);
    const cut = join(dir, 'cut.gguf');
    const codes = new Set<string>();
    for (let n = 0; n < bytes.length; n++) {
      writeFileSync(cut, bytes.subarray(0, n));
      let err: unknown;
      try { readGguf(cut); } catch (e) { err = e; }
      // the last tensor's padding may be cut without losing data; everything before must fail
      if (err === undefined) { expect(n).toBeGreaterThanOrEqual(bytes.length - 31); continue; }
      expect(err).toBeInstanceOf(ModelFileError);
      expect((err as Error).message.startsWith(cut)).toBe(true);
      codes.add((err as ModelFileError).code);
    }
    expect([...codes].sort()).toEqual(['gguf/not-gguf', 'gguf/truncated']);
  });

  it('never crash on garbage after a valid magic, and never allocate what the file cannot hold', () => {
    const path = join(dir, 'garbage.gguf');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(2, 3), (tail, version) => {
        const head = Buffer.alloc(8);
        head.write('GGUF', 0, 'latin1');
        head.writeUInt32LE(version, 4);
        writeFileSync(path, Buffer.concat([head, tail]));
        const code = codeOf(() => readGguf(path));
        expect(code === undefined || code.startsWith('gguf/')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('survive random corruption of a valid file', () => {
    const path = join(dir, 'full2.gguf');
    sample(path);
    const good = readFileSync(path);
    const bad = join(dir, 'flipped.gguf');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), (edits) => {
        const b = Buffer.from(good);
        for (const [i, v] of edits) b[i] = v;
        writeFileSync(bad, b);
        const code = codeOf(() => readGguf(bad));
        expect(code === undefined || code.startsWith('gguf/')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('name what is wrong: missing file, not GGUF, unsupported version, absurd counts', () => {
    expect(codeOf(() => readGguf(join(dir, 'nope.gguf')))).toBe('file/unreadable');
    writeFileSync(join(dir, 'text.gguf'), 'hello world, not a model');
    expect(codeOf(() => readGguf(join(dir, 'text.gguf')))).toBe('gguf/not-gguf');
    const v4 = Buffer.alloc(24);
    v4.write('GGUF', 0, 'latin1');
    v4.writeUInt32LE(4, 4);
    writeFileSync(join(dir, 'v4.gguf'), v4);
    expect(codeOf(() => readGguf(join(dir, 'v4.gguf')))).toBe('gguf/unsupported-version');
    const huge = Buffer.alloc(24);
    huge.write('GGUF', 0, 'latin1');
    huge.writeUInt32LE(3, 4);
    huge.writeBigUInt64LE(2n ** 62n, 8);
    writeFileSync(join(dir, 'huge.gguf'), huge);
    expect(codeOf(() => readGguf(join(dir, 'huge.gguf')))).toBe('gguf/limit');
  });

  it('refuse to write a quantised tensor whose rows are not whole blocks', () => {
    expect(() => writeGguf(join(dir, 'x.gguf'), [], [tensorFromBytes('w', [30], GgmlType.Q8_0, new Uint8Array(34))])).toThrow(/multiple of the Q8_0 block size 32/);
  });
});
