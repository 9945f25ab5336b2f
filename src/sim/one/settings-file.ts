/**
 * Reads The ONE's settings files (Java-properties style `key = value` lines, `#`/`!` comment lines,
 * backslash line continuation) into one table where later files override earlier ones, each value
 * remembering the file and line it came from. Also parses The ONE's numbers with `k`/`M`/`G`
 * suffixes and `%%key%%` fill-ins. Knows nothing about what the keys mean.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../../cli/user-error.ts';

export interface SettingValue {
  readonly value: string;
  /** The settings file as the user named it. */
  readonly file: string;
  readonly line: number;
}

export interface OneSettings {
  readonly values: ReadonlyMap<string, SettingValue>;
  /** The files in load order (the last one wins). */
  readonly files: readonly string[];
}

/** Parses the text of one settings file into `values` (later lines override earlier ones). */
export function parseSettingsText(text: string, file: string, values: Map<string, SettingValue> = new Map()): Map<string, SettingValue> {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = (lines[i] ?? '').replace(/^[ \t\f]+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      i++;
      line = line.slice(0, -1) + (lines[i] ?? '').replace(/^[ \t\f]+/, '');
    }
    const sep = line.search(/[=:]/);
    if (sep <= 0) {
      throw new UserError(`${file}:${lineNo}:1: expected "key = value" (The ONE settings syntax), got "${line.trim()}"`);
    }
    const key = line.slice(0, sep).trim();
    if (/\s/.test(key)) {
      throw new UserError(`${file}:${lineNo}:1: a setting key cannot contain spaces: "${key}"`);
    }
    values.set(key, { value: line.slice(sep + 1).trim(), file, line: lineNo });
  }
  return values;
}

/** Reads several settings files; a key in a later file overrides the same key in an earlier one. */
export function readSettingsFiles(paths: readonly string[]): OneSettings {
  if (paths.length === 0) throw new UserError('one run: name at least one settings file');
  const values = new Map<string, SettingValue>();
  for (const p of paths) {
    let text: string;
    try {
      text = readFileSync(p, 'utf8');
    } catch (e) {
      throw new UserError(`${p}: cannot read settings file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    parseSettingsText(text, p, values);
  }
  return { values, files: [...paths] };
}

/** Where a setting came from, for messages: `file:line: key = value`. */
export function describeSetting(key: string, s: SettingValue): string {
  return `${s.file}:${s.line}: ${key} = ${s.value}`;
}

/**
 * The ONE's numeric parsing: a plain decimal, optionally ending in `k` (×1e3), `M` (×1e6) or
 * `G` (×1e9). Returns NaN when the text is not such a number.
 */
export function parseOneNumber(text: string): number {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([kMG]?)$/.exec(text.trim());
  if (m === null) return NaN;
  const mult = m[2] === 'k' ? 1e3 : m[2] === 'M' ? 1e6 : m[2] === 'G' ? 1e9 : 1;
  return Number(m[1]) * mult;
}

/** The ONE's booleans: `true`/`1` and `false`/`0` (case-insensitive); undefined otherwise. */
export function parseOneBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return undefined;
}
