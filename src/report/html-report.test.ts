import { describe, it, expect } from 'vitest';
import { exampleRun } from './example-run.ts';
import { escapeHtml, inlineSvg, safeHref } from './html.ts';
import { renderReportHtml } from './html-report.ts';
import type { ReportChart } from './html-report.ts';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50"><defs><clipPath id="d1"><rect/></clipPath></defs><g clip-path="url(#d1)"><text>t</text></g></svg>';
const chart = (name: string): ReportChart => ({ name, title: `Chart ${name}`, caption: 'Look here.', svg, pngHref: `charts/${name}.png`, svgHref: `charts/${name}.svg` });

describe('HTML escaping', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  it('allows only relative links, percent-encoding odd characters', () => {
    expect(safeHref('charts/a b.png')).toBe('charts/a%20b.png');
    expect(() => safeHref('javascript:alert(1)')).toThrow(RangeError);
    expect(() => safeHref('https://example.com/x.csv')).toThrow(RangeError);
    expect(() => safeHref('/etc/passwd')).toThrow(RangeError);
  });

  it('inlines an SVG scalable, labelled and with page-unique ids', () => {
    const out = inlineSvg(svg, 'spread-', 'Spread <chart>');
    expect(out).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 100 50" role="img" aria-label="Spread &lt;chart&gt;">/);
    expect(out).toContain('url(#spread-d1)');
  });
});

describe('report page', () => {
  const run = exampleRun();

  it('escapes every piece of run text, including hostile scenario names and YAML', () => {
    const summary = { ...run.summary, scenario: '<script>alert("x")</script>', adapters: [{ ...run.summary.adapters[0]!, label: 'a&b<i>' }] };
    const html = renderReportHtml({ summary, charts: [], files: [], scenarioYaml: 'name: </pre><script>bad()</script>' });
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('a&amp;b&lt;i&gt;');
  });

  it('is self-contained: inline CSS, no scripts, no external resources', () => {
    const html = renderReportHtml({ summary: run.summary, charts: [chart('spread'), chart('quality')], files: [{ href: 'spread.csv', description: 'spread' }] });
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|@import|src=/i);
    const urls = [...html.matchAll(/https?:\/\/[^"'\s)]+/g)].map((m) => m[0]);
    expect(urls.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
  });

  it('inlines each chart with its caption and links, ids unique across charts', () => {
    const html = renderReportHtml({ summary: run.summary, charts: [chart('spread'), chart('quality')], files: [] });
    expect(html).toContain('id="spread-d1"');
    expect(html).toContain('id="quality-d1"');
    expect(html).toContain('<a href="charts/quality.png">PNG</a>');
    expect(html).toContain('<strong>What to look at:</strong> Look here.');
  });

  it('shows key figures and per-adapter times in hours and days', () => {
    const html = renderReportHtml({ summary: run.summary, charts: [], files: [], qualityByStrategy: [{ strategy: 'merge', queries: 10, meanQuality: 0.4 }] });
    expect(html).toContain('<h1>Run report: example-village</h1>');
    expect(html).toMatch(/<th scope="row">Simulated time<\/th><td class="num">7\.00 days<\/td>/);
    expect(html).toMatch(/<th scope="row">water-repair<\/th>.*not reached/);
    expect(html).toContain('merge (TIES merged model)');
    expect(html).toContain('40.0 %');
    expect(html).toContain('machine-dependent');
  });
});
