/** Front matter: YAML (`---`) or TOML (`+++`), parsed with source positions and never thrown. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import type { Root } from './markdown.js';
import type { FrontMatter, Span } from './model.js';
import { simpleYaml } from './simple-yaml.js';

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
 * A YAML error said as a person would, at the line where the mistake is (an unclosed "[" is reported where it
 * opens, not where the parser gave up). `line` is 1-based in `lines`. Undefined: no plain wording for it.
 */
export function plainYamlError(
  code: string,
  message: string,
  lines: string[],
  line: number,
  col: number,
  /** Added to a line of `lines` to name it in a message: lines of the document, not of the block. */
  lineOffset = 0,
): { found: string; line: number; column: number; quote?: { key: string; value: string; because: string } } | undefined {
  const text = lines[line - 1] ?? '';
  const kvm = /^(\s*)([\w-]+)\s*:(.*)$/.exec(text);
  const kv = kvm ? [kvm[0], kvm[1], kvm[2], kvm[3]!.trimStart()] : null; // indentation, key, value
  // Search upwards from the reported line for the one where something was opened and not closed.
  const opener = (open: string, close: string): number | undefined => {
    for (let n = Math.min(line, lines.length); n >= 1; n--) {
      const l = lines[n - 1]!;
      const opens = l.split(open).length - 1;
      const closes = l.split(close).length - 1;
      if (opens > closes) return n;
    }
    return undefined;
  };
  if (code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(message)) {
    const seq = message.startsWith('Flow sequence');
    const [open, close] = seq ? ['[', ']'] : ['{', '}'];
    const n = opener(open, close) ?? line;
    return { found: `a ${seq ? 'list' : 'mapping'} opened with "${open}" and not closed: end it with "${close}"`, line: n, column: (lines[n - 1] ?? '').indexOf(open) + 1 || 1 };
  }
  if (code === 'MISSING_CHAR' && /quote/.test(message)) {
    const q = message.includes('"') ? '"' : "'";
    let n = line;
    for (let k = Math.min(line, lines.length); k >= 1; k--) {
      if (((lines[k - 1] ?? '').split(q).length - 1) % 2 === 1) {
        n = k;
        break;
      }
    }
    return { found: `a value opened with ${q} and not closed: end it with ${q}`, line: n, column: (lines[n - 1] ?? '').indexOf(q) + 1 || 1 };
  }
  const quoted = (key: string, value: string, because: string, column: number) => ({
    found: `${because}: put it in quotes, ${key}: "${value.replace(/"/g, '\\"')}"`,
    line,
    column,
    quote: { key, value, because },
  });
  const indent = (l: string): number => /^ */.exec(l)![0].length;
  const spaces = (n: number): string => (n === 0 ? 'no spaces' : n === 1 ? '1 space' : `${n} spaces`);
  const keyLine = /^(\s*)([\w-]+)\s*:/;
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && /compact mappings/.test(message) && kv) {
    // "key: value" followed by a line indented under it: the indentation is the mistake, unless the value has ": ".
    let next = line;
    while (next < lines.length && !lines[next]!.trim()) next++;
    const under = keyLine.exec(lines[next] ?? '');
    if (!/:(\s|$)/.test(kv[3]!) && under && under[1]!.length > kv[1]!.length) {
      return {
        found: `"${under[2]}" indented ${spaces(under[1]!.length)} under "${kv[2]}", which already has a value: start it at column ${kv[1]!.length + 1}, as "${kv[2]}" on line ${line + lineOffset} does`,
        line: next + 1,
        column: under[1]!.length + 1,
      };
    }
    return quoted(kv[2]!, kv[3]!, 'a value with ": " in it', kv[1]!.length + kv[2]!.length + 3);
  }
  if (code === 'BAD_INDENT' && /same column/.test(message)) {
    // A field out of line with the fields above it: name the nearest one it could line up with.
    const m = keyLine.exec(text);
    const n = indent(text);
    let ref: number | undefined;
    for (let k = line - 1; k >= 1 && ref === undefined; k--) if (keyLine.test(lines[k - 1]!) && indent(lines[k - 1]!) < n) ref = k;
    for (let k = line - 1; k >= 1 && ref === undefined; k--) if (keyLine.test(lines[k - 1]!) && indent(lines[k - 1]!) !== n) ref = k;
    if (m && ref !== undefined) {
      const r = keyLine.exec(lines[ref - 1]!)!;
      return {
        found: `"${m[2]}" indented ${spaces(n)}, out of line with the fields above it: start it at column ${r[1]!.length + 1}, as "${r[2]}" on line ${ref + lineOffset} does`,
        line,
        column: n + 1,
      };
    }
  }
  if (code === 'MULTILINE_IMPLICIT_KEY' || (code === 'BLOCK_AS_IMPLICIT_KEY' && /sequence/.test(message))) {
    const noSpace = /^(\s*)([\w-]+):(\S.*)$/.exec(text);
    if (noSpace) return { found: `"${text.trim()}", with no space after the colon: write "${noSpace[2]}: ${noSpace[3]}"`, line, column: noSpace[1]!.length + 1 };
    if (/^\s*-\s/.test(text)) {
      // A list item out of line with the items above it, or one after a field that already has a value.
      const above = lines.slice(0, line - 1).findLastIndex((l) => l.trim() !== '');
      if (above >= 0 && /^\s*-\s/.test(lines[above]!) && indent(lines[above]!) !== indent(text)) {
        return {
          found: `a list item indented ${spaces(indent(text))} where the item above it is indented ${spaces(indent(lines[above]!))}: line them up`,
          line,
          column: indent(text) + 1,
        };
      }
      return { found: 'a list item that belongs to no field: indent it under its field ("authors:" on the line above)', line, column: 1 };
    }
    return { found: `a line that is not "key: value": "${text.trim().slice(0, 40)}"`, line, column: 1 };
  }
  if (code === 'DUPLICATE_KEY' && kv) return { found: `"${kv[2]}" a second time: keep one`, line, column: kv[1]!.length + 1 };
  if (code === 'TAB_AS_INDENT') return { found: 'a tab used to indent: indent with spaces', line, column: 1 };
  if (code === 'BAD_SCALAR_START' && kv) {
    const ch = text[col - 1] ?? kv[3]![0];
    return { ...quoted(kv[2]!, kv[3]!, `a value starting with "${ch}", which YAML reserves`, col), column: col };
  }
  if (code === 'UNEXPECTED_TOKEN' && /at node end/.test(message) && kv && kv[1] === '') {
    // A field at column 1 after fields indented for no reason: the first of those is the mistake.
    const first = lines.slice(0, line - 1).findIndex((l) => keyLine.test(l) && indent(l) > 0);
    if (first >= 0) {
      const k = keyLine.exec(lines[first]!)!;
      return { found: `"${k[2]}" indented ${spaces(k[1]!.length)}: start the fields at column 1, as "${kv[2]}" on line ${line + lineOffset} does`, line: first + 1, column: k[1]!.length + 1 };
    }
  }
  if (code === 'UNEXPECTED_TOKEN' && kv && /^'.*'.*'/.test(kv[3]!.trim())) {
    return { found: `a quote inside a value in single quotes: write it twice ('') or use double quotes`, line, column: kv[1]!.length + kv[2]!.length + 3 };
  }
  return undefined;
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
