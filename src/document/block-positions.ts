/** Positions of the block reader's nodes, from micromark's tokens: mdast's points, and where a list item ends. */
import type { Event, Point as MicromarkPoint } from 'micromark-util-types';
import type { Point, Position } from './markdown.js';

export function point(p: MicromarkPoint): Point {
  return { line: p.line, column: p.column, offset: p.offset };
}

export function spanOf(token: Event[1]): Position {
  return { start: point(token.start), end: point(token.end) };
}

/**
 * Where a list item ends, as mdast-util-from-markdown decides it: before the line endings (and container prefixes)
 * that precede the next item or the end of the list. `index` is the event that ends the item (the next item's
 * prefix, or the list's exit).
 */
export function itemEnd(evs: Event[], index: number): Point {
  let lineIndex = -1;
  for (let i = index - 1; i >= 0; i--) {
    const [kind, token] = evs[i]!;
    const type = token.type as string;
    if (type === 'lineEnding' || type === 'lineEndingBlank') {
      if (kind === 'exit') continue;
      lineIndex = i;
    } else if (
      type !== 'linePrefix' &&
      type !== 'blockQuotePrefix' &&
      type !== 'blockQuotePrefixWhitespace' &&
      type !== 'blockQuoteMarker' &&
      type !== 'listItemIndent'
    ) {
      break;
    }
  }
  return point(lineIndex >= 0 ? evs[lineIndex]![1].start : evs[index]![1].end);
}
