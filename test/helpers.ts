/** Shared test helpers: real templates, real files in temp dirs, the built CLI as a subprocess. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleSetting } from '../src/config/config.js';
import { parsePostmortem } from '../src/document/parse.js';
import { lintDocument } from '../src/lint/engine.js';
import { DEFAULT_FIX_KINDS, fixText } from '../src/lint/fix.js';
import type { LintMessage, Rule, RuleExample } from '../src/lint/rule.js';
import { parseTemplate, type Template } from '../src/template/template.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'postmortem.js');

export function loadBuiltin(name: string): Template {
  const path = join(ROOT, 'templates', `${name}.md`);
  return parseTemplate(readFileSync(path, 'utf8'), path, 'built-in');
}

export const DEFAULT_TEMPLATE = loadBuiltin('default');

export const BUILTIN_NAMES = readdirSync(join(ROOT, 'templates')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();

/** A complete, lint-clean postmortem written by us (examples/). */
export const VALID = readFileSync(join(ROOT, 'examples', '2023-03-01-login-service-down-after-a-migration-locked-the-users-table.md'), 'utf8');

export function lint(
  markdown: string,
  options: { template?: Template; rules?: Record<string, RuleSetting>; timezone?: string } = {},
): LintMessage[] {
  const template = options.template ?? DEFAULT_TEMPLATE;
  const doc = parsePostmortem(markdown, 'doc.md', {
    sectionAliases: template.aliases,
    ...(options.timezone ? { defaultTimezone: options.timezone } : {}),
  });
  return lintDocument(doc, template, options.rules ? { rules: options.rules } : {});
}

/** Messages of one rule, reduced to what tests assert: position and text. */
export function messagesOf(markdown: string, ruleId: string, options: Parameters<typeof lint>[1] = {}): LintMessage[] {
  return lint(markdown, options).filter((m) => m.ruleId === ruleId);
}

/** Replace text that must be there (so a test cannot pass because its edit silently did nothing). */
export function edit(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`edit: ${String(from)} not found`);
  return text.replace(from, to);
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split(/\r\n|\r|\n/).findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`lineOf: ${needle} not found`);
  return i + 1;
}

/** Whether this run may mount a tmpfs (root, in a container that allows it): the full-disk tests need one. */
export function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const dir = tempDir();
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dir]).status === 0;
  if (ok) spawnSync('umount', [dir]);
  return ok;
}

export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-test-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (`npm test` builds first) as a user would. */
export function runCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CI: '', ...options.env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The messages of `rule` on one of its examples, as "line:column: message". */
function exampleLint(rule: Rule, example: RuleExample, markdown: string): LintMessage[] {
  const template = loadBuiltin(example.template ?? 'default');
  const doc = parsePostmortem(markdown, 'example.md', { sectionAliases: template.aliases });
  const setting = example.options ? ([rule.defaultSeverity, example.options] as const) : rule.defaultSeverity;
  const templateProblem = doc.template && !BUILTIN_NAMES.includes(doc.template) ? { name: doc.template, available: BUILTIN_NAMES } : undefined;
  return lintDocument(doc, template, { rules: { [rule.id]: setting as never }, ...(templateProblem ? { templateProblem } : {}) });
}

export function exampleMessages(rule: Rule, example: RuleExample): string[] {
  return exampleLint(rule, example, example.markdown)
    .filter((m) => m.ruleId === rule.id)
    .map((m) => `${m.line}:${m.column}: ${m.message}`);
}

/** The example after --fix with the default kinds and its fixTypes, fixing this rule's messages only. */
export function exampleFixed(rule: Rule, example: RuleExample): string {
  const kinds = new Set([...DEFAULT_FIX_KINDS, ...(example.fixTypes ?? [])]);
  return fixText(example.markdown, (t) => exampleLint(rule, example, t).filter((m) => m.ruleId === rule.id), kinds).output;
}
