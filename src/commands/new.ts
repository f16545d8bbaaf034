/** `postmortem new`: interview the author (or read flags and an answers file) and write the document. */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { parse as parseYaml } from 'yaml';
import type { Config } from '../config/config.js';
import type { Postmortem } from '../document/model.js';
import { parsePostmortem } from '../document/parse.js';
import { UserError } from '../errors.js';
import { lintDocument } from '../lint/engine.js';
import type { LintMessage } from '../lint/rule.js';
import { contextFor, missingAnswers, parseAnswers, type Answers } from '../new/answers.js';
import { renderDocument } from '../new/render.js';
import { deleteDraft, draftPath, fileNameFor, loadDraft, saveDraft, writeNewDocument } from '../new/write.js';
import { reason } from '../atomic.js';
import { openProject } from '../project.js';
import type { Template } from '../template/template.js';
import type { GlobalOptions } from '../cli.js';

export interface NewOptions extends GlobalOptions {
  template?: string;
  answers?: string;
  yes?: boolean;
  dir?: string;
  dryRun?: boolean;
  force?: boolean;
  resume?: boolean;
  [flag: string]: unknown;
}

const RESERVED = new Set(['template', 'answers', 'yes', 'dir', 'dry-run', 'force', 'resume', 'config', 'color', 'help', 'version']);

