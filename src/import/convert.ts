/**
 * A free-form postmortem → a document in a template's shape, read with the same parser as `lint`.
 *
 * Nothing is lost: every line of the input's body ends up in the output, under the template section it belongs to,
 * or under a clearly named section at the end. Nothing is invented: a fact is written only when it is stated (the
 * front matter holds what can be inferred, and the report says what could not be).
 */
import { Document, isMap, isSeq } from 'yaml';
import type { Postmortem, Section, TimelineEntry } from '../document/model.js';
import { findTimes } from '../document/time.js';
import { findDates } from '../document/dates.js';
import { sourceLines } from '../document/text.js';
import { escapeInline, guidanceComment } from '../new/render.js';
import type { Template, TemplateSection } from '../template/template.js';

export const CARRIED_OVER = 'Notes carried over from the original';

export interface ImportResult {
  text: string;
  /** What was inferred, one line each. */
  inferred: string[];
  /** What could not be inferred and is left for lint to report. */
  missing: string[];
}

interface Placed {
  section: Section;
  target: TemplateSection | undefined;
}

/** Which template section each document section goes to (undefined: carried over at the end). */
function place(doc: Postmortem, template: Template): Placed[] {
  const placed: Placed[] = doc.sections
    .filter((s) => s.style !== 'inline')
    .map((section) => ({
      section,
      target: template.sections.find((t) => section.ids.some((id) => t.covers.includes(id))),
    }));
  return placed;
}

/** Headings inside moved content go below the section's own heading (at least `min` deep); code is left alone. */
function demote(lines: string[], min: number): string[] {
  let fence: string | null = null;
  return lines.map((line) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = null;
      return line;
    }
    if (fence !== null) return line;
    const m = /^(\s{0,3})(#{1,6})(?=\s|$)/.exec(line);
    return m && m[2]!.length < min ? `${m[1]}${'#'.repeat(min)}${line.slice(m[0].length)}` : line;
  });
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && !lines[a]!.trim()) a++;
  while (b > a && !lines[b - 1]!.trim()) b--;
  return lines.slice(a, b);
}

/** The subtitle of a heading ("Timeline: The Rollercoaster Ride"), kept so that no words are lost. */
function subtitle(section: Section): string | undefined {
  const i = section.heading.indexOf(':');
  const rest = i >= 0 ? section.heading.slice(i + 1).trim() : '';
  return rest && /[\p{L}\p{N}]/u.test(rest) ? rest : undefined;
}

const SEPARATOR_RE = /^[\s*_]*(?:[-—–:|]+[\s*_]*)*/;

/** One timeline entry in the one style: "- 09:00 — what happened", with the wording as written. */
function entryLine(e: TimelineEntry, zone: string | undefined, incidentDate: string | undefined): string {
  const text = e.text.replace(/^\s*[-*+•]\s+/, '');
  if (e.time === null || e.raw === null) return `- ${escapeInline(text)}`;
  const at = text.indexOf(e.raw);
  let rest = text;
  if (at >= 0 && !/[\p{L}\p{N}]/u.test(text.slice(0, at))) {
    // The time starts the entry: write it once, in the one style.
    rest = text.slice(at + e.raw.length).replace(/^[\])]*/, '').replace(SEPARATOR_RE, '');
    if (!rest) rest = text;
  }
  let when: string;
  if (e.instant) {
    const local = zone ? e.instant.setZone(zone) : e.instant;
    when = local.toISODate() === incidentDate ? local.toFormat('HH:mm') : local.toFormat('yyyy-MM-dd HH:mm');
  } else {
    const m = /^(?:(\d{4}-\d{2}-\d{2})T)?(\d{2}:\d{2})/.exec(e.time);
    when = m ? (m[1] && m[1] !== incidentDate ? `${m[1]} ${m[2]}` : m[2]!) : e.raw;
  }
  return `- ${when} — ${escapeInline(rest)}`;
}

const TABLE_SEPARATOR_RE = /^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?$/;

