import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { HostSet } from './host-set.ts';

describe('HostSet', () => {
  it('walks its members in ascending order across word boundaries', () => {
    const s = new HostSet(130);
    for (const i of [129, 0, 31, 32, 64, 5]) s.add(i);
    const seen: number[] = [];
    for (let i = s.next(0); i >= 0; i = s.next(i + 1)) seen.push(i);
    expect(seen).toEqual([0, 5, 31, 32, 64, 129]);
    expect(s.size).toBe(6);
  });
  it('behaves like a sorted Set under random adds and deletes', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(199))), (ops) => {
      const s = new HostSet(200);
      const ref = new Set<number>();
      for (const [add, i] of ops) {
        if (add) { s.add(i); ref.add(i); } else { s.delete(i); ref.delete(i); }
      }
      const seen: number[] = [];
      for (let i = s.next(0); i >= 0; i = s.next(i + 1)) seen.push(i);
      expect(seen).toEqual([...ref].sort((a, b) => a - b));
      expect(s.size).toBe(ref.size);
    }));
  });
});
