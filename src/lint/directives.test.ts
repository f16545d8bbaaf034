import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../document/parse.js';
import { directivesOf, isDisabled } from './directives.js';

describe('lint directives', () => {
  it('collects disable and enable comments with their lines', () => {
    const doc = parsePostmortem('<!-- postmortem-disable timeline-time -->\n\ntext\n\n<!-- postmortem-enable -->\n');
    expect(directivesOf(doc)).toEqual([
      { kind: 'disable', rules: ['timeline-time'], line: 1 },
      { kind: 'enable', rules: [], line: 5 },
    ]);
  });

  it('finds comments nested in lists and quotes and inline, never in code', () => {
    const doc = parsePostmortem(
      [
        '- item',
        '  <!-- postmortem-disable word-count -->',
        '> <!-- postmortem-disable-next-line action-owner -->',
        'text <!-- postmortem-enable word-count --> more',
        '```',
        '<!-- postmortem-disable -->',
        '```',
      ].join('\n'),
    );
    expect(directivesOf(doc).map((d) => [d.kind, d.line])).toEqual([
      ['disable', 2],
      ['disable-next-line', 3],
      ['enable', 4],
    ]);
    expect(isDisabled(doc, 'word-count', 3)).toBe(true);
    expect(isDisabled(doc, 'word-count', 5)).toBe(false);
    expect(isDisabled(doc, 'action-owner', 4)).toBe(true);
    expect(isDisabled(doc, 'action-owner', 5)).toBe(false);
  });
});
