/**
 * Units for scenario files: parse human quantities into the simulator's integer/SI values and format
 * them back (the formatters give the shortest exact form, used to write resolved scenarios).
 *
 * - durations `7d`, `1.5h`, `30m`, `45s`, `250ms`, `10us` → Micros (integer); bare number = seconds
 * - sizes `35MB`, `17.6MB`, `256KiB`, `50kB`, `1200B` → bytes (integer); k/M/G = 1000^n,
 *   Ki/Mi/Gi = 1024^n; bare number = bytes
 * - rates `50kB/s`, `1.2Mbit/s`, `250kbit/s` → bytes per second; bare number = bytes per second
 * - distances `2km`, `30m`, `50cm` → metres; bare number = metres
 * - times of day `22:00`, `06:30:15` → Micros since midnight
 *
 * Note that `30m` is 30 minutes as a duration and 30 metres as a distance: the schema decides which
 * parser reads which field. Errors are `UnitError`s whose message names the bad value and the
 * accepted forms. Knows nothing about scenarios or YAML.
 */
import type { Micros } from '../core/types.ts';

export class UnitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnitError';
  }
}

const DURATION_UNITS: Record<string, number> = {
  us: 1, 'µs': 1, ms: 1_000, s: 1_000_000, m: 60_000_000, min: 60_000_000, h: 3_600_000_000, d: 86_400_000_000,
};
const SIZE_UNITS: Record<string, number> = {
  B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3,
};
const BIT_UNITS: Record<string, number> = { bit: 1 / 8, kbit: 1e3 / 8, Mbit: 1e6 / 8, Gbit: 1e9 / 8 };
const BPS_ALIASES: Record<string, number> = { bps: 1 / 8, kbps: 1e3 / 8, Mbps: 1e6 / 8, Gbps: 1e9 / 8 };
const DISTANCE_UNITS: Record<string, number> = { mm: 0.001, cm: 0.01, m: 1, km: 1000 };

const FORMS = {
  duration: 'a number with a unit us, ms, s, m (minutes), h or d (e.g. 250ms, 30m, 1.5h, 7d), or a bare number of seconds',
  size: 'a number with a unit B, kB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024) (e.g. 17.6MB, 256KiB), or a bare number of bytes',
  rate: 'a size per second like 50kB/s or 1.5MiB/s, or bits per second like 250kbit/s or 1.2Mbit/s, or a bare number of bytes per second',
  distance: 'a number with a unit m, km or cm (e.g. 30m, 2km), or a bare number of metres',
  timeOfDay: 'a time of day HH:MM or HH:MM:SS between 00:00 and 23:59:59 (e.g. 22:00; quote it in YAML if in doubt)',
} as const;

const QUANTITY = /^([0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\s*([A-Za-zµ/]+)$/;

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** Splits `12.5MB` into [12.5, 'MB'], or returns a bare non-negative number with unit ''. */
function split(v: string | number, kind: keyof typeof FORMS): [number, string] {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) throw new UnitError(`bad ${label(kind)} ${show(v)}: must be a finite number >= 0; expected ${FORMS[kind]}`);
    return [v, ''];
  }
  if (typeof v !== 'string') throw new UnitError(`bad ${label(kind)} ${show(v)}: expected ${FORMS[kind]}`);
  const s = v.trim();
  if (/^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/.test(s)) return [Number(s), ''];
  const m = QUANTITY.exec(s);
  if (!m) throw new UnitError(`bad ${label(kind)} ${show(v)}: expected ${FORMS[kind]}`);
  return [Number(m[1]), m[2] as string];
}

function label(kind: keyof typeof FORMS): string {
  return kind === 'timeOfDay' ? 'time of day' : kind;
}

/** value × factor as an integer, or an error if that is not (close to) a whole number. */
function whole(value: number, factor: number, original: string | number, kind: keyof typeof FORMS, unitName: string): number {
  const x = value * factor;
  const r = Math.round(x);
  if (Math.abs(x - r) > 1e-6 * Math.max(1, Math.abs(x))) {
    throw new UnitError(`bad ${label(kind)} ${show(original)}: not a whole number of ${unitName}`);
  }
  if (!Number.isSafeInteger(r)) throw new UnitError(`bad ${label(kind)} ${show(original)}: too large`);
  return r;
}

/** `1.5h` → 5_400_000_000 µs. A bare number is seconds. */
export function parseDuration(v: string | number): Micros {
  const [value, unit] = split(v, 'duration');
  const factor = unit === '' ? 1_000_000 : DURATION_UNITS[unit];
  if (factor === undefined) throw new UnitError(`bad duration ${show(v)}: unknown unit "${unit}"; expected ${FORMS.duration}`);
  return whole(value, factor, v, 'duration', 'microseconds');
}

