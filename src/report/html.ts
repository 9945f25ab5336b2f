/**
 * Minimal HTML building for the report: escaping for text and attribute values, and a helper to
 * inline a chart's SVG with page-unique ids. Everything that is not markup goes through `escapeHtml`.
 * Knows nothing about runs.
 */
import { canonicalizeSvgIds } from './svg-ids.ts';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Relative link target: escapes the text and refuses absolute or scheme URLs (the report is offline). */
export function safeHref(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/') || path.startsWith('//'))
    throw new RangeError(`report links must be relative paths (got "${path}")`);
  return escapeHtml(path.split('/').map(encodeURIComponent).join('/'));
}

/**
 * SVG text ready to inline in an HTML page: XML prolog dropped, ids prefixed so charts on one page
 * never share clip paths, fixed width/height removed so CSS can scale it (the viewBox keeps the ratio).
 */
export function inlineSvg(svg: string, idPrefix: string, label: string): string {
  const body = canonicalizeSvgIds(svg.replace(/^<\?xml[^>]*>\s*/, ''), idPrefix);
  return body.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => {
    const kept = attrs.replace(/\s(width|height|role|aria-label)="[^"]*"/g, '');
    return `<svg${kept} role="img" aria-label="${escapeHtml(label)}">`;
  });
}
