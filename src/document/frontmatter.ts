/** Front matter: YAML (`---`) or TOML (`+++`), parsed with source positions and never thrown. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import type { Root } from './markdown.js';
import type { FrontMatter, Span } from './model.js';
import { simpleYaml } from './simple-yaml.js';
import { plainYamlError } from './yaml-errors.js';

/** `firstLine` is the 1-based line of the block's first content line. */
/** Lone CR line ends (old Mac files) as LF, one for one, so that line numbers still match. */
const lf = (text: string): string => text.replace(/\r(?!\n)/g, '\n');

/** Nesting no front matter needs; the YAML library recurses once per level and would run out of stack. */
const MAX_YAML_DEPTH = 64;
const TOO_DEEP = `front matter nested more than ${MAX_YAML_DEPTH} levels deep`;

/** Where flow collections (`[`, `{`) first nest past MAX_YAML_DEPTH, outside quotes and comments; -1 if nowhere. */
function tooDeep(text: string): number {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i++; // \ in a double-quoted string
      else if (c === 10 && quote === 35) quote = 0; // a comment ends with its line
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 10)) quote = 35;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_YAML_DEPTH) return i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return -1;
}

/** The library's own message, or ours where it ran out of stack. */
const messageOf = (message: string): string => (/call stack/i.test(message) ? TOO_DEEP : message.split('\n')[0]!);

export function parseYamlFrontMatter(raw: string, firstLine: number, span: Span, options: { library?: boolean } = {}): FrontMatter {
  const value = lf(raw);
  const result: FrontMatter = { kind: 'yaml', data: {}, fields: {}, span };
  const simple = options.library ? undefined : simpleYaml(value);
  if (simple) {
    result.data = simple.data;
    for (const [key, at] of Object.entries(simple.fields)) {
      result.fields[key] = { line: firstLine + at.line - 1, column: at.column, endLine: firstLine + at.endLine - 1, endColumn: at.endColumn };
    }
    return result;
  }
  const lineCounter = new LineCounter();
  const deep = tooDeep(value);
  if (deep >= 0) {
    let line = firstLine;
    let lineStart = 0;
    for (let i = value.indexOf('\n'); i >= 0 && i < deep; i = value.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const column = deep - lineStart + 1;
    result.error = { message: TOO_DEEP, line, column, endLine: line, endColumn: column + 1 };
    return result;
  }
  const doc = parseDocument(value, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    const message = messageOf(first.message).replace(/ at line \d+, column \d+:?$/, '');
    const plain = plainYamlError(first.code, message, value.split('\n'), pos.line, pos.col, firstLine - 1);
    const line = firstLine + (plain?.line ?? pos.line) - 1;
    const column = plain?.column ?? pos.col;
    result.error = { message, line, column, endLine: line, endColumn: column + 1 };
    if (plain) result.error.found = plain.found;
    if (plain?.quote) result.error.quote = plain.quote;
    return result;
  }
  if (doc.contents === null) return result;
  if (!isMap(doc.contents)) {
    const range = (doc.contents as { range?: [number, number, number] }).range ?? [0, 0, 0];
    const pos = lineCounter.linePos(range[0]);
    result.error = {
      message: 'front matter is not a mapping of keys to values',
      line: firstLine + pos.line - 1,
      column: pos.col,
      endLine: firstLine + pos.line - 1,
      endColumn: pos.col + 1,
    };
    return result;
  }
  let data: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs").
    data = plainData(doc.contents) ?? doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    result.error = { message: messageOf((error as Error).message), ...span, endLine: span.line, endColumn: span.column + 3 };
    return result;
  }
  result.data = (data ?? {}) as Record<string, unknown>;
  for (const pair of doc.contents.items as Pair[]) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const start = lineCounter.linePos(pair.key.range[0]);
    const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
    const end = lineCounter.linePos(valueRange ? valueRange[1] : pair.key.range[1]);
    result.fields[key] = {
      line: firstLine + start.line - 1,
      column: start.col,
      endLine: firstLine + end.line - 1,
      endColumn: end.col,
    };
  }
  return result;
}

/**
 * The data of the usual front matter (string keys; scalars and lists of scalars) read off the nodes the parser
 * already resolved, which is what toJS() gives, at a third of its cost. Anything else (aliases, nested maps,
 * other keys) is left to toJS(): undefined.
 */
