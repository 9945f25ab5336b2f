/**
 * The report's inline stylesheet: readable typography, tabular numbers, responsive inline SVGs,
 * print-friendly. Only CSS text; knows nothing about the report's content.
 */
export const REPORT_CSS = `
:root { --ink: #1f2328; --muted: #59636e; --rule: #d8dee4; --soft: #f6f8fa; --accent: #0072B2; }
* { box-sizing: border-box; }
html { background: #eef1f4; }
body { margin: 0; color: var(--ink); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1000px; margin: 24px auto; padding: 36px 44px 28px; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
header { border-bottom: 1px solid var(--rule); padding-bottom: 14px; margin-bottom: 8px; }
.kicker { margin: 0; color: var(--accent); font-size: .8rem; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; }
h1 { margin: .15em 0 .3em; font-size: 2rem; line-height: 1.2; overflow-wrap: anywhere; }
h2 { margin: 2em 0 .6em; font-size: 1.35rem; border-bottom: 1px solid var(--rule); padding-bottom: .25em; }
h3 { margin: 0 0 .5em; font-size: 1.05rem; }
.meta { margin: 0; color: var(--muted); display: flex; flex-wrap: wrap; gap: 6px 20px; }
.meta b { color: var(--ink); font-weight: 600; }
.highlights { background: var(--soft); border-left: 4px solid var(--accent); margin: 20px 0 0; padding: 12px 16px 12px 36px; }
.highlights li { margin: 4px 0; }
table { border-collapse: collapse; width: 100%; margin: 0 0 22px; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); font-size: .92rem; padding: 0 0 6px; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-size: .88rem; font-weight: 600; }
tbody th { font-weight: 600; }
tbody tr:nth-child(even) { background: #fbfcfd; }
.num { text-align: right; white-space: nowrap; }
td.note { color: var(--muted); font-size: .9rem; }
table.figures th { width: 30%; }
table.figures td.num { width: 20%; }
td.never { color: #b35900; }
figure { margin: 0 0 36px; }
.chart { border: 1px solid var(--rule); border-radius: 6px; padding: 6px; background: #fff; overflow-x: auto; }
.chart svg { display: block; width: 100%; height: auto; }
.chart svg text { font-family: "DejaVu Sans", Verdana, sans-serif; }
figcaption { margin-top: 8px; color: #333; font-size: .95rem; }
figcaption .files { color: var(--muted); white-space: nowrap; margin-left: 6px; }
a { color: var(--accent); }
ul.files { padding-left: 20px; }
ul.files li { margin: 4px 0; }
code, pre { font-family: "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; font-size: .88rem; }
details { background: var(--soft); border: 1px solid var(--rule); border-radius: 6px; padding: 8px 14px; }
summary { cursor: pointer; color: var(--muted); }
pre { margin: 10px 0 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 36px; padding-top: 12px; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85rem; }
@media (max-width: 700px) { main { padding: 20px 16px; margin: 0; border-radius: 0; } h1 { font-size: 1.5rem; } }
@media print { html { background: #fff; } main { box-shadow: none; margin: 0; max-width: none; } figure { break-inside: avoid; } }
`.trim();
