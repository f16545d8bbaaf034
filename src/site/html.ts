/** HTML helpers for the report: escaping, the page frame (inline CSS, a CSP that forbids scripts and requests). */

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * No script may run and nothing may be fetched: styles are inline, charts are inline SVG, and the policy says so
 * to the browser as well (a second line of defence behind the sanitizer).
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

const CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #fff; --accent: #0b57d0; --warn: #b42318; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
header.site { border-bottom: 1px solid var(--line); padding: 12px 24px; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
header.site a { color: var(--accent); text-decoration: none; font-weight: 600; }
header.site .meta { color: var(--muted); font-size: 13px; }
main { max-width: 1180px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 26px; margin: 8px 0 4px; } h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.card .value { font-size: 24px; font-weight: 650; } .card .label { color: var(--muted); font-size: 13px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 12px; overflow-x: auto; }
figure.chart figcaption { font-weight: 600; margin-bottom: 6px; }
figure.chart svg { max-width: 100%; height: auto; }
details { margin-top: 6px; font-size: 13px; } summary { cursor: pointer; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; white-space: nowrap; }
td.wrap { white-space: normal; min-width: 16em; }
th { background: #f6f8fa; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.overdue { color: var(--warn); font-weight: 600; } .done { color: var(--ok); } .muted { color: var(--muted); }
.doc { max-width: 860px; } .doc pre { background: #f6f8fa; padding: 10px; overflow-x: auto; } .doc code { font-size: 13px; }
.doc table { width: auto; } .doc td, .doc th { white-space: normal; } .doc img { max-width: 100%; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; } dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
ol.entries { font-size: 14px; padding-left: 2.2em; } ol.entries time { font-variant-numeric: tabular-nums; color: var(--muted); margin-right: 6px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;

export function page(opts: { title: string; body: string; home: string; generated: string; heading: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="postmortem report">
<title>${esc(opts.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="site"><a href="${esc(opts.home)}">${esc(opts.heading)}</a><span class="meta">${esc(opts.generated)}</span></header>
<main>
${opts.body}
</main>
</body>
</html>
`;
}

/** A table from rows of already escaped cells; `num` marks right-aligned columns. */
export function htmlTable(header: string[], rows: string[][], options: { num?: number[]; wrap?: number[]; caption?: string } = {}): string {
  const num = new Set(options.num ?? []);
  const wrap = new Set(options.wrap ?? []);
  const cls = (i: number): string => (num.has(i) ? ' class="num"' : wrap.has(i) ? ' class="wrap"' : '');
  return `<table>${options.caption ? `<caption class="sr-only">${esc(options.caption)}</caption>` : ''}<thead><tr>${header.map((h, i) => `<th scope="col"${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}
