/**
 * A template: one Markdown file whose front matter declares the fields, the sections and the lint settings of
 * the documents made from it, and whose body previews as an ordinary document (its text under each heading is
 * the guidance shown to authors).
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { parsePostmortem } from '../document/parse.js';
import { UserError } from '../errors.js';
import { validateRuleSetting, type RuleSetting } from '../config/config.js';
import { ruleSettingProblem } from '../lint/settings.js';

export const FIELD_TYPES = ['string', 'text', 'enum', 'date', 'datetime', 'timezone', 'list', 'number', 'percent', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const SECTION_KINDS = ['prose', 'timeline', 'actions'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export interface TemplateField {
  key: string;
  prompt: string;
  type: FieldType;
  required: boolean;
  choices?: string[];
  default?: unknown;
}

export interface TemplateSection {
  id: string;
  /** The canonical ids this section provides ("root-cause-and-resolution" covers root-cause and resolution). */
  covers: string[];
  heading: string;
  aliases: string[];
  required: boolean;
  prompt: string;
  kind: SectionKind;
  words?: { min?: number; max?: number };
  /** How `new` writes a timeline or action list: bullets (default) or a table. */
  format: 'list' | 'table';
  /** Columns of an action table, in order. */
  columns: ActionColumn[];
  /** `incident`: `new` opens the section with the incident's window and share of users affected. */
  lead?: 'incident';
  /** The template body's text under this section's heading. */
  guidance: string;
}

export const ACTION_COLUMNS = ['item', 'type', 'owner', 'due', 'bug'] as const;
export type ActionColumn = (typeof ACTION_COLUMNS)[number];

export interface TemplateLint {
  words?: { min?: number; max?: number };
  timeline: { leadUpMinutes: number; afterMinutes: number };
  actions: { owner: boolean; due: boolean; ticket: boolean };
  rules: Record<string, RuleSetting>;
}

export interface Template {
  name: string;
  description: string;
  /** Where it was read from. */
  path: string;
  origin: 'built-in' | 'shared' | 'project';
  fields: TemplateField[];
  sections: TemplateSection[];
  lint: TemplateLint;
  /** The Markdown body, for preview. */
  body: string;
  /** Section names by canonical id, for the parser. */
  aliases: Record<string, string[]>;
}

export class TemplateError extends UserError {}

type Path = Array<string | number>;