function timelineBlock(doc: Postmortem, lines: readonly string[], owned: number[], zone: string | undefined, incidentDate: string | undefined): string[] {
  const entries = doc.timeline.filter((e) => owned.includes(e.line));
  const covered = new Set<number>();
  for (const e of entries) for (let n = e.line; n <= e.endLine; n++) covered.add(n);
  const rest: string[] = [];
  for (let i = 0; i < owned.length; i++) {
    const n = owned[i]!;
    const line = lines[n - 1] ?? '';
    if (covered.has(n)) {
      // Prose before the first entry that starts on the line ("All times are UTC. At 10:00 …") is kept as written.
      const first = entries.find((e) => e.line === n);
      const before = first ? line.slice(0, first.column - 1).trim() : '';
      if (before && /[\p{L}\p{N}]/u.test(before) && !/^(?:[-*+>|]|\d+[.)])/.test(before)) rest.push(before);
      continue;
    }
    // Table scaffolding around rows that became entries, and date lines now folded into the entries.
    if (TABLE_SEPARATOR_RE.test(line)) continue;
    if (TABLE_SEPARATOR_RE.test(lines[n] ?? '') && entries.some((e) => e.line === n + 2)) continue;
    if (/^\s*#{1,6}\s*\d{4}-\d{2}-\d{2}\s*(?:#+\s*)?$/.test(line) || /^\s*\**\d{4}-\d{2}-\d{2}\**:?\s*$/.test(line)) continue;
    rest.push(line);
  }
  const body = trimBlank(rest);
  const list = entries.map((e) => entryLine(e, zone, incidentDate));
  return [...body, ...(body.length ? [''] : []), ...list];
}

