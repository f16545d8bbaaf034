/** examples/ holds postmortems made with `postmortem new`; each can be made again from its answers file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const answers = readdirSync(join(ROOT, 'examples', 'answers')).filter((f) => f.endsWith('.yaml'));

describe('examples', () => {
  it('come from several built-in templates', () => {
    const templates = answers.map((f) => /--template ([a-z-]+)/.exec(readFileSync(join(ROOT, 'examples', 'answers', f), 'utf8'))![1]);
    expect(new Set(templates).size).toBeGreaterThanOrEqual(3);
  });

  for (const file of answers) {
    it(`${file} gives examples/${file.replace(/\.yaml$/, '.md')} again`, () => {
      const text = readFileSync(join(ROOT, 'examples', 'answers', file), 'utf8');
      const template = /--template ([a-z-]+)/.exec(text)![1]!;
      const r = runCli(['new', '--template', template, '--answers', join('examples', 'answers', file), '--dry-run']);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(readFileSync(join(ROOT, 'examples', file.replace(/\.yaml$/, '.md')), 'utf8'));
    });
  }

  it('all pass lint', () => {
    expect(runCli(['lint', 'examples/'])).toMatchObject({ code: 0, stdout: `✔ ${answers.length} files checked, no problems\n` });
  });
});
