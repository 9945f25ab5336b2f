import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { message } from '../../../../test/pair/arbitraries.ts';
import { Writer } from '../bytes.ts';
import { MessageType, PROTOCOL_VERSION } from '../frame.ts';
import { ChunkFlag, decodeMessage, encodeMessage, messageLength, type Message } from './index.ts';

const id = 'ab'.repeat(32);

function frame(type: number, build: (w: Writer) => void): Uint8Array {
  const w = new Writer(64).u8(PROTOCOL_VERSION).u8(type);
  build(w);
  return w.finish();
}

function code(bytes: Uint8Array): string | undefined {
  const r = decodeMessage(bytes);
  return r.ok ? undefined : r.error.code;
}

describe('message codecs', () => {
  it('every message round-trips and its encodingLength is exact', () => {
    fc.assert(fc.property(message, (m) => {
      const bytes = encodeMessage(m);
      expect(bytes.length).toBe(messageLength(m));
      const back = decodeMessage(bytes);
      expect(back).toEqual({ ok: true, value: m });
    }), { numRuns: 3000 });
  });

  it('random bytes, and valid frames mutated, truncated or extended, never throw', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => { decodeMessage(b); }), { numRuns: 5000 });
    fc.assert(fc.property(fc.integer({ min: 1, max: 9 }), fc.uint8Array({ maxLength: 300 }), (t, b) => {
      const r = decodeMessage(Uint8Array.from([PROTOCOL_VERSION, t, ...b]));
      if (!r.ok) expect(r.error.origin).toBe('remote');
    }), { numRuns: 5000 });
    fc.assert(fc.property(message, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.nat(), fc.uint8Array({ maxLength: 8 }), (m, at, v, cut, extra) => {
      const bytes = encodeMessage(m).slice();
      if (bytes.length > 0) bytes[at % bytes.length] = v;
      decodeMessage(bytes);
      decodeMessage(bytes.subarray(0, cut % (bytes.length + 1)));
      decodeMessage(Uint8Array.from([...bytes, ...extra]));
    }), { numRuns: 3000 });
  });

  it('rejects frames with coded errors: version, type, truncation, trailing bytes', () => {
    expect(code(new Uint8Array([]))).toBe('decode/truncated');
    expect(code(new Uint8Array([7, MessageType.DONE]))).toBe('decode/bad-version');
    expect(code(new Uint8Array([PROTOCOL_VERSION, 0x7f]))).toBe('decode/unknown-type');
    expect(code(new Uint8Array([PROTOCOL_VERSION, MessageType.DONE, 0]))).toBe('decode/trailing-bytes');
    expect(code(frame(MessageType.CHUNK_REQUEST, (w) => w.hex32(id)))).toBe('decode/truncated');
  });

  it('enforces bounds: chunk index, varint minimality, proof size, chunk flags', () => {
    expect(code(frame(MessageType.HAVE, (w) => w.hex32(id).varint(1 << 20)))).toBe('decode/bad-value');
    expect(code(frame(MessageType.HAVE, (w) => w.hex32(id).u8(0x85).u8(0x00)))).toBe('decode/bad-value');
    expect(code(frame(MessageType.CHUNK, (w) => w.hex32(id).varint(0).u8(0).u8(33)))).toBe('decode/bad-length');
    expect(code(frame(MessageType.CHUNK, (w) => w.hex32(id).varint(0).u8(0x80).u8(0)))).toBe('decode/bad-value');
    expect(code(frame(MessageType.CHUNK, (w) => w.hex32(id).varint(0).u8(ChunkFlag.VIRTUAL).u8(0).varint(16 * 1024 * 1024 + 1)))).toBe('decode/bad-value');
  });

  it('enforces hello bounds: inventory size, mtu, canonical bitmaps, unique ids', () => {
    const hello = (inv: (w: Writer) => void, mtu = 244) => frame(MessageType.HELLO, (w) => { w.u8(1).u8(1).hex32(id).u16(mtu).varint(1 << 18).varint(4); inv(w); });
    const entry = (w: Writer, eid: string, kind: number, bitmap?: number[]) => {
      w.hex32(eid).hex32(id).str('n').varint(1).str('d').varint(1000).varint(100).u8(kind); // 10 chunks → 2 bitmap bytes
      if (bitmap) for (const b of bitmap) w.u8(b);
    };
    expect(code(hello((w) => w.varint(0)))).toBeUndefined();
    expect(code(hello((w) => w.varint(4097)))).toBe('decode/bad-value');
    expect(code(hello((w) => w.varint(0), 19))).toBe('decode/bad-value');
    expect(code(hello((w) => { w.varint(1); entry(w, id, 2, [0xff, 0x03]); }))).toBeUndefined();
    expect(code(hello((w) => { w.varint(1); entry(w, id, 2, [0xff, 0x07]); }))).toBe('decode/bad-value');
    expect(code(hello((w) => { w.varint(1); entry(w, id, 3); }))).toBe('decode/bad-value');
    expect(code(hello((w) => { w.varint(2); entry(w, id, 1); entry(w, id, 0); }))).toBe('decode/bad-value');
  });

  it('a chunk payload is a view of the frame, not a copy', () => {
    const m: Message = { type: 'chunk', id, index: 3, proof: new Uint8Array(64).fill(1), body: new Uint8Array(1000).fill(9) };
    const bytes = encodeMessage(m);
    const back = decodeMessage(bytes);
    expect(back.ok && back.value.type === 'chunk' && back.value.body instanceof Uint8Array && back.value.body.buffer === bytes.buffer).toBe(true);
  });
});