/** Corrective measures as a task list; the sentences that introduce them stay as they are. */
function actionsBlock(lines: readonly string[], owned: number[]): string[] {
  const out: string[] = [];
  for (const n of owned) {
    const line = lines[n - 1] ?? '';
    const m = /^(\s*)(?:[-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?(?!\s)(.*)$/.exec(line);
    if (m) {
      const nested = m[1]!.length > 0;
      out.push(`${m[1]}- ${m[2] ?? (nested ? '' : '[ ] ')}${m[3]}`);
    } else if (line.trim() && !/:\s*$/.test(line.trim()) && !/^\s*(\||<|#|```|~~~|>|!\[)/.test(line) && !/^\s{2,}/.test(line)) {
      out.push(`- [ ] ${line.trim()}`);
    } else {
      out.push(line);
    }
  }
  return out;
}

function frontMatterFor(doc: Postmortem, template: Template, result: ImportResult): Record<string, unknown> {
  const data: Record<string, unknown> = { template: template.name };
  const original = doc.frontMatter.data;
  const field = (key: string) => template.fields.find((f) => f.key === key);
  const inc = doc.incident;
  const say = (s: string) => result.inferred.push(s);
  const miss = (s: string) => result.missing.push(s);

  if (doc.title && field('title')) {
    data.title = doc.title;
    say(`title: "${doc.title}"`);
  } else miss('no title');
  if (inc.date && field('date')) {
    data.date = inc.date;
    say(`date: ${inc.date}`);
  } else miss('no date stated');
  const sev = /\b(?:SEV|severity|P)[\s:-]*([1-5])\b/i.exec(doc.source.slice(0, 4000));
  const sevField = field('severity');
  if (sev && sevField?.choices) {
    const value = sevField.choices.find((c) => c.endsWith(sev[1]!)) ?? sevField.choices[Number(sev[1]) - 1];
    if (value) {
      data.severity = value;
      say(`severity: ${value} (stated as "${sev[0]}")`);
    }
  } else if (sevField) miss('no severity stated: left for you to set');
  for (const [key, value] of [['started', inc.start], ['resolved', inc.end]] as const) {
    if (!field(key)) continue;
    if (value) {
      data[key] = value;
      say(`${key}: ${value}${/[+-]\d{2}:\d{2}$|Z$/.test(value) ? '' : ' (no offset: the zone is not stated)'}`);
    } else miss(`no ${key === 'started' ? 'start' : 'end'} time stated`);
  }
  const zone = inc.startInstant?.zone;
  if (field('timezone')) {
    if (zone && zone.isUniversal) {
      const minutes = zone.offset(0);
      const name = minutes === 0 ? 'UTC' : minutes % 60 === 0 ? `Etc/GMT${minutes > 0 ? '-' : '+'}${Math.abs(minutes / 60)}` : undefined;
      if (name) {
        data.timezone = name;
        say(`timezone: ${name} (from "${inc.timezone}")`);
      } else miss(`time zone "${inc.timezone}" has no IANA name: set timezone yourself`);
    } else if (zone) {
      data.timezone = zone.name;
      say(`timezone: ${zone.name}`);
    } else miss('no time zone stated: times kept as written');
  }
  if (inc.durationMinutes !== null) say(`duration: ${inc.durationMinutes} minutes`);
  const share = /(?<![\d.\-–])(\d{1,3}(?:\.\d+)?)\s*%(?!\s*-)\s*(?:of\s+)?(?:(?:our|all|the|active|total)\s+)*(?:users|customers|clients|accounts|requests|traffic)/i.exec(doc.source);
  if (share && field('users_affected') && Number(share[1]) <= 100) {
    data.users_affected = Number(share[1]);
    say(`users_affected: ${share[1]}% ("${share[0]}")`);
  } else if (field('users_affected')) miss('no share of users affected stated');
  // Process fields with a default in the template (status: draft) are not facts about the incident.
  for (const f of template.fields) if (data[f.key] === undefined && f.default !== undefined) data[f.key] = f.default;
  // What the original front matter says wins; its other keys are kept.
  for (const [k, v] of Object.entries(original)) {
    if (k === 'template') continue;
    data[k] = v instanceof Date ? v.toISOString().replace('.000Z', 'Z') : v;
  }
  return data;
}

export function convert(doc: Postmortem, template: Template): ImportResult {
  const result: ImportResult = { text: '', inferred: [], missing: [] };
  const lines = sourceLines(doc);
  const placed = place(doc, template);
  const data = frontMatterFor(doc, template, result);
  const zone = typeof data.timezone === 'string' ? data.timezone : undefined;
  const incidentDate = typeof data.date === 'string' ? data.date : undefined;

  // Every line of the body goes to exactly one place, decided by the innermost section that holds it: a section
  // that names something goes to its template section; one that names nothing goes where its parent goes, or is
  // carried over at the end. The outermost section of a run going to one place owns that part.
  const contains = (p: Placed, n: number): boolean => p.section.line <= n && n <= Math.max(p.section.contentEnd, p.section.endLine);
  const chainAt = (n: number): Placed[] => placed.filter((p) => contains(p, n)).sort((x, y) => x.section.line - y.section.line || x.section.depth - y.section.depth);
  const destination = (chain: Placed[]): { target: TemplateSection | undefined; owner: Placed } => {
    let target: TemplateSection | undefined;
    let owner = chain[0]!;
    for (const p of chain) {
      if (p.target && p.target !== target) {
        target = p.target;
        owner = p;
      } else if (!p.target && !target && p === chain[0]) owner = p;
    }
    return { target, owner };
  };
  const parts = new Map<Placed, Array<[number, string]>>();
  const loose: string[] = [];
  const bodyStart = doc.frontMatter.span ? doc.frontMatter.span.endLine + 1 : 1;
  const titleLine = doc.title === null ? -1 : lines.findIndex((l, i) => i + 1 >= bodyStart && l.includes(doc.title!)) + 1;
  for (let n = bodyStart; n <= lines.length; n++) {
    if (n === titleLine) continue;
    const chain = chainAt(n);
    const line = lines[n - 1] ?? '';
    if (chain.length === 0) {
      loose.push(line);
      continue;
    }
    const { owner } = destination(chain);
    const heading = chain.find((p) => n >= p.section.line && n <= p.section.endLine);
    let text: string | undefined = line;
    if (heading) {
      // The part's own heading is replaced by the template's; a nested bold or "Label:" heading becomes "###".
      if (heading === owner) text = undefined;
      else if (heading.section.depth > 6) text = n === heading.section.line ? `### ${heading.section.heading}` : undefined;
    }
    if (text === undefined) continue;
    const list = parts.get(owner) ?? [];
    list.push([n, text]);
    parts.set(owner, list);
  }

  const bodies = new Map<TemplateSection, string[][]>();
  const carried: string[][] = [];
  for (const p of placed.filter((x) => parts.has(x))) {
    const pairs = parts.get(p) ?? [];
    const owned = pairs.map(([n]) => n);
    const sub = subtitle(p.section);
    let block: string[];
    if (p.target?.kind === 'timeline') block = timelineBlock(doc, lines, owned, zone, incidentDate);
    else if (p.target?.kind === 'actions' && p.target.format === 'list') block = actionsBlock(lines, owned);
    else block = pairs.map(([, text]) => text);
    block = trimBlank(block);
    if (sub) block = [`*${sub}*`, '', ...block];
    if (!p.target) {
      if (block.length) carried.push([`### ${p.section.heading}`, '', ...block]);
      continue;
    }
    if (block.length === 0) continue;
    const list = bodies.get(p.target) ?? [];
    list.push([`### ${p.section.heading}`, '', ...block]);
    bodies.set(p.target, list);
  }
  // A template section filled from one part needs no sub-heading: the template's heading names it.
  for (const [t, list] of bodies) if (list.length === 1) bodies.set(t, [list[0]!.slice(2)]);

  // The opening text before the first section (the title aside) is the summary when there is none.
  const opening = trimBlank(loose).filter((l, i, a) => !(i > 0 && !l.trim() && !a[i - 1]!.trim()));
  const summary = template.sections.find((t) => t.covers.includes('summary'));
  if (opening.length) {
    if (summary && !bodies.has(summary)) bodies.set(summary, [opening]);
    else if (summary) bodies.get(summary)!.unshift(opening);
    else carried.unshift(opening);
  }

  const yaml = new Document(data);
  if (isMap(yaml.contents)) for (const pair of yaml.contents.items) if (isSeq(pair.value)) pair.value.flow = true;
  const out: string[] = ['---', yaml.toString({ lineWidth: 0, nullStr: '', flowCollectionPadding: false }).trimEnd(), '---', ''];
  if (doc.title) out.push(`# ${doc.title}`, '');
  for (const t of template.sections) {
    const sections = bodies.get(t);
    if (!sections) {
      if (t.required) {
        result.missing.push(`no "${t.heading}" section: the template's guidance is left in a comment, to replace`);
        out.push(`## ${t.heading}`, '', guidanceComment(t.guidance || t.prompt), '');
      }
      continue;
    }
    out.push(`## ${t.heading}`, '');
    // One part: its sub-headings go below "##"; several parts each get a "###" name, their sub-headings below it.
    for (const part of sections) out.push(...(part[0]?.startsWith('### ') ? [part[0], ...demote(part.slice(1), 4)] : demote(part, 3)), '');
  }
  if (carried.length) {
    out.push(`## ${CARRIED_OVER}`, '');
    for (const part of carried) out.push(...(part[0]?.startsWith('### ') ? [part[0], ...demote(part.slice(1), 4)] : demote(part, 3)), '');
  }
  result.text = `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
  return result;
}

/**
 * The sentences of the original's body missing from the import, compared without markup and times. Section
 * headings are left out: renaming them is the point.
 */
export function lostSentences(doc: Postmortem, after: string): string[] {
  const headingLines = new Set(doc.sections.filter((s) => s.style !== 'inline').flatMap((s) => Array.from({ length: s.endLine - s.line + 1 }, (_, i) => s.line + i)));
  const all = sourceLines(doc);
  // Table header rows are scaffolding when their rows become timeline entries.
  const before = all.filter((_, i) => !headingLines.has(i + 1) && !TABLE_SEPARATOR_RE.test(all[i + 1] ?? '')).join('\n');
  const norm = (s: string): string => {
    let t = s;
    // Times and dates are rewritten in one style (and date lines folded into the entries): compare the words.
    for (const time of findTimes(t).reverse()) t = t.slice(0, time.index) + ' ' + t.slice(time.index + time.length);
    for (const date of findDates(t).reverse()) t = t.slice(0, date.index) + ' ' + t.slice(date.index + date.length);
    return t
      .replace(/<\/?[a-z]+[0-9]?(?:\s[^>\n]*)?\/?>/g, ' ')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  };
  const body = (s: string): string => s.replace(/^(?:---|\+\+\+)[\s\S]*?\n(?:---|\+\+\+)\s*\n/, '');
  const haystack = ` ${norm(body(after))} `;
  const out: string[] = [];
  // (A sentence does not end at "p.m." or "a.m.": "2:14 p.m. ET - rules published" is one.)
  for (const sentence of body(before).split(/(?<=[.!?])(?<![ap]\.m\.)\s+|\r?\n/i)) {
    const n = norm(sentence);
    if (n.split(' ').filter((w) => /\p{L}/u.test(w)).length < 2) continue;
    if (!haystack.includes(` ${n} `)) out.push(sentence.trim());
  }
  return out;
}

