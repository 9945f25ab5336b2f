import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FragmentFlag, Reassembler, fragment, fragmentCount, fragmentedLength } from './fragment.ts';

describe('fragmentation', () => {
  it('splits any frame into packets of at most mtu bytes that reassemble to the same frame', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 5000 }), fc.integer({ min: 20, max: 512 }), (frame, mtu) => {
      const packets = fragment(frame, mtu);
      expect(packets.length).toBe(fragmentCount(frame.length, mtu));
      expect(packets.reduce((n, p) => n + p.length, 0)).toBe(fragmentedLength(frame.length, mtu));
      const r = new Reassembler({ maxFrame: 5000, mtu });
      let out: Uint8Array | undefined;
      packets.forEach((p, i) => {
        expect(p.length).toBeLessThanOrEqual(mtu);
        const res = r.push(p);
        expect(res.ok).toBe(true);
        if (res.ok && i < packets.length - 1) expect(res.value).toBeUndefined();
        if (res.ok) out = res.value;
      });
      expect(out).toEqual(frame);
      expect(r.pending).toBe(false);
    }), { numRuns: 500 });
  });

  it('costs one header byte per packet plus the length varint once', () => {
    expect(fragmentCount(243 - 2, 244)).toBe(1);
    expect(fragmentCount(262_500, 244)).toBe(Math.ceil((262_500 - (244 - 1 - 3)) / 243) + 1);
    expect(fragmentedLength(262_500, 244)).toBe(262_500 + fragmentCount(262_500, 244) + 3);
  });

  it('rejects continuation without start, overrun, oversized totals, a second start and unknown flags', () => {
    const codeOf = (r: Reassembler, p: number[]) => { const x = r.push(Uint8Array.from(p)); return x.ok ? 'ok' : x.error.code; };
    const r = new Reassembler({ maxFrame: 100 });
    expect(codeOf(r, [0, 1, 2])).toBe('frame/bad-fragment');
    expect(codeOf(r, [FragmentFlag.START, 101, 1])).toBe('frame/too-large');
    expect(codeOf(r, [FragmentFlag.START, 4, 1, 2])).toBe('ok');
    expect(codeOf(r, [0, 3, 4, 5])).toBe('frame/bad-fragment');
    expect(r.pending).toBe(false);
    expect(codeOf(r, [FragmentFlag.START, 4, 1, 2])).toBe('ok');
    expect(codeOf(r, [FragmentFlag.START, 4, 1, 2])).toBe('frame/bad-fragment');
    expect(codeOf(r, [0x02, 1, 1])).toBe('frame/bad-fragment');
    expect(codeOf(r, [FragmentFlag.START, 0, 1])).toBe('frame/bad-fragment');
    expect(codeOf(r, [FragmentFlag.START, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 1])).toBe('frame/bad-fragment');
    expect(codeOf(new Reassembler({ maxFrame: 100, mtu: 20 }), [FragmentFlag.START, 30, ...new Array(30).fill(0)])).toBe('frame/bad-fragment');
  });

  it('random packets never throw', () => {
    const r = new Reassembler({ maxFrame: 1 << 16, mtu: 244 });
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), (ps) => { for (const p of ps) r.push(p); }), { numRuns: 2000 });
  });
});
