import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  UnitError, formatDistance, formatDuration, formatRate, formatSize, formatTimeOfDay,
  parseDistance, parseDuration, parseRate, parseSize, parseTimeOfDay,
} from './units.ts';

describe('parseDuration', () => {
  it.each([
    ['7d', 7 * 86_400_000_000],
    ['1.5h', 5_400_000_000],
    ['30m', 1_800_000_000],
    ['30min', 1_800_000_000],
    ['45s', 45_000_000],
    ['250ms', 250_000],
    ['10us', 10],
    ['10µs', 10],
    ['0.001s', 1_000],
    [' 2 h ', 7_200_000_000],
    [90, 90_000_000],
    ['90', 90_000_000],
    [0.25, 250_000],
  ] as const)('%s', (input, micros) => {
    expect(parseDuration(input)).toBe(micros);
  });

  it('names the bad value and the accepted forms', () => {
    expect(() => parseDuration('7x')).toThrow(UnitError);
    expect(() => parseDuration('7x')).toThrow(/bad duration "7x": unknown unit "x"; expected .*30m.*bare number of seconds/);
    expect(() => parseDuration('soon')).toThrow(/bad duration "soon"/);
    expect(() => parseDuration(-5)).toThrow(/>= 0/);
    expect(() => parseDuration('0.5us')).toThrow(/whole number of microseconds/);
  });
});

describe('parseSize', () => {
  it.each([
    ['35MB', 35_000_000],
    ['17.6MB', 17_600_000],
    ['256KiB', 262_144],
    ['1.5MiB', 1_572_864],
    ['50kB', 50_000],
    ['50KB', 50_000],
    ['2GB', 2_000_000_000],
    ['1GiB', 1024 ** 3],
    ['1200B', 1200],
    [4096, 4096],
  ] as const)('%s', (input, bytes) => {
    expect(parseSize(input)).toBe(bytes);
  });

  it('rejects bits, fractional bytes and unknown units', () => {
    expect(() => parseSize('50kb')).toThrow(/write B, not b/);
    expect(() => parseSize('1.5B')).toThrow(/whole number of bytes/);
    expect(() => parseSize('3 apples')).toThrow(/bad size "3 apples"/);
  });
});

describe('parseRate', () => {
  it.each([
    ['50kB/s', 50_000],
    ['1.2Mbit/s', 150_000],
    ['250kbit/s', 31_250],
    ['1MiB/s', 1_048_576],
    ['2Mbps', 250_000],
    [1000, 1000],
  ] as const)('%s', (input, bps) => {
    expect(parseRate(input)).toBeCloseTo(bps, 9);
  });

  it('rejects a size without /s', () => {
    expect(() => parseRate('50kB')).toThrow(/bad rate "50kB"/);
  });
});

describe('parseDistance', () => {
  it('reads metres where durations read minutes', () => {
    expect(parseDistance('30m')).toBe(30);
    expect(parseDuration('30m')).toBe(1_800_000_000);
  });

  it.each([
    ['2km', 2000],
    ['50cm', 0.5],
    [12.5, 12.5],
  ] as const)('%s', (input, m) => {
    expect(parseDistance(input)).toBeCloseTo(m, 9);
  });

  it('rejects durations given as distances', () => {
    expect(() => parseDistance('5min')).toThrow(/bad distance "5min": unknown unit "min"/);
  });
});

describe('parseTimeOfDay', () => {
  it('reads HH:MM and HH:MM:SS', () => {
    expect(parseTimeOfDay('22:00')).toBe(22 * 3_600_000_000);
    expect(parseTimeOfDay('6:30')).toBe(6.5 * 3_600_000_000);
    expect(parseTimeOfDay('00:00:01')).toBe(1_000_000);
  });

  it('rejects out-of-range and non-clock values', () => {
    expect(() => parseTimeOfDay('24:00')).toThrow(/out of range/);
    expect(() => parseTimeOfDay('10pm')).toThrow(/expected a time of day HH:MM/);
    expect(() => parseTimeOfDay(1320)).toThrow(/bad time of day 1320/);
  });
});

describe('formatters', () => {
  it('give short exact forms', () => {
    expect(formatDuration(7 * 86_400_000_000)).toBe('7d');
    expect(formatDuration(5_400_000_000)).toBe('90m');
    expect(formatDuration(250_000)).toBe('250ms');
    expect(formatDuration(1_500)).toBe('1.5ms');
    expect(formatDuration(34_800)).toBe('34.8ms');
    expect(formatDuration(1_234_567)).toBe('1234567us');
    expect(formatDuration(1_100_000)).toBe('1.1s');
    expect(formatDuration(0)).toBe('0s');
    expect(formatSize(17_600_000)).toBe('17.6MB');
    expect(formatSize(262_144)).toBe('256KiB');
    expect(formatSize(1_000)).toBe('1kB');
    expect(formatSize(12_345_000)).toBe('12345kB');
    expect(formatSize(12_340_000)).toBe('12.34MB');
    expect(formatSize(1_001)).toBe('1001B');
    expect(formatSize(999)).toBe('999B');
    expect(formatRate(50_000)).toBe('50kB/s');
    expect(formatDistance(2000)).toBe('2km');
    expect(formatDistance(30)).toBe('30m');
    expect(formatTimeOfDay(22 * 3_600_000_000)).toBe('22:00');
    expect(formatTimeOfDay(3_661_000_000)).toBe('01:01:01');
  });

  it('round-trip through the parsers', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 15 }), (us) => parseDuration(formatDuration(us)) === us));
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (b) => parseSize(formatSize(b)) === b));
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 10 }), (b) => parseRate(formatRate(b)) === b));
    fc.assert(fc.property(fc.integer({ min: 0, max: 86_399 }), (s) => parseTimeOfDay(formatTimeOfDay(s * 1e6)) === s * 1e6));
  });
});
