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

export function findPlaceholder(text: string): string | undefined {
  PLACEHOLDER_RE.lastIndex = 0;
  const m = PLACEHOLDER_RE.exec(text);
  PLACEHOLDER_RE.lastIndex = 0;
  return m?.[0];
}
