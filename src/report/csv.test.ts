import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CsvSyntaxError, formatCsvNumber, parseCsv, toCsv } from './csv.ts';
import { exampleRun } from './example-run.ts';
import { SPREAD_COLUMNS } from './rows.ts';

describe('CSV number format', () => {
  it('prints integers in full and other numbers with at most 6 decimals, trailing zeros trimmed', () => {
    expect(formatCsvNumber(9_886_000_000)).toBe('9886000000');
    expect(formatCsvNumber(0.5)).toBe('0.5');
    expect(formatCsvNumber(1 / 3)).toBe('0.333333');
    expect(formatCsvNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatCsvNumber(2.0000004)).toBe('2');
    expect(formatCsvNumber(-0)).toBe('0');
    expect(formatCsvNumber(-1e-9)).toBe('0');
    expect(formatCsvNumber(1 / 3, 2)).toBe('0.33');
  });

  it('refuses NaN and infinities instead of writing them', () => {
    expect(() => toCsv(['a'], [{ a: Number.NaN }])).toThrow(RangeError);
    expect(() => toCsv(['a'], [{ a: Infinity }])).toThrow(RangeError);
  });
});

describe('CSV writer', () => {
  it('writes a header, one line per row, LF endings and empty fields for null', () => {
    const text = toCsv(['time_s', 'name', 'q'], [{ time_s: 0, name: 'a', q: 0.25 }, { time_s: 60, name: 'b', q: null }]);
    expect(text).toBe('time_s,name,q\n0,a,0.25\n60,b,\n');
  });

  it('quotes fields with commas, quotes and newlines', () => {
    const text = toCsv(['s'], [{ s: 'a,b' }, { s: 'say "hi"' }, { s: 'two\nlines' }]);
    expect(text).toBe('s\n"a,b"\n"say ""hi"""\n"two\nlines"\n');
  });

  it('honours per-column precision', () => {
    expect(toCsv(['a', 'b'], [{ a: 1 / 3, b: 1 / 3 }], { columnDecimals: { a: 1 } })).toBe('a,b\n0.3,0.333333\n');
  });

  it('gives byte-identical output for the same run generated twice', () => {
    expect(toCsv(SPREAD_COLUMNS, exampleRun({ seed: 3 }).spread)).toBe(toCsv(SPREAD_COLUMNS, exampleRun({ seed: 3 }).spread));
    expect(toCsv(SPREAD_COLUMNS, exampleRun({ seed: 3 }).spread)).not.toBe(toCsv(SPREAD_COLUMNS, exampleRun({ seed: 4 }).spread));
  });
});

describe('CSV reader', () => {
  it('round-trips any strings through write and parse', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 20 }), (pairs) => {
      const rows = pairs.map(([a, b]) => ({ a, b }));
      const parsed = parseCsv(toCsv(['a', 'b'], rows));
      expect(parsed.columns).toEqual(['a', 'b']);
      expect(parsed.records).toEqual(rows);
    }));
    fc.assert(fc.property(fc.array(fc.string(), { maxLength: 10 }), (values) => {
      const rows = values.map((a) => ({ a }));
      expect(parseCsv(toCsv(['a'], rows)).records).toEqual(rows);
    }));
  });

  it('accepts CRLF and a byte-order mark, and reports line numbers of bad rows', () => {
    const parsed = parseCsv('\uFEFFa,b\r\n1,2\r\n3,4\r\n');
    expect(parsed.records).toEqual([{ a: '1', b: '2' }, { a: '3', b: '4' }]);
    expect(parsed.lines).toEqual([2, 3]);
    try {
      parseCsv('a,b\n1,2\n"multi\nline",3\n4\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CsvSyntaxError);
      expect((e as CsvSyntaxError).line).toBe(5);
    }
    expect(() => parseCsv('a\n"open\n')).toThrow(/unterminated/);
    expect(() => parseCsv('')).toThrow(CsvSyntaxError);
    expect(parseCsv('a,b\n\n1,2\n\n').records).toEqual([{ a: '1', b: '2' }]);
  });
});
