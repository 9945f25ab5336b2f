import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsvTrace, parseOneTrace, readContactTrace, traceFormatOf } from './index.ts';

// The ONE fixtures, copied into the repository from ../shared/fixtures/the-one (checksums in SHA256SUMS).
const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/the-one');

describe('The ONE CONN reader', () => {
  it('reads times, hosts, states and optional interface ids', () => {
    const text = [
      '# comment',
      '0\tCONN\t0\t1\tup',
      '',
      '0.10 CONN n19 n30 up iface1',
      '12.5 CONN 1 0 down',
      '12.5 CONN 0 1 up',
    ].join('\r\n');
    expect(parseOneTrace(text, 't.txt')).toEqual([
      { at: 0, a: 0, b: 1, up: true },
      { at: 100_000, a: 19, b: 30, up: true },
      { at: 12_500_000, a: 1, b: 0, up: false },
      { at: 12_500_000, a: 0, b: 1, up: true },
    ]);
  });

  it.each([
    ['5 CONN 0 1 up\n3 CONN 0 1 down', 't.txt:2:1: time 3 is before the previous line\'s 5: lines must be sorted by time'],
    ['5 CONN 2 2 up', 't.txt:1:10: self-contact: node 2 cannot connect to itself'],
    ['5 CONN 0 1 sideways', 't.txt:1:12: bad link state "sideways": expected up or down'],
    ['five CONN 0 1 up', 't.txt:1:1: bad time "five": expected seconds >= 0 (e.g. 12.5)'],
    ['5 CONN 0 x up', 't.txt:1:10: bad host "x": expected a node index like 12 or n12'],
    ['5 C M1 0 1 100', 't.txt:1:3: unsupported event "C": only CONN lines are contact events'],
    ['\n\n5 CONN 0', 't.txt:3:8: expected "time CONN a b up|down [interface]", got 3 field(s)'],
    ['5 CONN 0 1 up 1 extra', 't.txt:1:17: unexpected extra field "extra"; expected "time CONN a b up|down [interface]"'],
  ])('rejects %j with a file:line:col error', (text, message) => {
    expect(() => parseOneTrace(text, 't.txt')).toThrow(message);
  });

  it('reads the ONE fixtures (village126: 61,749 CONN lines)', () => {
    const micro = readContactTrace(join(FIXTURES, 'micro/micro_trace.tsv'));
    expect(micro).toEqual([
      { at: 0, a: 0, b: 1, up: true },
      { at: 100_000_000, a: 0, b: 1, up: false },
      { at: 200_000_000, a: 1, b: 2, up: true },
      { at: 1_000_000_000, a: 1, b: 2, up: false },
    ]);
    const village = readContactTrace(join(FIXTURES, 'village126/one-default-126n-12h-connectivity.txt'));
    expect(village.length).toBe(61_749);
    expect(village[0]).toEqual({ at: 100_000, a: 19, b: 30, up: true });
    expect(Math.max(...village.map((e) => Math.max(e.a, e.b)))).toBeLessThan(126);
    // µs times divided by 1e6 give back the exact doubles The ONE parses (needed by the compat mode)
    expect(village.every((e) => Number.isInteger(e.at) && (e.at / 1e6) * 10 === Math.round((e.at / 1e6) * 10))).toBe(true);
  });
});

describe('CSV reader', () => {
  it('reads lines with or without a header, ignoring spaces and comments', () => {
    expect(parseCsvTrace('t,a,b,state\n0,0,1,up\n# x\n1.5, 1 , 0 ,down\n', 'c.csv')).toEqual([
      { at: 0, a: 0, b: 1, up: true },
      { at: 1_500_000, a: 1, b: 0, up: false },
    ]);
    expect(parseCsvTrace('2,3,4,up', 'c.csv')).toEqual([{ at: 2_000_000, a: 3, b: 4, up: true }]);
  });

  it.each([
    ['t,a,b,up\n1,0,1,up\n0.5,0,1,down', 'c.csv:3:1: time 0.5 is before the previous line\'s 1: lines must be sorted by time'],
    ['1,4,4,up', 'c.csv:1:5: self-contact: node 4 cannot connect to itself'],
    ['1,0,1', 'c.csv:1:5: 3 field(s); expected "t,a,b,up|down"'],
    ['1,0,n1,up', 'c.csv:1:5: bad node "n1": expected a node index'],
    ['1,0,1,UP', 'c.csv:1:7: bad link state "UP": expected up or down'],
    ['t,a,b,up\n-1,0,1,up', 'c.csv:2:1: bad time "-1"'],
  ])('rejects %j with a file:line:col error', (text, message) => {
    expect(() => parseCsvTrace(text, 'c.csv')).toThrow(message);
  });
});

describe('readContactTrace', () => {
  it('picks the format from the extension and reports unreadable files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trace-'));
    const csv = join(dir, 'x.csv');
    writeFileSync(csv, '0,0,1,up\n');
    expect(traceFormatOf(csv)).toBe('csv');
    expect(traceFormatOf('x.txt')).toBe('one');
    expect(readContactTrace(csv)).toEqual([{ at: 0, a: 0, b: 1, up: true }]);
    expect(() => readContactTrace(join(dir, 'missing.txt'))).toThrow(/missing.txt: cannot read contact trace \(ENOENT\)/);
  });
});
