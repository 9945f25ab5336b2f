/**
 * Canonical SVG element ids. Vega numbers clip paths and gradients from a process-wide counter, so
 * the same chart rendered twice in one process (or two charts rendered concurrently) gets different
 * ids; and several charts inlined into one HTML page must not share ids. This renames every `id`
 * to `<prefix>d<n>` in order of appearance and rewrites its `url(#…)` and `href="#…"` references.
 * Pure string transformation; knows nothing about charts.
 */

export function canonicalizeSvgIds(svg: string, prefix = ''): string {
  if (prefix !== '' && !/^[A-Za-z][\w-]*$/.test(prefix)) throw new RangeError(`SVG id prefix must be a valid id start (got "${prefix}")`);
  const map = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = m[1] as string;
    if (!map.has(id)) map.set(id, `${prefix}d${map.size + 1}`);
  }
  if (map.size === 0) return svg;
  const rename = (id: string): string => map.get(id) ?? id;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_m, a: string, id: string, b: string) => `${a}${rename(id)}${b}`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${rename(id)})`)
    .replace(/(href=")#([^"]+)(")/g, (_m, a: string, id: string, b: string) => `${a}#${rename(id)}${b}`);
}
