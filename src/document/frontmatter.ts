/** Front matter: YAML (`---`) or TOML (`+++`), parsed with source positions and never thrown. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import type { FrontMatter, Span } from './model.js';

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

export function parseYamlFrontMatter(raw: string, firstLine: number, span: Span): FrontMatter {
  const value = lf(raw);
  const lineCounter = new LineCounter();
  const result: FrontMatter = { kind: 'yaml', data: {}, fields: {}, span };
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
  const doc = parseDocument(value, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    result.error = {
      message: messageOf(first.message).replace(/ at line \d+, column \d+:?$/, ''),
      line: firstLine + pos.line - 1,
      column: pos.col,
      endLine: firstLine + pos.line - 1,
      endColumn: pos.col + 1,
    };
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
