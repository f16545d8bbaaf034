import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';
import { parsePostmortem } from '../../document/parse.js';
import { lintDocument } from '../engine.js';
import { DEFAULT_TEMPLATE } from '../../../test/helpers.js';

describe('template-known', () => {
  it('is silent when the template exists', () => {
    expect(messagesOf(VALID, 'template-known')).toEqual([]);
  });

  it('reports an unknown template at its field', () => {
    const doc = edit(VALID, 'template: default', 'template: nope');
    const parsed = parsePostmortem(doc, 'x.md');
    const ms = lintDocument(parsed, DEFAULT_TEMPLATE, { templateProblem: { name: 'nope', available: ['default'] } }).filter(
      (m) => m.ruleId === 'template-known',
    );
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ line: lineOf(doc, 'template: nope'), column: 1 });
    expect(ms[0]!.message).toBe('Expected a known template (default), found "nope"');
  });
});
