/** The README is the user's manual: its examples run here, and its rules section matches the rule files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRuleDocs, RULES_END, RULES_START } from '../src/lint/docs.js';
import { RULES } from '../src/lint/rules/index.js';
import { ROOT, runCli } from './helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

interface Example {
  command: string;
  args: string[];
  output: string;
  exit: number;
}

/** Split a command line the way a shell would for these simple examples (quotes, no expansion). */
function splitArgs(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  for (const block of markdown.matchAll(/```console\n([\s\S]*?)```/g)) {
    let current: Example | undefined;
    for (const line of block[1]!.split('\n')) {
      if (line.startsWith('$ ')) {
        const args = splitArgs(line.slice(2));
        if (args[0] !== 'postmortem') throw new Error(`README example does not run postmortem: ${line}`);
        current = { command: line.slice(2), args: args.slice(1), output: '', exit: 0 };
        out.push(current);
      } else if (current && /^# exit \d+$/.test(line)) {
        current.exit = Number(line.slice(7));
      } else if (current) {
        current.output += `${line}\n`;
      }
    }
  }
  for (const e of out) e.output = e.output.replace(/\n$/, '');
  return out;
}

describe('README', () => {
  const found = examples(README);

  it('has examples to run', () => {
    expect(found.length).toBeGreaterThanOrEqual(4);
  });

  for (const example of found) {
    it(`runs: ${example.command}`, () => {
      const r = runCli(example.args);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(example.output);
      expect(r.code).toBe(example.exit);
    });
  }

  it('documents every rule, exactly as the rule files do (npm run docs)', () => {
    const start = README.indexOf(RULES_START);
    const end = README.indexOf(RULES_END);
    expect(start).toBeGreaterThan(0);
    expect(README.slice(start, end + RULES_END.length)).toBe(renderRuleDocs(RULES));
  });

  it('shows the two set-up commands of the quick start', () => {
    const quick = README.slice(README.indexOf('## Quick start'), README.indexOf('## What it reads'));
    expect(quick).toContain('```sh\nnpm install && npx postmortem new\nnpm test\n```');
  });
});
