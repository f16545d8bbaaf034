/** Action items in the forms exports and hand-written reports use: real documents in, items out. */
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from './parse.js';

const items = (markdown: string): Array<[number, string, string | null]> =>
  parsePostmortem(markdown).actionItems.map((a) => [a.line, a.text, a.owner]);

describe('action items', () => {
  it('from an HTML list (a Confluence export), one per <li>, with owner and ticket', () => {
    const md = [
      '<h1>PIR-7</h1>', '', '<h2>Follow-up tasks</h2>', '<ul>',
      '<li>Turn the idempotency flag on (RP-220, owner: Dana)</li>', '<li>Alert on 1.5x the usual rate &amp; page (RP-221, owner: Felix)</li>',
      '</ul>', '',
    ].join('\n');
    expect(items(md)).toEqual([
      [5, 'Turn the idempotency flag on (RP-220, owner: Dana)', 'Dana'],
      [6, 'Alert on 1.5x the usual rate & page (RP-221, owner: Felix)', 'Felix'],
    ]);
    expect(parsePostmortem(md).actionItems.map((a) => a.ticket)).toEqual(['RP-220', 'RP-221']);
  });

  it('from a table whose owner and due columns are "Responsible" and "Until"', () => {
    const md = '# T\n\n## Measures\n\n| No. | Measure | Responsible | Until |\n|---|---|---|---|\n| 1 | Load test before presales | platform | 20/11/2026 |\n';
    expect(parsePostmortem(md).actionItems.map((a) => [a.text, a.owner, a.due])).toEqual([['1 | Load test before presales', 'platform', '2026-11-20']]);
  });
});
