/** Parses a byte size given on the command line (`262144`, `64KiB`, `17.6MB`), naming the option on error. */
import { UserError } from './user-error.ts';

const UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

export function parseByteSize(text: string, option: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  const unit = UNITS[(m?.[2] || 'b').toLowerCase()];
  if (!m || unit === undefined) throw new UserError(`${option}: "${text}" is not a size (use bytes or a unit: B, kB, MB, GB, KiB, MiB, GiB)`);
  const v = Math.round(Number(m[1]) * unit);
  if (!Number.isSafeInteger(v) || v <= 0) throw new UserError(`${option}: "${text}" is out of range`);
  return v;
}
