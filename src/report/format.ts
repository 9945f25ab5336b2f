/**
 * Human formatting of run figures for the HTML report: durations in minutes/hours/days, byte sizes
 * (SI: 1 MB = 10^6 bytes), energy, counts with thousands separators, percentages. Locale-free (no
 * Intl), so the report is byte-identical on every machine. Knows nothing about HTML.
 */

/** Group thousands with commas: 1234567 → "1,234,567" (integers only; others are rounded). */
export function formatCount(n: number): string {
  const s = Math.round(Math.abs(n)).toString();
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 && grouped !== '0' ? `-${grouped}` : grouped;
}

/** Fixed decimals, then thousands grouping of the integer part. */
export function formatFixed(n: number, decimals: number): string {
  const [int, frac] = Math.abs(n).toFixed(decimals).split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = n < 0 && Number((int ?? '0') + '.' + (frac ?? '0')) !== 0 ? '-' : '';
  return frac === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${frac}`;
}

/** Three significant figures at most, e.g. 0.482, 4.82, 48.2, 482, 4,820. */
function sig3(x: number): string {
  const a = Math.abs(x);
  const decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  return formatFixed(x, decimals);
}

/** Seconds → "42 s", "12.5 min", "3.4 h", "2.6 days"; null → "not reached". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return 'not reached';
  if (seconds < 60) return `${formatFixed(seconds, seconds < 10 ? 1 : 0)} s`;
  if (seconds < 3_600) return `${sig3(seconds / 60)} min`;
  if (seconds < 48 * 3_600) return `${sig3(seconds / 3_600)} h`;
  return `${sig3(seconds / 86_400)} days`;
}

export function formatBytes(bytes: number): string {
  const units: Array<[number, string]> = [[1e12, 'TB'], [1e9, 'GB'], [1e6, 'MB'], [1e3, 'kB']];
  for (const [size, name] of units) if (Math.abs(bytes) >= size) return `${sig3(bytes / size)} ${name}`;
  return `${formatCount(bytes)} bytes`;
}

export function formatJoules(joules: number | null): string {
  if (joules === null) return 'not modelled';
  const units: Array<[number, string]> = [[1e9, 'GJ'], [1e6, 'MJ'], [1e3, 'kJ']];
  for (const [size, name] of units) if (Math.abs(joules) >= size) return `${sig3(joules / size)} ${name}`;
  return `${sig3(joules)} J`;
}

/** Fraction 0..1 → "84.2 %" (null → "—"). */
export function formatPercent(fraction: number | null, decimals = 1): string {
  return fraction === null ? '—' : `${formatFixed(fraction * 100, decimals)} %`;
}

/** Share of a part in a total, "70.0 %" ("—" when the total is 0). */
export function formatShare(part: number, total: number): string {
  return total > 0 ? formatPercent(part / total) : '—';
}
