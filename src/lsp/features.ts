/**
 * Help while writing, read off the document's template: completion of front-matter keys and values, hover with
 * the template's guidance, the outline of sections. Pure functions of the text, its model and its template.
 */
import type { CompletionItem, CompletionItemKind, DocumentSymbol, Hover, Position, Range, SymbolKind } from 'vscode-languageserver';
import type { Postmortem, Section } from '../document/model.js';
import type { TemplateRegistry } from '../template/load.js';
import type { Template, TemplateField, TemplateSection } from '../template/template.js';

/** CompletionItemKind, SymbolKind and MarkupKind values (numbers of the protocol), without loading the library. */
const PROPERTY = 10 as CompletionItemKind;
const VALUE = 12 as CompletionItemKind;
const ENUM_MEMBER = 20 as CompletionItemKind;
const SYMBOL_STRING = 15 as SymbolKind;
const SYMBOL_NAMESPACE = 3 as SymbolKind;
const SYMBOL_PROPERTY = 7 as SymbolKind;

export interface FrontMatterBlock {
  /** 0-based line of the opening fence, and of the closing one (or of the last line while it is being typed). */
  open: number;
  close: number;
  closed: boolean;
  /** `:` for YAML, `=` for TOML. */
  separator: ':' | '=';
}

/** Where the front matter is, even half typed (no closing fence yet: it runs to the first blank line or the end). */
export function frontMatterBlock(lines: readonly string[]): FrontMatterBlock | undefined {
  const first = (lines[0] ?? '').replace(/^\ufeff/, '').trimEnd();
  if (first !== '---' && first !== '+++') return undefined;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.trimEnd() === first || (first === '---' && lines[i]!.trimEnd() === '...')) return { open: 0, close: i, closed: true, separator: first === '---' ? ':' : '=' };
  }
  let end = lines.length - 1;
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]!.trim()) {
      end = i;
      break;
    }
  }
  return { open: 0, close: end, closed: false, separator: first === '---' ? ':' : '=' };
}

const KEY_AT_START = /^([A-Za-z_][A-Za-z0-9_-]*)\s*[:=]/;

/** Keys already written in the front matter. */
function writtenKeys(lines: readonly string[], fm: FrontMatterBlock): Set<string> {
  const keys = new Set<string>();
  for (let i = fm.open + 1; i < fm.close; i++) {
    const m = KEY_AT_START.exec(lines[i]!);
    if (m) keys.add(m[1]!);
  }
  return keys;
}

let zones: string[] | undefined;
/** Every IANA time-zone name this Node knows, UTC first. */
export function timeZones(): string[] {
  if (!zones) {
    const all = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
    zones = ['UTC', ...all.filter((z) => z !== 'UTC')];
  }
  return zones;
}

function fieldDoc(field: TemplateField): string {
  const lines = [`**${field.key}** — ${field.prompt}`, '', `Type: \`${field.type}\`${field.required ? ', required' : ''}`];
  if (field.choices) lines.push(`Choices: ${field.choices.map((c) => `\`${c}\``).join(', ')}`);
  if (field.default !== undefined) lines.push(`Default: \`${String(field.default)}\``);
  return lines.join('\n');
}

const TEMPLATE_KEY_DOC = '**template** — the template this postmortem follows (`postmortem templates` lists them).';

export interface CompletionInput {
  lines: readonly string[];
  position: Position;
  template: Template;
  templates: TemplateRegistry;
}

/** Completion in the front matter: keys the template declares and the document lacks; choices for a key's value. */
export function complete({ lines, position, template, templates }: CompletionInput): CompletionItem[] {
  const fm = frontMatterBlock(lines);
  if (!fm || position.line <= fm.open || position.line > fm.close || (fm.closed && position.line === fm.close)) return [];
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const sep = fm.separator;

  const value = new RegExp(`^([A-Za-z_][A-Za-z0-9_-]*)\\s*${sep}\\s*(["']?)([^"'\\[\\]{},#]*)$`).exec(before);
  if (value) {
    const key = value[1]!;
    const typed = value[3]!;
    const from = position.character - typed.length;
    const range: Range = { start: { line: position.line, character: from }, end: { line: position.line, character: position.character } };
    // Replace the rest of a value already there when completing inside it.
    const rest = /^[^\s"'#]*/.exec(line.slice(position.character))![0];
    range.end.character += rest.length;
    const quote = value[2]!;
    const item = (label: string, kind: CompletionItemKind, detail?: string): CompletionItem => ({
      label,
      kind,
      ...(detail ? { detail } : {}),
      textEdit: { range, newText: label + (quote && !line.slice(position.character + rest.length).startsWith(quote) ? quote : '') },
      filterText: label,
    });
    if (key === 'template') return templates.list().map((t) => item(t.name, ENUM_MEMBER, t.origin));
    const field = template.fields.find((f) => f.key === key);
    if (!field) return [];
    if (field.choices) return field.choices.map((c, i) => ({ ...item(c, ENUM_MEMBER, field.prompt), sortText: String(i).padStart(3, '0') }));
    if (field.type === 'timezone') return timeZones().map((z, i) => ({ ...item(z, VALUE), sortText: String(i).padStart(4, '0') }));
    if (field.type === 'boolean') return ['true', 'false'].map((b) => item(b, VALUE));
    if (field.type === 'date') return [item(new Date().toISOString().slice(0, 10), VALUE, 'today')];
    return [];
  }

  const key = /^([A-Za-z_][A-Za-z0-9_-]*)?$/.exec(before);
  if (!key) return [];
  const typed = key[1] ?? '';
  const written = writtenKeys(lines, fm);
  const range: Range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: position.character } };
  const items: CompletionItem[] = [];
  template.fields.forEach((field, i) => {
    if (written.has(field.key) && field.key !== typed) return;
    items.push({
      label: field.key,
      kind: PROPERTY,
      detail: `${field.type}${field.required ? ' (required)' : ''}`,
      documentation: { kind: 'markdown', value: fieldDoc(field) },
      sortText: `${field.required ? 0 : 1}${String(i).padStart(3, '0')}`,
      textEdit: { range, newText: `${field.key}${sep === ':' ? ': ' : ' = '}` },
      filterText: field.key,
    });
  });
  if (!written.has('template') || typed === 'template') {
    items.push({
      label: 'template',
      kind: PROPERTY,
      detail: 'template name',
      documentation: { kind: 'markdown', value: TEMPLATE_KEY_DOC },
      sortText: '2000',
      textEdit: { range, newText: `template${sep === ':' ? ': ' : ' = '}` },
      filterText: 'template',
    });
  }
  return items;
}