function plainData(map: YAMLMap): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const pair of map.items as Pair[]) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof key !== 'string' || key === '__proto__') return undefined;
    const value = pair.value;
    if (value === null) out[key] = null;
    else if (isScalar(value)) out[key] = value.value;
    else if (isSeq(value) && value.items.every((item) => isScalar(item))) out[key] = value.items.map((item) => (item as { value: unknown }).value);
    else return undefined;
  }
  return out;
}

export function parseTomlFrontMatter(raw: string, firstLine: number, span: Span): FrontMatter {
  const value = lf(raw);
  const result: FrontMatter = { kind: 'toml', data: {}, fields: {}, span };
  try {
    result.data = parseToml(value) as Record<string, unknown>;
  } catch (error) {
    const e = error as { message: string; line?: number; column?: number };
    const line = firstLine + (e.line ?? 1) - 1;
    result.error = {
      message: e.message.split('\n')[0]!,
      line,
      column: e.column ?? 1,
      endLine: line,
      endColumn: (e.column ?? 1) + 1,
    };
    return result;
  }
  const lines = value.split(/\r?\n/);
  for (const [i, text] of lines.entries()) {
    if (/^\s*\[/.test(text)) break; // keys of [tables] are not top-level fields
    const m = /^\s*([A-Za-z0-9_-]+)\s*=/.exec(text);
    if (m && !(m[1]! in result.fields)) {
      result.fields[m[1]!] = { line: firstLine + i, column: text.indexOf(m[1]!) + 1, endLine: firstLine + i, endColumn: text.length + 1 };
    }
  }
  return result;
}

/**
 * A front matter block opened by --- (or +++) on the first line and never closed: its fields run up to the first
 * line that is not one (a blank line, a heading, text). Reported as that, at the opening line, instead of as a
 * document with no front matter.
 */
function unclosed(source: string): FrontMatter | undefined {
  const m = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(source);
  if (!m) return undefined;
  const lines = source.slice(m[0].length).split(/\r\n|\r|\n/);
  const field = m[1] === '---' ? /^(?:[A-Za-z_][\w-]*\s*:|\s+\S|-\s|#)/ : /^(?:[A-Za-z_][\w-]*\s*=|\s+\S|\[|#)/;
  let n = 0;
  while (n < lines.length && field.test(lines[n]!)) n++;
  if (n === 0) return undefined; // a thematic break, not front matter
  const last = n + 1; // 1-based line of the last field
  const span = { line: 1, column: 1, endLine: last, endColumn: lines[n - 1]!.length + 1 };
  // The fields are read as if the block were closed, so that the other rules check them as usual.
  // (Up to 200 lines: a longer run of "key: value" lines is not front matter someone forgot to close.)
  const raw = lines.slice(0, n).join('\n');
  const read =
    n > 200 ? { error: true, data: {}, fields: {} } : m[1] === '---' ? parseYamlFrontMatter(raw, 2, span) : parseTomlFrontMatter(raw, 2, span);
  return {
    kind: m[1] === '---' ? 'yaml' : 'toml',
    data: read.error ? {} : read.data,
    fields: read.error ? {} : read.fields,
    span,
    error: {
      message: `the front matter opened on line 1 is not closed: add a line "${m[1]}" after its last field (line ${last})`,
      unclosed: true,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 4,
    },
  };
}

/** The front matter of a parsed document: its first block when that is a YAML or TOML block. */
export function frontMatterOf(tree: Root, source?: string): FrontMatter {
  const first = tree.children[0];
  if (!first?.position || (first.type !== 'yaml' && first.type !== 'toml')) return (source !== undefined && unclosed(source)) || { kind: null, data: {}, fields: {} };
  const span: Span = {
    line: first.position.start.line,
    column: first.position.start.column,
    endLine: first.position.end.line,
    endColumn: first.position.end.column,
  };
  const value = first.value;
  const firstLine = span.line + 1;
  return first.type === 'yaml' ? parseYamlFrontMatter(value, firstLine, span) : parseTomlFrontMatter(value, firstLine, span);
}

/** The first of `keys` that holds a non-empty string (or a date, as ISO text). */
export function stringField(data: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = data[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString();
  }
  return undefined;
}
