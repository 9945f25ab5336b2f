import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOneBoolean, parseOneNumber, parseSettingsText, readSettingsFiles } from './settings-file.ts';

describe('parseSettingsText', () => {
  it('reads key = value lines, skips comments and blank lines, and remembers where each value came from', () => {
    const v = parseSettingsText('# comment\n! also a comment\n\nScenario.name = micro\n  Group.router=EpidemicRouter  \n', 'a.txt');
    expect(v.get('Scenario.name')).toEqual({ value: 'micro', file: 'a.txt', line: 4 });
    expect(v.get('Group.router')?.value).toBe('EpidemicRouter');
    expect(v.size).toBe(2);
  });
  it('joins backslash-continued lines', () => {
    const v = parseSettingsText('Group.nodeLocation = 10, \\\n   20\n', 'a.txt');
    expect(v.get('Group.nodeLocation')?.value).toBe('10, 20');
  });
  it('lets a later line override an earlier one', () => {
    expect(parseSettingsText('a = 1\na = 2\n', 'x').get('a')?.value).toBe('2');
  });
  it('names file and line for a line that is not key = value', () => {
    expect(() => parseSettingsText('a = 1\njust words\n', 's.txt')).toThrow(/^s\.txt:2:1: expected "key = value"/);
  });
});

describe('readSettingsFiles', () => {
  it('lets later files override earlier ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'one-settings-'));
    writeFileSync(join(dir, 'a.txt'), 'Scenario.name = first\nScenario.endTime = 10\n');
    writeFileSync(join(dir, 'b.txt'), 'Scenario.name = second\n');
    const s = readSettingsFiles([join(dir, 'a.txt'), join(dir, 'b.txt')]);
    expect(s.values.get('Scenario.name')).toMatchObject({ value: 'second', file: join(dir, 'b.txt'), line: 1 });
    expect(s.values.get('Scenario.endTime')?.value).toBe('10');
  });
  it('names a settings file it cannot read', () => {
    expect(() => readSettingsFiles(['/nonexistent/x.txt'])).toThrow(/\/nonexistent\/x\.txt: cannot read settings file \(ENOENT\)/);
  });
});

describe('The ONE number and boolean syntax', () => {
  it('applies k, M and G suffixes (powers of 1000)', () => {
    expect(parseOneNumber('250k')).toBe(250_000);
    expect(parseOneNumber('1G')).toBe(1e9);
    expect(parseOneNumber('1.5M')).toBe(1_500_000);
    expect(parseOneNumber('0.1')).toBe(0.1);
    expect(parseOneNumber('ten')).toBeNaN();
  });
  it('reads true/false and 1/0', () => {
    expect(parseOneBoolean('FALSE')).toBe(false);
    expect(parseOneBoolean('1')).toBe(true);
    expect(parseOneBoolean('maybe')).toBeUndefined();
  });
});
