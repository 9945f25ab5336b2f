import { describe, it, expect } from 'vitest';
import { canonicalizeSvgIds } from './svg-ids.ts';

describe('canonicalizeSvgIds', () => {
  const svg = '<svg><defs><clipPath id="clip10"><rect/></clipPath><clipPath id="clip1"><rect/></clipPath>'
    + '<linearGradient id="gradient_3"/></defs><g clip-path="url(#clip1)"/><g clip-path="url(#clip10)"/>'
    + '<rect fill="url(#gradient_3)"/><use href="#clip1"/></svg>';

  it('renumbers ids in order of appearance and rewrites every reference exactly', () => {
    const out = canonicalizeSvgIds(svg);
    expect(out).toContain('id="d1"');
    expect(out).toContain('<g clip-path="url(#d2)"/><g clip-path="url(#d1)"/>');
    expect(out).toContain('fill="url(#d3)"');
    expect(out).toContain('href="#d2"');
    expect(out).not.toMatch(/clip1|gradient_/);
  });

  it('makes renders that differ only in id numbering identical', () => {
    const shifted = svg.replace(/clip10/g, 'clip20').replace(/clip1\b/g, 'clip11').replace(/gradient_3/g, 'gradient_9');
    expect(canonicalizeSvgIds(shifted)).toBe(canonicalizeSvgIds(svg));
  });

  it('prefixes ids so several charts can share one HTML page', () => {
    expect(canonicalizeSvgIds(svg, 'spread-')).toContain('url(#spread-d2)');
    expect(() => canonicalizeSvgIds(svg, '1bad')).toThrow(RangeError);
    expect(canonicalizeSvgIds('<svg><rect/></svg>', 'x-')).toBe('<svg><rect/></svg>');
  });
});
