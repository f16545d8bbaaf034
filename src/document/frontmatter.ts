/** Front matter: YAML (`---`) or TOML (`+++`), parsed with source positions and never thrown. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import type { Root } from './markdown.js';
import type { FrontMatter, Span } from './model.js';

/** `firstLine` is the 1-based line of the block's first content line. */
/** Lone CR line ends (old Mac files) as LF, one for one, so that line numbers still match. */
const lf = (text: string): string => text.replace(/\r(?!\n)/g, '\n');

export function parseYamlFrontMatter(raw: string, firstLine: number, span: Span): FrontMatter {
  const value = lf(raw);
  const lineCounter = new LineCounter();
  const doc = parseDocument(value, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  const result: FrontMatter = { kind: 'yaml', data: {}, fields: {}, span };
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    result.error = {
      message: first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
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
    result.error = { message: (error as Error).message.split('\n')[0]!, ...span, endLine: span.line, endColumn: span.column + 3 };
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

/** The front matter of a parsed document: its first block when that is a YAML or TOML block. */
export function frontMatterOf(tree: Root): FrontMatter {
  const first = tree.children[0];
  if (!first?.position || (first.type !== 'yaml' && first.type !== 'toml')) return { kind: null, data: {}, fields: {} };
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
