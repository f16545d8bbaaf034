/** YAML errors in front matter, worded for people. */

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
