// The report's only stylesheet, inlined so the file opens offline. Quiet typography, tables
// with tabular figures, and print rules: no page break inside a chart or table, links and
// backgrounds that survive black-and-white printers.
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0969da; --bad: #cf222e; --ok: #1a7f37; --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 32px 40px 56px; }
header.report { border-bottom: 1px solid var(--line); margin-bottom: 12px; padding-bottom: 6px; }
header.report h1 { margin: 0 0 4px; font-size: 28px; }
header.report p { margin: 0; color: var(--muted); font-size: 13px; }
h1, h2, h3, h4 { line-height: 1.25; }
h3 { font-size: 17px; margin: 18px 0 6px; }
h4 { font-size: 14px; margin: 16px 0 6px; color: var(--muted); font-weight: 600; }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
.cell { margin: 0 0 22px; }
pre.code { background: var(--soft); border-left: 3px solid var(--line); padding: 8px 12px; margin: 0 0 10px; overflow-x: auto; color: #424a53; white-space: pre-wrap; }
pre.text { margin: 6px 0; padding: 6px 12px; border-left: 3px solid var(--accent); background: #fff; white-space: pre-wrap; }
pre.error { margin: 6px 0; padding: 8px 12px; border-left: 3px solid var(--bad); background: #ffebe9; color: #82071e; white-space: pre-wrap; }
p.warning { border-left: 3px solid var(--warn); background: #fff8c5; padding: 6px 12px; }
p.note, p.facts { color: var(--muted); font-size: 13px; margin: 4px 0 8px; }
.skipped { color: var(--muted); font-style: italic; }
table { border-collapse: collapse; margin: 6px 0 10px; font-size: 13.5px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid var(--ink); font-weight: 600; white-space: nowrap; }
tbody tr:nth-child(even) td { background: var(--soft); }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: 600; border-top: 2px solid var(--ink); background: #fff; }
td.share { position: relative; min-width: 90px; }
td.share .bar { position: absolute; left: 0; top: 5px; height: calc(1.55em - 2px); background: #b6e3ff; }
td.share .share-text { position: relative; }
.table-wrap { overflow-x: auto; }
.badge { font-size: 11px; font-weight: 600; padding: 1px 7px; border-radius: 10px; vertical-align: middle; }
.badge.ok { background: #dafbe1; color: var(--ok); }
.badge.bad { background: #ffebe9; color: var(--bad); }
figure.chart { margin: 8px 0 14px; }
figure.chart svg { max-width: 100%; height: auto; }
.image-placeholder { color: var(--muted); }
footer.report { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  @page { margin: 16mm 14mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  figure.chart, table, section.model, section.segments, pre { break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }
  a { color: inherit; text-decoration: underline; }
  td.share .bar, tbody tr:nth-child(even) td, .badge, pre.code, pre.error { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
