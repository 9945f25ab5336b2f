import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EV_CREATE, EV_DOWN, EV_UP, MessageTableBuilder, mergeEventLists, parseEventsText } from './events-file.ts';

const parse = (text: string, nHosts = 10, msgs = new MessageTableBuilder()) => parseEventsText(text, 'ev.txt', nHosts, msgs);

describe('parseEventsText', () => {
  it('reads CONN lines with spaces or tabs, named or numeric hosts, optional interface; skips # and blank lines', () => {
    const ev = parse('# trace\n0.10\tCONN\t1\t2\tup\n\n  5 CONN n3 n1 down 1\r\n');
    expect(ev.count).toBe(2);
    expect([...ev.time.subarray(0, 2)]).toEqual([0.1, 5]);
    expect([...ev.kind.subarray(0, 2)]).toEqual([EV_UP, EV_DOWN]);
    expect([ev.a[1], ev.b[1]]).toEqual([3, 1]);
  });
  it('parses times exactly like a correctly rounded decimal parser', () => {
    const times = ['0.10', '622.4', '1234.39999999999', '1e3', '7.', '.5', '123456789012345678.5'];
    const ev = parse(times.map((t) => `${t} CONN 0 1 up`).sort((x, y) => Number(x.split(' ')[0]) - Number(y.split(' ')[0])).join('\n'));
    expect([...ev.time.subarray(0, ev.count)]).toEqual(times.map(Number).sort((x, y) => x - y));
  });
  it('reads any spacing, naming and line-ending variant of CONN lines to the same values', () => {
    const sep = fc.constantFrom(' ', '\t', '  ', ' \t ');
    const host = fc.tuple(fc.nat(9), fc.constantFrom('', 'n', 'host')).map(([h, p]) => [h, `${p}${h}`] as const);
    const line = fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.constantFrom(0, 1, 2), host, host, fc.boolean(), sep, sep, fc.constantFrom('', ' 1', '\tbt'), fc.constantFrom('\n', '\r\n', ' \n'));
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (ls) => {
      const value = (t: number, d: number) => Number((t / 10 ** d).toFixed(d));
      const sorted = [...ls].sort((x, y) => value(x[0], x[1]) - value(y[0], y[1]));
      const text = sorted.map(([t, d, [, ha], [, hb], up, s1, s2, iface, eol]) =>
        `${d === 0 ? t : (t / 10 ** d).toFixed(d)}${s1}CONN${s2}${ha}${s1}${hb}${s2}${up ? 'up' : 'down'}${iface}${eol}`).join('');
      const ev = parse(text);
      expect(ev.count).toBe(sorted.length);
      sorted.forEach(([t, d, [a], [b], up], i) => {
        expect(ev.time[i]).toBe(value(t, d));
        expect([ev.a[i], ev.b[i], ev.kind[i]]).toEqual([a, b, up ? EV_UP : EV_DOWN]);
      });
    }));
  });
  it('reads message lines into the message table', () => {
    const msgs = new MessageTableBuilder();
    const ev = parse('10\tC\tM1\t0\t2\t5000000\n20 C M2 n0 n2 20000000 0\n', 3, msgs);
    expect(ev.kind[0]).toBe(EV_CREATE);
    expect(ev.b[1]).toBe(1);
    expect(msgs).toMatchObject({ ids: ['M1', 'M2'], from: [0, 0], to: [2, 2], size: [5000000, 20000000] });
  });
  it('reports bad lines as file:line:col', () => {
    expect(() => parse('1 CONN 0 1 up\n2 CONN 0 N1 up\n')).toThrow(/^ev\.txt:2:10: invalid host 'N1'/);
    expect(() => parse('1 CONN 0 1 sideways\n')).toThrow(/^ev\.txt:1:12: expected up or down/);
    expect(() => parse('1 CONN 0 12 up\n')).toThrow(/^ev\.txt:1:10: host 12 does not exist/);
    expect(() => parse('abc CONN 0 1 up\n')).toThrow(/^ev\.txt:1:1: invalid time 'abc'/);
    expect(() => parse('5 CONN 0 1 up\n4 CONN 0 1 down\n')).toThrow(/^ev\.txt:2:1: events must be sorted by time/);
    expect(() => parse('5 DE 0 1 M1\n')).toThrow(/^ev\.txt:1:3: action 'DE' is not supported in ONE-compatible mode \(supported: CONN, C\)/);
    expect(() => parse('5 C M1 0 1 -3\n')).toThrow(/^ev\.txt:1:12: invalid message size/);
    expect(() => parse('5 C M1 0 1 100 50\n')).toThrow(/response messages/);
    expect(() => parse('5 C M1 0 1 100\n6 C M1 1 0 100\n')).toThrow(/^ev\.txt:2: message id M1 was already created at ev\.txt:1/);
  });
});

describe('mergeEventLists', () => {
  it('orders by time, earlier file first at equal times, file order within a file', () => {
    const msgs = new MessageTableBuilder();
    const trace = parseEventsText('1 CONN 0 1 up\n2 CONN 0 1 down\n2 CONN 1 2 up\n', 't', 3, msgs);
    const messages = parseEventsText('0.5 C A 0 1 1\n2 C B 1 2 1\n', 'm', 3, msgs);
    const merged = mergeEventLists([trace, messages]);
    expect([...merged.time]).toEqual([0.5, 1, 2, 2, 2]);
    expect([...merged.kind]).toEqual([EV_CREATE, EV_UP, EV_DOWN, EV_UP, EV_CREATE]);
  });
  it('equals a stable sort by (time, file) for any sorted files', () => {
    const file = fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 }).map((ts) => ts.sort((x, y) => x - y));
    fc.assert(fc.property(fc.array(file, { minLength: 1, maxLength: 4 }), (files) => {
      const msgs = new MessageTableBuilder();
      const lists = files.map((ts, f) => parseEventsText(ts.map((t, i) => `${t} CONN ${f} ${i % 9} up`).join('\n'), `f${f}`, 10, msgs));
      const merged = mergeEventLists(lists);
      const want = files.flatMap((ts, f) => ts.map((t, i) => [t, f, i % 9] as const)).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      expect(merged.count).toBe(want.length);
      expect([...merged.time.subarray(0, merged.count)]).toEqual(want.map((w) => w[0]));
      expect([...merged.a.subarray(0, merged.count)]).toEqual(want.map((w) => w[1]));
      expect([...merged.b.subarray(0, merged.count)]).toEqual(want.map((w) => w[2]));
    }));
  });
});
