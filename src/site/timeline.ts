/**
 * A postmortem's timeline as SVG: entries as numbered dots on a time axis (d3-scale's UTC time scale and ticks),
 * the milestones (started, detected, mitigated, resolved) as labelled lines, and the gaps (long stretches with no
 * entry) as shaded bands. Drawn directly rather than through Vega: one Vega view costs ~13 ms, a thousand pages
 * would spend most of the 10 s budget on it; this costs well under 1 ms. Its text alternative is the <title>,
 * the <desc> and the ordered list of entries printed under it.
 */
import { scaleUtc } from 'd3-scale';
import { utcFormat } from 'd3-time-format';
import { esc } from './html.js';

export interface TimelinePoint {
  at: number;
  text: string;
  /** As written in the document. */
  raw: string | null;
}

export interface Milestone {
  name: 'started' | 'detected' | 'mitigated' | 'resolved';
  at: number;
}

const COLORS: Record<Milestone['name'], string> = { started: '#5f6368', detected: '#e8710a', mitigated: '#0b57d0', resolved: '#1a7f37' };
const WIDTH = 900;
const PAD = { left: 30, right: 40 };

export function humanSpan(ms: number): string {
  const m = Math.round(ms / 60_000);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.round(h / 24)} days`;
}

/** Gaps: stretches between consecutive moments longer than an hour and than a sixth of the whole. */
export function findGaps(times: number[]): Array<[number, number]> {
  const sorted = [...times].sort((a, b) => a - b);
  const span = (sorted.at(-1) ?? 0) - (sorted[0] ?? 0);
  const min = Math.max(60 * 60_000, span / 6);
  const gaps: Array<[number, number]> = [];
  for (let i = 1; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! > min) gaps.push([sorted[i - 1]!, sorted[i]!]);
  return gaps;
}

/**
 * `zone`: the offset in minutes and the label of the incident's zone; times are drawn and labelled in it (d3's UTC
 * scale over instants shifted by the offset), else in UTC.
 */
export function timelineSvg(title: string, pointsAt: TimelinePoint[], milestonesAt: Milestone[], id: string, zone: { offset: number; label: string } = { offset: 0, label: 'UTC' }): string {
  const shift = zone.offset * 60_000;
  const points = pointsAt.map((p) => ({ ...p, at: p.at + shift }));
  const milestones = milestonesAt.map((m) => ({ ...m, at: m.at + shift }));
  const times = [...points.map((p) => p.at), ...milestones.map((m) => m.at)];
  if (times.length === 0) return '';
  let lo = Math.min(...times);
  let hi = Math.max(...times);
  if (hi - lo < 10 * 60_000) {
    lo -= 5 * 60_000;
    hi += 5 * 60_000;
  }
  const x = scaleUtc().domain([lo, hi]).range([PAD.left, WIDTH - PAD.right]);
  const ticks = x.ticks(8);
  const sameDay = new Date(lo).toISOString().slice(0, 10) === new Date(hi).toISOString().slice(0, 10);
  const fmt = utcFormat(sameDay ? '%H:%M' : '%b %d %H:%M');
  // Rows of dots, so that entries close in time do not hide each other.
  const rowEnds: number[] = [];
  const placed = points
    .map((p, i) => ({ ...p, n: i + 1 }))
    .sort((a, b) => a.at - b.at)
    .map((p) => {
      const px = x(p.at);
      let row = rowEnds.findIndex((end) => px - end >= 20);
      if (row < 0) row = rowEnds.length;
      rowEnds[row] = px;
      return { ...p, px, row };
    });
  const rows = Math.max(1, rowEnds.length);
  // Top to bottom: milestone labels, rows of entries, the axis with its tick labels.
  const labelsY = 14;
  const dotsY = 44;
  const axisY = dotsY + rows * 22;
  const height = axisY + 44;
  const gaps = findGaps(points.map((p) => p.at));
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, sans-serif" font-size="11">`);
  const ms = milestones.map((m) => `${m.name} ${fmt(new Date(m.at))}`).join(', ');
  const desc = `${points.length} timeline entr${points.length === 1 ? 'y' : 'ies'} from ${fmt(new Date(lo))} to ${fmt(new Date(hi))} (${zone.label}). Milestones: ${ms || 'none known'}. ${gaps.length ? `Gaps with no entry: ${gaps.map(([a, b]) => `${humanSpan(b - a)} after ${fmt(new Date(a))}`).join('; ')}.` : 'No long gap between entries.'}`;
  parts.push(`<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>`);
  parts.push(`<rect width="${WIDTH}" height="${height}" fill="#fff"/>`);
  for (const [a, b] of gaps) {
    parts.push(`<g class="gap"><rect x="${x(a).toFixed(1)}" y="${dotsY - 14}" width="${(x(b) - x(a)).toFixed(1)}" height="${axisY - dotsY + 14}" fill="#fdecea"/><text x="${((x(a) + x(b)) / 2).toFixed(1)}" y="${axisY - 6}" text-anchor="middle" fill="#b42318">gap: ${esc(humanSpan(b - a))}</text></g>`);
  }
  parts.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${axisY}" y2="${axisY}" stroke="#59636e"/>`);
  for (const t of ticks) {
    const tx = x(t).toFixed(1);
    parts.push(`<line x1="${tx}" x2="${tx}" y1="${axisY}" y2="${axisY + 5}" stroke="#59636e"/><text x="${tx}" y="${axisY + 17}" text-anchor="middle" fill="#59636e">${esc(fmt(t))}</text>`);
  }
  // Milestone labels on two alternating lines; near the right edge they end at their line.
  milestones.forEach((m, i) => {
    const mx = x(m.at);
    const right = mx > WIDTH - 90;
    const ly = labelsY + (i % 2) * 12;
    parts.push(`<g class="milestone"><line x1="${mx.toFixed(1)}" x2="${mx.toFixed(1)}" y1="${ly + 3}" y2="${axisY}" stroke="${COLORS[m.name]}" stroke-width="2" stroke-dasharray="4 3"/><text x="${mx.toFixed(1)}" y="${ly}" dx="${right ? -4 : 4}" text-anchor="${right ? 'end' : 'start'}" fill="${COLORS[m.name]}" font-weight="600">${m.name}</text></g>`);
  });
  for (const p of placed) {
    const cy = dotsY + p.row * 22;
    parts.push(`<g class="entry"><title>${esc(`${p.n}. ${p.raw ?? fmt(new Date(p.at))}: ${p.text}`)}</title><circle cx="${p.px.toFixed(1)}" cy="${cy}" r="9" fill="#e8f0fe" stroke="#0b57d0"/><text x="${p.px.toFixed(1)}" y="${cy}" dy="0.35em" text-anchor="middle" fill="#0b57d0" font-size="10">${p.n}</text></g>`);
  }
  parts.push(`<text x="${PAD.left}" y="${height - 4}" fill="#59636e">times in ${esc(zone.label)}</text></svg>`);
  return parts.join('');
}
