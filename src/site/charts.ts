/**
 * The overview's charts: Vega-Lite specifications compiled to Vega and rendered to SVG in Node (no browser, no
 * canvas, no network), at build time. Each chart carries its text alternatives: a <title> and <desc> in the SVG
 * (with role="img" and aria-labelledby), Vega's own aria-labels on its marks, and the data as a table under it.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { esc, htmlTable } from './html.js';

export interface ChartText {
  /** Caption and <title>. */
  title: string;
  /** One or two sentences for <desc>: what the chart shows and its main figures. */
  desc: string;
  /** The data, for the table under the chart. */
  header: string[];
  rows: Array<Array<string | number | null>>;
}

const CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eaeef2' },
  axisX: { labelAngle: 0, labelOverlap: 'parity' },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom' },
  range: { category: ['#0b57d0', '#e8710a', '#1a7f37', '#a142f4', '#d93025', '#12b5cb', '#f9ab00', '#5f6368'] },
};

let counter = 0;

export async function chart(spec: Record<string, unknown>, text: ChartText): Promise<string> {
  const vl = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', width: 'container', ...spec, description: text.desc, config: CONFIG } as unknown as TopLevelSpec;
  // "container" needs a DOM; a fixed width stands in for it.
  (vl as { width: unknown }).width = (spec.width as number | undefined) ?? 460;
  const view = new View(parse(compile(vl).spec), { renderer: 'none' });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const id = `chart-${++counter}`;
  svg = svg.replace(/^<svg /, `<svg role="img" aria-labelledby="${id}-title ${id}-desc" `).replace(/^(<svg[^>]*>)/, `$1<title id="${id}-title">${esc(text.title)}</title><desc id="${id}-desc">${esc(text.desc)}</desc>`);
  const rows = text.rows.map((r) => r.map((c) => esc(c ?? '-')));
  return `<figure class="chart" data-chart="${id}"><figcaption>${esc(text.title)}</figcaption>${svg}<details><summary>Data table</summary>${htmlTable(text.header, rows, { num: text.header.map((_, i) => i).slice(1), caption: text.title })}</details></figure>`;
}
