/** Text that stands in for content: TODO, TBD, FIXME, "[Time of detection]", "[insert …]", "<describe …>". */
function placeholderPattern(alsoNot: string): RegExp {
  return new RegExp(
    `\\b(TODO|TBD|FIXME)\\b|\\[(?:insert|add|describe|enter|fill|your|time|date|name|owner|link|ticket)\\b[^[\\]${alsoNot}]*\\](?!\\()|<(?:insert|describe|fill|your)[^<>${alsoNot}]*>`,
    'gi',
  );
}

export const PLACEHOLDER_RE = placeholderPattern('');
/** The same, never across a line end: for scanning a whole document at once. */
export const PLACEHOLDER_LINE_RE = placeholderPattern('\\r\\n');

/**
 * Whether a match stands in for content. "todo" or "Todo" without a colon does not: it is a word of Spanish and
 * Portuguese ("todo el tráfico") and of an English "todo list"; "TODO", "todo:" and "Todo:" are placeholders.
 */
export function isPlaceholder(m: RegExpExecArray, text: string): boolean {
  const word = m[1];
  return word === undefined || word === 'TODO' || (word !== 'todo' && word !== 'Todo') || text.charCodeAt(m.index + 4) === 58;
}

export function findPlaceholder(text: string): string | undefined {
  PLACEHOLDER_RE.lastIndex = 0;
  let m = PLACEHOLDER_RE.exec(text);
  while (m && !isPlaceholder(m, text)) m = PLACEHOLDER_RE.exec(text);
  PLACEHOLDER_RE.lastIndex = 0;
  return m?.[0];
}