/** `17.6MB` → 17_600_000 bytes. A bare number is bytes. */
export function parseSize(v: string | number): number {
  const [value, unit] = split(v, 'size');
  const factor = unit === '' ? 1 : SIZE_UNITS[unit];
  if (factor === undefined) {
    const hint = /^[kKMG]?i?b$/.test(unit) ? ' (sizes are in bytes: write B, not b)' : '';
    throw new UnitError(`bad size ${show(v)}: unknown unit "${unit}"${hint}; expected ${FORMS.size}`);
  }
  return whole(value, factor, v, 'size', 'bytes');
}

/** `1.2Mbit/s` → 150_000 bytes per second. A bare number is bytes per second. */
export function parseRate(v: string | number): number {
  const [value, unit] = split(v, 'rate');
  if (unit === '') return value;
  let factor: number | undefined = BPS_ALIASES[unit];
  if (factor === undefined && unit.endsWith('/s')) {
    const base = unit.slice(0, -2);
    factor = SIZE_UNITS[base] ?? BIT_UNITS[base];
  }
  if (factor === undefined) throw new UnitError(`bad rate ${show(v)}: unknown unit "${unit}"; expected ${FORMS.rate}`);
  return value * factor;
}

/** `2km` → 2000 metres. A bare number is metres. */
export function parseDistance(v: string | number): number {
  const [value, unit] = split(v, 'distance');
  const factor = unit === '' ? 1 : DISTANCE_UNITS[unit];
  if (factor === undefined) throw new UnitError(`bad distance ${show(v)}: unknown unit "${unit}"; expected ${FORMS.distance}`);
  return value * factor;
}

/** `22:00` → 79_200_000_000 µs since midnight. */
export function parseTimeOfDay(v: string | number): Micros {
  const m = typeof v === 'string' ? /^([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?$/.exec(v.trim()) : null;
  if (!m) throw new UnitError(`bad time of day ${show(v)}: expected ${FORMS.timeOfDay}`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 23 || min > 59 || s > 59) throw new UnitError(`bad time of day ${show(v)}: out of range; expected ${FORMS.timeOfDay}`);
  return ((h * 60 + min) * 60 + s) * 1_000_000;
}

/** Shortest exact rendering of a duration: 604_800_000_000 → `7d`, 90 min → `90m`, 34_800 µs → `34.8ms`. */
export function formatDuration(us: Micros): string {
  if (us === 0) return '0s';
  const candidates: string[] = [];
  for (const [unit, f] of [['d', 86_400_000_000], ['h', 3_600_000_000], ['m', 60_000_000], ['s', 1_000_000], ['ms', 1_000]] as const) {
    if (us % (f / 1000) === 0 && us >= f) candidates.push(`${Number((us / f).toFixed(3))}${unit}`);
  }
  candidates.push(`${us}us`);
  return candidates.reduce((a, b) => (b.length < a.length ? b : a));
}

/** Shortest exact rendering of a byte count: 17_600_000 → `17.6MB`, 262_144 → `256KiB`. */
export function formatSize(bytes: number): string {
  if (!Number.isInteger(bytes)) return `${bytes}B`;
  let best = `${bytes}B`;
  for (const [unit, f] of [['kB', 1e3], ['MB', 1e6], ['GB', 1e9]] as const) {
    if (bytes >= f && bytes % (f / 1000) === 0) best = shorter(best, `${Number((bytes / f).toFixed(3))}${unit}`);
  }
  for (const [unit, f] of [['KiB', 1024], ['MiB', 1024 ** 2], ['GiB', 1024 ** 3]] as const) {
    if (bytes >= f && bytes % f === 0) best = shorter(best, `${bytes / f}${unit}`);
  }
  return best;
}

function shorter(a: string, b: string): string {
  return b.length <= a.length ? b : a;
}

/** Bytes per second as `50kB/s` (exact). */
export function formatRate(bytesPerSecond: number): string {
  return `${formatSize(bytesPerSecond)}/s`;
}

/** Metres as `2km` or `30m` (exact). */
export function formatDistance(metres: number): string {
  return metres >= 1000 && metres % 1000 === 0 ? `${metres / 1000}km` : `${metres}m`;
}

/** Micros since midnight as `HH:MM` or `HH:MM:SS`. */
export function formatTimeOfDay(us: Micros): string {
  const total = Math.floor(us / 1_000_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  return `${pad(hms[0] as number)}:${pad(hms[1] as number)}${hms[2] ? `:${pad(hms[2])}` : ''}`;
}
