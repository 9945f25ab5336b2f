import { describe, expect, it } from 'vitest';
import { Air } from './air.ts';
import { ContactPlayer } from './contact-player.ts';
import { manualScheduler } from './test-scheduler.ts';

describe('contact player', () => {
  it('puts pairs in range during their contacts only, merging overlaps, and reports each change once', () => {
    const s = manualScheduler();
    const air = new Air({ scheduler: s, defaultInRange: false });
    const changes: string[] = [];
    const p = new ContactPlayer(air, s, [
      { a: 'A', b: 'B', from: 1_000_000, to: 3_000_000 },
      { a: 'B', b: 'A', from: 2_000_000, to: 4_000_000 },
      { a: 'B', b: 'C', from: 4_000_000, to: Infinity },
    ], (c) => changes.push(`${c.at / 1e6}s ${c.a}${c.up ? '+' : '-'}${c.b}`));
    p.start(0);
    s.run(500_000);
    expect(air.inRange('A', 'B')).toBe(false);
    s.run(3_500_000);
    expect(air.inRange('A', 'B')).toBe(true); // the second contact still holds
    s.run(10_000_000);
    expect(air.inRange('A', 'B')).toBe(false);
    expect(air.inRange('B', 'C')).toBe(true);
    expect(changes).toEqual(['1s A+B', '4s B-A', '4s B+C']);
  });
});
