/** Text that stands in for content: TODO, TBD, FIXME, "[Time of detection]", "[insert …]", "<describe …>". */
export const PLACEHOLDER_RE =
  /\b(TODO|TBD|FIXME)\b|\[(?:insert|add|describe|enter|fill|your|time|date|name|owner|link|ticket)\b[^\]]*\](?!\()|<(?:insert|describe|fill|your)[^>]*>/gi;

export function findPlaceholder(text: string): string | undefined {
  PLACEHOLDER_RE.lastIndex = 0;
  const m = PLACEHOLDER_RE.exec(text);
  PLACEHOLDER_RE.lastIndex = 0;
  return m?.[0];
}
