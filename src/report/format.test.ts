import { describe, it, expect } from 'vitest';
import { formatBytes, formatCount, formatDuration, formatFixed, formatJoules, formatPercent, formatShare } from './format.ts';

describe('report number formatting', () => {
  it('formats durations in the unit a reader expects', () => {
    expect(formatDuration(null)).toBe('not reached');
    expect(formatDuration(4.2)).toBe('4.2 s');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(750)).toBe('12.5 min');
    expect(formatDuration(3 * 3600 + 1440)).toBe('3.40 h');
    expect(formatDuration(30 * 3600)).toBe('30.0 h');
    expect(formatDuration(2.5 * 86_400)).toBe('2.50 days');
    expect(formatDuration(12 * 86_400)).toBe('12.0 days');
  });

  it('groups thousands and keeps signs right', () => {
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(-1200)).toBe('-1,200');
    expect(formatCount(-0.2)).toBe('0');
    expect(formatFixed(12345.678, 1)).toBe('12,345.7');
    expect(formatFixed(-0.001, 2)).toBe('0.00');
  });

  it('formats bytes (SI), energy and percentages', () => {
    expect(formatBytes(35_000_000)).toBe('35.0 MB');
    expect(formatBytes(9_886_000_000)).toBe('9.89 GB');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatJoules(null)).toBe('not modelled');
    expect(formatJoules(568_000)).toBe('568 kJ');
    expect(formatJoules(3.14159)).toBe('3.14 J');
    expect(formatPercent(0.8421)).toBe('84.2 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatShare(1, 0)).toBe('—');
    expect(formatShare(1, 4)).toBe('25.0 %');
  });
});
