import type { ActionItem } from '../../document/model.js';
import { lineOffset, lineText, type Rule, type TextEdit } from '../rule.js';
import { itemSpan } from './action-owner.js';

/** The bullet of a list item's first line ("- ", "* ", "1. "), when the item starts the line. */
const BULLET_RE = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(?!\[[ xX]\])/;

export const rule: Rule = {
  id: 'action-task-list',
  description: 'Action items written as a list are a task list (- [ ] open, - [x] done).',
  defaultSeverity: 'warn',
  fixable: ['task-list'],
  docs: `A checkbox says whether an action item is done, and GitHub and GitLab render it as one you can tick;
\`postmortem actions\` reads it to list open items. Plain bullets under the action items heading are reported once
for the section, at its first plain item. \`--fix\` writes \`[ ] \` after each bullet (nothing else on the line
changes; tick the ones already done). Action tables and templates whose action items are a table are not
concerned.`,
  examples: [
    {
      title: "A task list",
      markdown: `## Corrective and preventative measures

- [x] Revert the migration (owner: @tom, due: 2023-03-01)
- [ ] Test migrations on a full-size copy (owner: @priya, due: 2023-03-31)
`,
      messages: [],
    },
    {
      title: "Plain bullets",
      markdown: `## Corrective and preventative measures

- Test migrations on a full-size copy (owner: @priya, due: 2023-03-31)
- Alert on long-held locks (owner: @dba-team, due: 2023-03-15)
`,
      messages: [
        "3:1: Expected the action items as a task list (\"- [ ] item\", \"- [x] item\" when done), found 2 plain bullets: write \"[ ] \" after each bullet",
      ],
      fixed: `## Corrective and preventative measures

- [ ] Test migrations on a full-size copy (owner: @priya, due: 2023-03-31)
- [ ] Alert on long-held locks (owner: @dba-team, due: 2023-03-15)
`,
    },
  ],
  check({ doc, template, report }) {
    if (!template.sections.some((s) => s.kind === 'actions' && s.format === 'list')) return;
    const plain: Array<{ item: ActionItem; edit: TextEdit }> = [];
    for (const a of doc.actionItems) {
      if (a.form !== 'list' || a.done !== null) continue;
      const text = lineText(doc, a.line);
      const m = BULLET_RE.exec(text.slice(a.column - 1));
      if (!m || text.slice(0, a.column - 1).trim() !== '') continue; // in a quote or after other text: left alone
      const at = lineOffset(doc, a.line) + a.column - 1 + m[0].length;
      plain.push({ item: a, edit: { start: at, end: at, newText: '[ ] ' } });
    }
    if (plain.length === 0) return;
    const n = plain.length;
    report(
      `Expected the action items as a task list ("- [ ] item", "- [x] item" when done), found ${n === 1 ? 'a plain bullet' : `${n} plain bullets`}: write "[ ] " after ${n === 1 ? 'the bullet' : 'each bullet'}`,
      itemSpan(plain[0]!.item),
      { kind: 'task-list', title: 'Make the action items a task list', edits: plain.map((p) => p.edit) },
    );
  },
};
