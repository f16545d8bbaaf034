/**
 * The usual front matter, read without the YAML library: one `key: value` per line, where a value is a plain or
 * quoted scalar or a one-line flow list of them, with comments and blank lines between. The library (./frontmatter.ts)
 * spends about 150 µs on such a block, as much as the rest of reading a document's metadata; this reads it in a few.
 *
 * It answers only where its answer is the library's (the data toJS() gives, with the same positions for each key),
 * which a property test against the library holds; on anything else (indentation, anchors, tags, block scalars,
 * numbers other than small integers, duplicate keys, odd characters) it returns undefined and the library reads the
 * block, errors and all.
 */
import type { Span } from './model.js';

export interface SimpleYaml {
  data: Record<string, unknown>;
  /** Each key's span, from the key to the end of its value; lines 1-based in the block. */
  fields: Record<string, Span>;
}

const KEY_RE = /^([A-Za-z_][\w-]*):(?=[ ]|$)/;
/** Keys the core schema reads as something other than a string. */
const NOT_STRING_KEY_RE = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const NULL_RE = /^(?:~|null|Null|NULL)$/;
const SMALL_INT_RE = /^(?:0|[1-9]\d{0,14})$/;
/** What the core schema could read as a number (or that starts like one): left to the library. */
const NUMBERISH_RE = /^[-+.\d]/;
/** Characters a plain scalar may not start with (YAML indicators), `-`, `?`, `:` only when a blank follows. */
const INDICATOR_RE = /^(?:[,[\]{}#&*!|>'"%@`]|[-?:](?:[ ]|$))/;
/** Characters the fast path leaves to the library anywhere in a block: control characters (tab and CR among them) and
 * others YAML treats specially. */
function hasUnusual(block: string): boolean {
  for (let i = 0; i < block.length; i++) {
    const c = block.charCodeAt(i);
    if ((c < 32 && c !== 10) || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff) return true;
  }
  return false;
}

interface Scalar {
  value: unknown;
  /** Offset in the line just after the scalar (its closing quote, or its last non-blank character). */
  end: number;
}

/** A plain scalar's value by the core schema; undefined where the library should decide. */
function plainValue(text: string): unknown {
  if (NULL_RE.test(text)) return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (SMALL_INT_RE.test(text)) return Number(text);
  if (NUMBERISH_RE.test(text) && !/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  return text;
}

/** A quoted scalar starting at `from` (no escapes, no inner quote of its kind), or undefined. */
function quoted(line: string, from: number): Scalar | undefined {
  const q = line[from];
  const close = line.indexOf(q!, from + 1);
  if (close < 0) return undefined;
  const inner = line.slice(from + 1, close);
  if (q === '"' && inner.includes('\\')) return undefined;
  return { value: inner, end: close + 1 };
}

/** The value of a block mapping entry from `from` to the line's end (a comment after it allowed). */
function blockValue(line: string, from: number): Scalar | undefined {
  let i = from;
  while (line.charCodeAt(i) === 32) i++;
  if (i >= line.length || line[i] === '#') return undefined; // an empty value: left to the library
  const c = line[i];
  let scalar: Scalar | undefined;
  if (c === '"' || c === "'") scalar = quoted(line, i);
  else if (c === '[') scalar = flowList(line, i);
  else {
    let end = line.indexOf(' #', i);
    if (end < 0) end = line.length;
    const text = line.slice(i, end).trimEnd();
    if (INDICATOR_RE.test(text) || text.includes(': ') || text.endsWith(':')) return undefined;
    const value = plainValue(text);
    if (value === undefined) return undefined;
    return { value, end: i + text.length };
  }
  if (!scalar) return undefined;
  const rest = line.slice(scalar.end);
  return rest.trim() === '' || /^ +#/.test(rest) ? scalar : undefined;
}

/** `[a, "b", 3]` on one line: plain or quoted scalars, commas between. */
function flowList(line: string, from: number): Scalar | undefined {
  const items: unknown[] = [];
  let i = from + 1;
  for (;;) {
    while (line.charCodeAt(i) === 32) i++;
    if (line[i] === ']' && items.length === 0) return { value: items, end: i + 1 };
    const c = line[i];
    let item: Scalar | undefined;
    if (c === '"' || c === "'") item = quoted(line, i);
    else {
      let end = i;
      while (end < line.length && !',[]{}#'.includes(line[end]!)) end++;
      const text = line.slice(i, end).trimEnd();
      if (text === '' || INDICATOR_RE.test(text) || text.includes(':') || line[end] === '#') return undefined;
      const value = plainValue(text);
      if (value === undefined || value === null) return undefined;
      item = { value, end: i + text.length };
    }
    if (!item) return undefined;
    items.push(item.value);
    i = item.end;
    while (line.charCodeAt(i) === 32) i++;
    if (line[i] === ',') {
      i++;
      continue;
    }
    if (line[i] === ']') return { value: items, end: i + 1 };
    return undefined;
  }
}

/** The block read as the library would, or undefined when it is not the usual kind (the library reads it then). */
export function simpleYaml(block: string): SimpleYaml | undefined {
  if (hasUnusual(block)) return undefined;
  const data: Record<string, unknown> = {};
  const fields: Record<string, Span> = {};
  const lines = block.split('\n');
  let keys = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const key = KEY_RE.exec(line);
    if (!key) return undefined;
    const name = key[1]!;
    if (NOT_STRING_KEY_RE.test(name) || name === '__proto__' || Object.hasOwn(data, name)) return undefined;
    const value = blockValue(line, key[0].length);
    if (!value) return undefined;
    data[name] = value.value;
    fields[name] = { line: n + 1, column: 1, endLine: n + 1, endColumn: value.end + 1 };
    keys++;
  }
  return keys > 0 ? { data, fields } : undefined;
}