/** The template's section for a section of the document. */
export function templateSectionFor(section: Section, template: Template): TemplateSection | undefined {
  return template.sections.find((ts) => ts.covers.every((id) => section.ids.includes(id))) ?? template.sections.find((ts) => ts.covers.some((id) => section.ids.includes(id)));
}

function sectionDoc(ts: TemplateSection, template: Template): string {
  const head = `**${ts.heading}** — section \`${ts.id}\` of template \`${template.name}\`${ts.required ? ' (required)' : ''}`;
  const parts = [head, '', ts.prompt];
  if (ts.words) parts.push('', `Words: ${ts.words.min ?? 0}–${ts.words.max ?? '∞'}`);
  if (ts.guidance) parts.push('', '---', '', ts.guidance);
  return parts.join('\n');
}

/** Hover on a section heading or a front-matter key: what the template asks for there. */
export function hover(doc: Postmortem, lines: readonly string[], position: Position, template: Template): Hover | null {
  const line1 = position.line + 1;
  const fm = frontMatterBlock(lines);
  if (fm && position.line > fm.open && position.line < fm.close) {
    const m = KEY_AT_START.exec(lines[position.line] ?? '');
    if (!m) return null;
    const range: Range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: m[1]!.length } };
    if (m[1] === 'template') return { contents: { kind: 'markdown', value: TEMPLATE_KEY_DOC }, range };
    const field = template.fields.find((f) => f.key === m[1]);
    return field ? { contents: { kind: 'markdown', value: fieldDoc(field) }, range } : null;
  }
  const section = doc.sections.find((s) => s.style !== 'inline' && s.line <= line1 && line1 <= s.endLine);
  if (!section) return null;
  const ts = templateSectionFor(section, template);
  if (!ts) return null;
  return {
    contents: { kind: 'markdown', value: sectionDoc(ts, template) },
    range: {
      start: { line: section.line - 1, character: Math.max(0, section.column - 1) },
      end: { line: section.endLine - 1, character: Math.min(Math.max(0, section.endColumn - 1), lines[section.endLine - 1]?.length ?? 0) },
    },
  };
}

/** The outline: the front matter with its keys, then the sections nested by heading depth. */
export function symbols(doc: Postmortem, lines: readonly string[]): DocumentSymbol[] {
  const lastLine = Math.max(0, lines.length - 1);
  const endOf = (line: number): Position => ({ line, character: lines[line]?.length ?? 0 });
  const out: DocumentSymbol[] = [];
  const fm = doc.frontMatter.span;
  if (fm) {
    const children: DocumentSymbol[] = Object.entries(doc.frontMatter.fields).map(([key, span]) => {
      const range: Range = { start: { line: span.line - 1, character: 0 }, end: endOf(Math.min(span.endLine - 1, lastLine)) };
      return { name: key, kind: SYMBOL_PROPERTY, range, selectionRange: { start: range.start, end: { line: span.line - 1, character: key.length } } };
    });
    const range: Range = { start: { line: fm.line - 1, character: 0 }, end: endOf(Math.min(fm.endLine - 1, lastLine)) };
    out.push({ name: 'front matter', kind: SYMBOL_NAMESPACE, range, selectionRange: { start: range.start, end: { line: fm.line - 1, character: Math.min(3, lines[fm.line - 1]?.length ?? 0) } }, children });
  }
  const sections = doc.sections.filter((s) => s.style !== 'inline');
  const stack: Array<{ depth: number; symbol: DocumentSymbol }> = [];
  sections.forEach((s, i) => {
    const next = sections.slice(i + 1).find((n) => n.depth <= s.depth);
    const endLine = Math.min(next ? next.line - 2 : lastLine, lastLine);
    const start: Position = { line: s.line - 1, character: 0 };
    const range: Range = { start, end: endOf(Math.max(endLine, s.endLine - 1)) };
    const selectionRange: Range = { start, end: endOf(s.endLine - 1) };
    const symbol: DocumentSymbol = { name: s.heading || '(untitled)', detail: s.ids.join(', '), kind: SYMBOL_STRING, range, selectionRange, children: [] };
    while (stack.length && stack.at(-1)!.depth >= s.depth) stack.pop();
    if (stack.length) stack.at(-1)!.symbol.children!.push(symbol);
    else out.push(symbol);
    stack.push({ depth: s.depth, symbol });
  });
  return out;
}
