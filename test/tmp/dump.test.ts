import { it } from 'vitest';
import { RULES } from '../../src/lint/rules/index.js';
import { exampleMessages } from '../helpers.js';
it('dump', () => {
  for (const r of RULES) for (const e of r.examples) console.log(JSON.stringify({ id: r.id, title: e.title, got: exampleMessages(r, e) }));
});
