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

describe('action item owners and due dates written other ways', () => {
  it('a person mentioned by name, as Notion and Confluence write it ("@Priya Raman"), with letters of any language', () => {
    const md = '# T\n\n## Action items\n\n- [ ]  Require a path test @Priya Raman\n- [ ]  Answer with 400 @Tomás Ortega\n- [ ] Cap autoscaling @jonas due 2026-04-23\n- [ ] Review with @Dana Lee, then ship\n';
    expect(parsePostmortem(md).actionItems.map((a) => [a.owner, a.due])).toEqual([
      ['@Priya Raman', null], ['@Tomás Ortega', null], ['@jonas', '2026-04-23'], ['@Dana Lee', null],
    ]);
  });

  it('owners and due dates labelled in Spanish, Portuguese, French or German', () => {
    const md = [
      '# T', '', '## Maßnahmen', '', '1. Proxy in der Testumgebung aufbauen (Verantwortlich: Plattform, bis 2026-02-20)',
      '2. Validar la lista de nodos (responsable: plataforma)', '3. Revisar alertas (responsável: pagamentos, prazo: 2026-03-01)', '',
    ].join('\n');
    expect(parsePostmortem(md).actionItems.map((a) => [a.owner, a.due])).toEqual([
      ['Plattform', '2026-02-20'], ['plataforma', null], ['pagamentos', '2026-03-01'],
    ]);
  });
});