const kebab = (key: string): string => key.replace(/_/g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const camel = (flag: string): string => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The flag of each field and section: `--title`, `--users-affected`, `--summary`, `--timeline` (repeatable)… */
export function flagsFor(template: Template): Array<{ flag: string; kind: 'field' | 'section'; key: string; repeatable: boolean; help: string }> {
  const used = new Set(RESERVED);
  const out: Array<{ flag: string; kind: 'field' | 'section'; key: string; repeatable: boolean; help: string }> = [];
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
    return; // the action reports the problem with the config or template, with exit 2
  }
  cmd.addHelpText('after', `\nThe flags after --resume are the fields and sections of the "${template.name}" template (--template NAME for\nanother); timeline and action flags repeat. Answers files use the same names as keys.`);
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
    throw new UserError(`cannot read answers ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
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

function machineZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The lint errors of a rendered document, with the document they were found in. */
function lintRendered(text: string, template: Template, config: Config): { doc: Postmortem; errors: LintMessage[] } {
  const doc = parsePostmortem(text, 'new.md', { sectionAliases: template.aliases });
  return { doc, errors: lintDocument(doc, template, { rules: config.rules }).filter((m) => m.severity === 'error') };
}

/** Which answer a lint message is about: the field on that front matter line, or the section around it. */
function answerAt(doc: Postmortem, template: Template, message: LintMessage): string | undefined {
  for (const [key, span] of Object.entries(doc.frontMatter.fields)) if (span.line === message.line) return key;
  const section = [...doc.sections].reverse().find((s) => s.line <= message.line && s.depth <= 6);
  return section ? template.sections.find((t) => t.covers.some((c) => section.ids.includes(c)))?.id : undefined;
}

export async function run(opts: NewOptions): Promise<number> {
  const cwd = process.cwd();
  const { config, templates } = await openProject(cwd, opts.config);
  const fallbackZone = config.timezone ?? machineZone();

  let templateName = opts.template ?? config.template;
  const answers: Answers = { fields: {}, sections: {} };
  const raw = { fields: {} as Record<string, unknown>, sections: {} as Record<string, unknown> };
  if (opts.resume) {
    const draft = loadDraft(config.root);
    if (opts.template && opts.template !== draft.template) throw new UserError(`the draft was started with the "${draft.template}" template, not "${opts.template}"`);
    templateName = draft.template;
    Object.assign(raw.fields, draft.answers.fields);
    Object.assign(raw.sections, draft.answers.sections);
  }
  const template = templates.get(templateName);
  const flags = flagsFor(template);

  if (opts.answers) {
    const data = readAnswersFile(opts.answers, cwd);
    const nested = data.sections && typeof data.sections === 'object' && !Array.isArray(data.sections) ? (data.sections as Record<string, unknown>) : {};
    for (const [key, value] of Object.entries(data)) {
      if (key === 'sections' && !template.sections.some((s) => s.id === 'sections')) continue;
      if (key === 'template') continue;
      if (template.fields.some((f) => f.key === key)) raw.fields[key] = value;
      else if (template.sections.some((s) => s.id === key)) raw.sections[key] = value;
      else throw new UserError(`invalid answers ${opts.answers}: "${key}" is neither a field nor a section of the "${template.name}" template`);
    }
    for (const [key, value] of Object.entries(nested)) {
      if (!template.sections.some((s) => s.id === key)) throw new UserError(`invalid answers ${opts.answers}: no section "${key}" in the "${template.name}" template`);
      raw.sections[key] = value;
    }
  }
  for (const f of flags) {
    const value = opts[camel(f.flag)];
    if (value === undefined) continue;
    if (f.kind === 'field') raw.fields[f.key] = value;
    else raw.sections[f.key] = value;
  }
  const where = (key: string, kind: 'field' | 'section'): string => `--${flags.find((f) => f.key === key && f.kind === kind)?.flag ?? key}`;
  parseAnswers(template, answers, raw, where, fallbackZone);

  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI && !opts.yes;
  const missing = missingAnswers(template, answers);
  if (missing.length > 0 && !interactive && !opts.yes) {
    const list = missing.map((m) => where(m.key, m.kind)).join(', ');
    const why = process.env.CI ? 'CI is set' : 'standard input is not a terminal';
    throw new UserError(`missing answers (${why}, so nothing can be asked): ${list}; give them as flags or with --answers FILE, or pass --yes to leave placeholders`);
  }

  let draftWarned = false;
  const keepDraft = (): void => {
    try {
      saveDraft(config.root, { version: 1, template: template.name, savedAt: new Date().toISOString(), answers });
    } catch (error) {
      // A read-only project must not end the interview; say once that Ctrl-C would lose the answers.
      if (!draftWarned) process.stderr.write(`postmortem: warning: cannot keep a draft in ${relative(cwd, draftPath(config.root)) || draftPath(config.root)} (${reason(error)}); an interrupted interview will be lost\n`);
      draftWarned = true;
    }
  };
  if (interactive && missing.length > 0) {
    const { interview } = await import('../new/interview.js');
    try {
      await interview({ template, answers, fallbackZone, onAnswer: keepDraft });
      // Problems only the whole document shows: ask those answers again.
      for (let round = 0; round < 3; round++) {
        const { doc, errors } = lintRendered(renderDocument(template, withDefaults(template, answers)), template, config);
        if (errors.length === 0) break;
        const only = new Set<string>();
        for (const e of errors) {
          process.stdout.write(`  ✖ ${e.message} [${e.ruleId}]\n`);
          const key = answerAt(doc, template, e);
          if (key) {
            only.add(key);
            delete answers.fields[key];
            delete answers.sections[key];
          }
        }
        if (only.size === 0) break;
        await interview({ template, answers, fallbackZone, onAnswer: keepDraft, only });
      }
    } catch (error) {
      if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError') {
        keepDraft();
        process.stderr.write(`\npostmortem: interrupted; nothing was written. Your answers are kept in ${relative(cwd, draftPath(config.root)) || draftPath(config.root)}: run "postmortem new --resume" to continue.\n`);
        return 130;
      }
      throw error;
    }
  }

  const final = withDefaults(template, answers);
  const text = renderDocument(template, final, { placeholders: Boolean(opts.yes) });
  const { errors } = lintRendered(text, template, config);
  if (errors.length > 0 && !opts.yes) {
    const list = errors.map((e) => `  line ${e.line}: ${e.message} [${e.ruleId}]`).join('\n');
    throw new UserError(`the answers give a document that fails lint; nothing was written:\n${list}`);
  }
  if (opts.dryRun) {
    process.stdout.write(text);
    return 0;
  }
  const dir = opts.dir ? resolve(cwd, opts.dir) : resolve(config.root, config.dir);
  const date = fileDate(template, final, fallbackZone);
  const title = typeof final.fields.title === 'string' ? final.fields.title : 'postmortem';
  const written = writeNewDocument(dir, fileNameFor(date, title), text, Boolean(opts.force));
  deleteDraft(config.root);
  const shown = relative(cwd, written) || written;
  process.stdout.write(`Wrote ${shown}\n`);
  if (errors.length > 0) {
    process.stderr.write(`postmortem: ${errors.length} lint error${errors.length === 1 ? '' : 's'} to fix before it passes (run "postmortem lint ${shown}")\n`);
  }
  return 0;
}

function withDefaults(template: Template, answers: Answers): Answers {
  const fields = { ...answers.fields };
  for (const f of template.fields) if (fields[f.key] === undefined && f.default !== undefined) fields[f.key] = f.default;
  return { fields, sections: answers.sections };
}

function fileDate(template: Template, answers: Answers, fallbackZone: string): string {
  if (typeof answers.fields.date === 'string') return answers.fields.date;
  const ctx = contextFor(template, answers, fallbackZone);
  return ctx.date ?? DateTime.now().setZone(ctx.zone).toISODate()!;
}
