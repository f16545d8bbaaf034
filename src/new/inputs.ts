/**
 * Answers given before any question: `new`'s flags (one per field and section of the template) and an answers
 * file (YAML or JSON, `-` for stdin). Read here into raw answers, parsed by answers.ts like any other.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { fileProblem, UserError } from '../errors.js';
import { openProject } from '../project.js';
import type { Template } from '../template/template.js';

export interface RawAnswers {
  fields: Record<string, unknown>;
  sections: Record<string, unknown>;
}

const RESERVED = new Set(['template', 'answers', 'yes', 'dir', 'dry-run', 'force', 'resume', 'editor', 'timeline-from', 'config', 'color', 'help', 'version']);

const kebab = (key: string): string => key.replace(/_/g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const camel = (flag: string): string => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export interface AnswerFlag {
  flag: string;
  kind: 'field' | 'section';
  key: string;
  repeatable: boolean;
  help: string;
}

/** The flag of each field and section: `--title`, `--users-affected`, `--summary`, `--timeline` (repeatable)… */
export function flagsFor(template: Template): AnswerFlag[] {
  const used = new Set(RESERVED);
  const out: AnswerFlag[] = [];
  for (const f of template.fields) {
    const flag = kebab(f.key);
    used.add(flag);
    const choices = f.choices ? ` (${f.choices.join(', ')})` : '';
    out.push({ flag, kind: 'field', key: f.key, repeatable: false, help: `${f.prompt}${choices}${f.required ? '' : ' [optional]'}` });
  }
  for (const s of template.sections) {
    let flag = kebab(s.id);
    if (used.has(flag)) flag = `section-${flag}`;
    used.add(flag);
    const repeatable = s.kind !== 'prose';
    const how = s.kind === 'timeline' ? ' — repeat: "09:05 what happened"' : s.kind === 'actions' ? ' — repeat: "task (owner: @x, due: YYYY-MM-DD)"' : '';
    out.push({ flag, kind: 'section', key: s.id, repeatable, help: `${s.heading}: ${s.prompt}${how}${s.required ? '' : ' [optional]'}` });
  }
  return out;
}

/** How an answer is named in messages: its flag. */
export function flagNamer(template: Template): (key: string, kind: 'field' | 'section') => string {
  const flags = flagsFor(template);
  return (key, kind) => `--${flags.find((f) => f.key === key && f.kind === kind)?.flag ?? key}`;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Find --template (and --config) in argv before commander parses it, to add the template's flags. */
function argValue(argv: string[], names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    for (const n of names) {
      if (a === n) return argv[i + 1];
      if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
    }
  }
  return undefined;
}

/** Add the flags of the template that `new` will use, so that `new --help --template NAME` lists them. */
export async function addTemplateOptions(cmd: Command, argv: string[]): Promise<void> {
  let template: Template;
  try {
    const { config, templates } = await openProject(process.cwd(), argValue(argv, ['-c', '--config']));
    template = templates.get(argValue(argv, ['-t', '--template']) ?? config.template);
  } catch {
    // The action reports the problem with the config or template, with exit 2: the template's flags, which could
    // not be added, must not be refused as unknown options first.
    cmd.allowUnknownOption().allowExcessArguments();
    return;
  }
  cmd.addHelpText('after', `\nThe flags after --editor are the fields and sections of the "${template.name}" template (--template NAME for\nanother); timeline and action flags repeat. Answers files use the same names as keys.`);
  for (const f of flagsFor(template)) {
    if (f.repeatable) cmd.option(`--${f.flag} <value>`, f.help, collect);
    else cmd.option(`--${f.flag} <value>`, f.help);
  }
}

function readAnswersFile(path: string, cwd: string): Record<string, unknown> {
  let text: string;
  try {
    text = path === '-' ? readFileSync(0, 'utf8') : readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new UserError(`cannot read answers ${path}: ${fileProblem(error)}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    const e = error as Error & { linePos?: Array<{ line: number; col: number }> };
    const at = e.linePos?.[0] ? `:${e.linePos[0].line}:${e.linePos[0].col}` : '';
    throw new UserError(`invalid answers ${path}${at}: ${e.message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new UserError(`invalid answers ${path}: expected a mapping of field keys and section ids`);
  return data as Record<string, unknown>;
}

/** The answers of an answers file and of the flags (which win), as given. */
export function givenAnswers(template: Template, options: { answers?: string; [flag: string]: unknown }, cwd: string): RawAnswers {
  const raw: RawAnswers = { fields: {}, sections: {} };
  if (options.answers) {
    const data = readAnswersFile(options.answers, cwd);
    const nested = data.sections && typeof data.sections === 'object' && !Array.isArray(data.sections) ? (data.sections as Record<string, unknown>) : {};
    for (const [key, value] of Object.entries(data)) {
      if (key === 'sections' && !template.sections.some((s) => s.id === 'sections')) continue;
      if (key === 'template') continue;
      if (template.fields.some((f) => f.key === key)) raw.fields[key] = value;
      else if (template.sections.some((s) => s.id === key)) raw.sections[key] = value;
      else throw new UserError(`invalid answers ${options.answers}: "${key}" is neither a field nor a section of the "${template.name}" template`);
    }
    for (const [key, value] of Object.entries(nested)) {
      if (!template.sections.some((s) => s.id === key)) throw new UserError(`invalid answers ${options.answers}: no section "${key}" in the "${template.name}" template`);
      raw.sections[key] = value;
    }
  }
  for (const f of flagsFor(template)) {
    const value = options[camel(f.flag)];
    if (value === undefined) continue;
    if (f.kind === 'field') raw.fields[f.key] = value;
    else raw.sections[f.key] = value;
  }
  return raw;
}