class Reader {
  readonly lines = new LineCounter();
  readonly doc: Document;
  constructor(
    readonly file: string,
    text: string,
    readonly firstLine: number,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, strict: true, logLevel: 'error' });
    const error = this.doc.errors[0];
    if (error) {
      const pos = this.lines.linePos(error.pos[0]);
      throw new TemplateError(`${file}:${firstLine + pos.line - 1}:${pos.col}: invalid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    }
  }
  fail(path: Path, problem: string, atKey = false): never {
    let node = this.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    if (atKey && path.length > 0) {
      const parent = this.doc.getIn(path.slice(0, -1), true) as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | undefined;
      const key = parent?.items?.find((p) => p.key?.value === path[path.length - 1])?.key;
      if (key?.range) node = key;
    }
    for (let p = path.slice(0, -1); !node?.range && p.length >= 0; p = p.slice(0, -1)) {
      node = (p.length ? this.doc.getIn(p, true) : this.doc.contents) as typeof node;
      if (p.length === 0) break;
    }
    const pos = node?.range ? this.lines.linePos(node.range[0]) : { line: 1, col: 1 };
    const where = path.length ? ` (${path.join('.')})` : '';
    throw new TemplateError(`${this.file}:${this.firstLine + pos.line - 1}:${pos.col}: ${problem}${where}`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ID_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const KEY_RE = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function str(r: Reader, v: unknown, path: Path, required: boolean): string | undefined {
  if (v === undefined || v === null) {
    if (required) r.fail(path, 'missing a value');
    return undefined;
  }
  if (typeof v !== 'string' || !v.trim()) r.fail(path, 'expected a non-empty string');
  return v.trim();
}

function bool(r: Reader, v: unknown, path: Path, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') r.fail(path, 'expected true or false');
  return v;
}

function range(r: Reader, v: unknown, path: Path): { min?: number; max?: number } | undefined {
  if (v === undefined) return undefined;
  if (!isRecord(v)) r.fail(path, 'expected { min, max }');
  const out: { min?: number; max?: number } = {};
  for (const [k, n] of Object.entries(v)) {
    if (k !== 'min' && k !== 'max') r.fail([...path, k], `unknown key "${k}"; expected min or max`);
    if (typeof n !== 'number' || n < 0 || !Number.isInteger(n)) r.fail([...path, k], 'expected a whole number of words');
    out[k] = n;
  }
  if (out.min !== undefined && out.max !== undefined && out.min > out.max) r.fail(path, 'min is larger than max');
  return out;
}

function checkKeys(r: Reader, v: Record<string, unknown>, allowed: string[], path: Path): void {
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k)) r.fail([...path, k], `unknown key "${k}"; expected one of ${allowed.join(', ')}`);
  }
}

/** Parse and check a template file. Throws TemplateError naming file, line and problem. */
/**
 * Guidance kept in one HTML comment (the example action item, so that a copy of the template made by hand has no
 * fake one that \`actions\` would count) is the comment's text.
 */
function uncommented(text: string): string {
  if (!text.startsWith('<!--') || !text.endsWith('-->') || text.indexOf('-->') !== text.length - 3) return text;
  return text.slice(4, -3).trim();
}

export function parseTemplate(text: string, file: string, origin: Template['origin']): Template {
  const source = text.replace(/^\ufeff/, '');
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!m) throw new TemplateError(`${file}:1:1: a template starts with YAML front matter between --- lines`);
  const reader: Reader = new Reader(file, m[1]!, 2);
  if (!isMap(reader.doc.contents)) reader.fail([], 'front matter must be a mapping');
  const data = reader.doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown>;
  checkKeys(reader, data, ['name', 'description', 'fields', 'sections', 'lint'], []);
  const name = str(reader, data.name, ['name'], true)!;
  if (!ID_RE.test(name)) reader.fail(['name'], `template name "${name}" must be kebab-case`);

  const fields: TemplateField[] = [];
  if (data.fields !== undefined && !isSeq(reader.doc.get('fields', true))) reader.fail(['fields'], 'expected a list of fields');
  for (const [i, raw] of ((data.fields as unknown[]) ?? []).entries()) {
    const path = ['fields', i];
    if (!isRecord(raw)) reader.fail(path, 'expected a field: { key, prompt, type, required, choices, default }');
    checkKeys(reader, raw, ['key', 'prompt', 'type', 'required', 'choices', 'default'], path);
    const key = str(reader, raw.key, [...path, 'key'], true)!;
    if (!KEY_RE.test(key)) reader.fail([...path, 'key'], `field key "${key}" must be letters, digits, _ or -`);
    if (fields.some((f) => f.key === key)) reader.fail([...path, 'key'], `field "${key}" is declared twice`);
    const type = (str(reader, raw.type, [...path, 'type'], false) ?? 'string') as FieldType;
    if (!FIELD_TYPES.includes(type)) reader.fail([...path, 'type'], `unknown type "${type}"; expected one of ${FIELD_TYPES.join(', ')}`);
    const field: TemplateField = {
      key,
      prompt: str(reader, raw.prompt, [...path, 'prompt'], false) ?? key,
      type,
      required: bool(reader, raw.required, [...path, 'required'], false),
    };
    if (raw.choices !== undefined) {
      if (!Array.isArray(raw.choices) || raw.choices.length === 0 || !raw.choices.every((c) => typeof c === 'string')) {
        reader.fail([...path, 'choices'], 'expected a non-empty list of strings');
      }
      field.choices = raw.choices as string[];
    }
    if (type === 'enum' && !field.choices) reader.fail(path, 'an enum field needs choices');
    if (raw.default !== undefined) {
      if (field.choices && !field.choices.includes(String(raw.default))) {
        reader.fail([...path, 'default'], `default "${String(raw.default)}" is not one of the choices`);
      }
      field.default = raw.default;
    }
    fields.push(field);
  }

  const sections: TemplateSection[] = [];
  if (!Array.isArray(data.sections) || data.sections.length === 0) reader.fail(['sections'], 'expected a list of sections');
  for (const [i, raw] of (data.sections as unknown[]).entries()) {
    const path = ['sections', i];
    if (!isRecord(raw)) reader.fail(path, 'expected a section: { id, heading, aliases, required, prompt, kind, words }');
    checkKeys(reader, raw, ['id', 'covers', 'heading', 'aliases', 'required', 'prompt', 'kind', 'words', 'format', 'columns', 'lead'], path);
    const id = str(reader, raw.id, [...path, 'id'], true)!;
    if (!ID_RE.test(id)) reader.fail([...path, 'id'], `section id "${id}" must be kebab-case`);
    if (sections.some((s) => s.id === id)) reader.fail([...path, 'id'], `section "${id}" is declared twice`);
    let covers = [id];
    if (raw.covers !== undefined) {
      if (!Array.isArray(raw.covers) || raw.covers.length === 0 || !raw.covers.every((c) => typeof c === 'string' && ID_RE.test(c))) {
        reader.fail([...path, 'covers'], 'expected a list of kebab-case section ids');
      }
      covers = raw.covers as string[];
    }
    const aliases = raw.aliases ?? [];
    if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')) reader.fail([...path, 'aliases'], 'expected a list of strings');
    const kind = (str(reader, raw.kind, [...path, 'kind'], false) ?? 'prose') as SectionKind;
    if (!SECTION_KINDS.includes(kind)) reader.fail([...path, 'kind'], `unknown kind "${kind}"; expected one of ${SECTION_KINDS.join(', ')}`);
    const heading = str(reader, raw.heading, [...path, 'heading'], true)!;
    const section: TemplateSection = {
      id,
      covers,
      heading,
      aliases: aliases as string[],
      required: bool(reader, raw.required, [...path, 'required'], false),
      prompt: str(reader, raw.prompt, [...path, 'prompt'], false) ?? heading,
      kind,
      format: 'list',
      columns: ['item', 'owner', 'due'],
      guidance: '',
    };
    if (raw.format !== undefined) {
      if (raw.format !== 'list' && raw.format !== 'table') reader.fail([...path, 'format'], 'expected list or table');
      if (kind === 'prose') reader.fail([...path, 'format'], 'only timeline and actions sections have a format');
      section.format = raw.format;
    }
    if (raw.columns !== undefined) {
      const cols = raw.columns;
      if (kind !== 'actions') reader.fail([...path, 'columns'], 'only actions sections have columns');
      if (!Array.isArray(cols) || !cols.every((c) => (ACTION_COLUMNS as readonly string[]).includes(c)) || !cols.includes('item')) {
        reader.fail([...path, 'columns'], `expected a list of ${ACTION_COLUMNS.join(', ')} that includes item`);
      }
      section.columns = cols as ActionColumn[];
    }
    if (raw.lead !== undefined) {
      if (raw.lead !== 'incident') reader.fail([...path, 'lead'], 'expected incident');
      section.lead = 'incident';
    }
    const words = range(reader, raw.words, [...path, 'words']);
    if (words) section.words = words;
    sections.push(section);
  }

  const lintRaw = data.lint ?? {};
  if (!isRecord(lintRaw)) reader.fail(['lint'], 'expected a mapping');
  checkKeys(reader, lintRaw, ['words', 'timeline', 'actions', 'rules'], ['lint']);
  const timeline = (lintRaw.timeline ?? {}) as Record<string, unknown>;
  const actions = (lintRaw.actions ?? {}) as Record<string, unknown>;
  if (!isRecord(timeline)) reader.fail(['lint', 'timeline'], 'expected a mapping');
  checkKeys(reader, timeline, ['leadUpMinutes', 'afterMinutes'], ['lint', 'timeline']);
  if (!isRecord(actions)) reader.fail(['lint', 'actions'], 'expected a mapping');
  checkKeys(reader, actions, ['owner', 'due', 'ticket'], ['lint', 'actions']);
  const minutes = (v: unknown, p: Path, d: number): number => {
    if (v === undefined) return d;
    if (typeof v !== 'number' || v < 0) reader.fail(p, 'expected a number of minutes');
    return v;
  };
  const lint: TemplateLint = {
    timeline: {
      leadUpMinutes: minutes(timeline.leadUpMinutes, ['lint', 'timeline', 'leadUpMinutes'], 120),
      afterMinutes: minutes(timeline.afterMinutes, ['lint', 'timeline', 'afterMinutes'], 60),
    },
    actions: {
      owner: bool(reader, actions.owner, ['lint', 'actions', 'owner'], true),
      due: bool(reader, actions.due, ['lint', 'actions', 'due'], false),
      ticket: bool(reader, actions.ticket, ['lint', 'actions', 'ticket'], false),
    },
    rules: {},
  };
  if (lintRaw.rules !== undefined && !isRecord(lintRaw.rules)) reader.fail(['lint', 'rules'], 'expected a mapping of rule ids to off, warn or error');
  for (const [id, setting] of Object.entries((lintRaw.rules ?? {}) as Record<string, unknown>)) {
    const path = ['lint', 'rules', id];
    const checked = validateRuleSetting(setting, `"${id}"`, (problem) => reader.fail(path, problem));
    const bad = ruleSettingProblem(id, Array.isArray(checked) ? checked[1] : undefined);
    if (bad) reader.fail(bad.which === 'id' ? path : [...path, 1], bad.problem, bad.which === 'id');
    lint.rules[id] = checked;
  }
  const words = range(reader, lintRaw.words, ['lint', 'words']);
  if (words) lint.words = words;

  // Each section's heading and aliases name its ids. A heading naming several ids ("Root cause and resolution")
  // is already matched by the parser, which splits it on "and".
  const aliases: Record<string, string[]> = {};
  for (const s of sections) {
    const names = s.covers.length === 1 ? [s.heading, ...s.aliases] : s.aliases;
    for (const id of s.covers) aliases[id] = [...(aliases[id] ?? []), ...names];
  }

  const body = source.slice(m[0].length);
  const preview = parsePostmortem(body, file, { sectionAliases: aliases });
  const bodyLines = body.split(/\r\n|\r|\n/);
  for (const s of sections) {
    const found = preview.sections.find((p) => s.covers.every((c) => p.ids.includes(c)));
    if (found) s.guidance = uncommented(bodyLines.slice(found.contentStart - 1, found.contentEnd).join('\n').trim());
  }
  const template: Template = {
    name,
    description: str(reader, data.description, ['description'], false) ?? '',
    path: file,
    origin,
    fields,
    sections,
    lint,
    body,
    aliases,
  };
  return template;
}
