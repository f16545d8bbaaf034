/**
 * `postmortem print-config [FILE]`: the configuration that applies to a document (or, with no file, to one that
 * names no template), after `extends`, with where each setting came from.
 */
import { relative } from 'node:path';
import type { Config } from '../config/config.js';
import { UserError } from '../errors.js';
import { readText } from '../files.js';
import { settingFor } from '../lint/engine.js';
import { RULES } from '../lint/rules/index.js';
import { openProject, readPostmortem } from '../project.js';
import type { GlobalOptions } from '../cli.js';

export interface PrintConfigOptions extends GlobalOptions {
  json?: boolean;
  template?: string;
}

interface Setting {
  value: unknown;
  from: string;
}

export async function run(file: string | undefined, opts: PrintConfigOptions): Promise<number> {
  const cwd = process.cwd();
  const project = await openProject(cwd, opts.config);
  const { config, templates } = project;
  const show = (p: string): string => {
    const r = relative(cwd, p);
    return r && !r.startsWith('..') ? r : p;
  };
  /** A config file as people know it: the package spec for an extended one, else its path. */
  const origin = (path: string | undefined): string => {
    if (!path) return 'default';
    const ext = config.extended?.find((e) => e.path === path);
    return ext && !ext.spec.startsWith('.') && !ext.spec.startsWith('/') ? `${ext.spec} (${show(path)})` : show(path);
  };
  const from = (key: string): string => origin(config.sources?.[key]);

  // The template: the one the document names, else --template, else the config's.
  const fallbackName = opts.template ?? config.template;
  let template = templates.get(fallbackName);
  let templateFrom = opts.template ? '--template' : `"template" of ${from('template')}`;
  let problem: string | undefined;
  if (file !== undefined) {
    let text: string;
    try {
      text = readText(file, cwd);
    } catch (error) {
      throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
    }
    const read = readPostmortem(text, file, project, template);
    if (read.templateProblem) problem = `the document names the template "${read.templateProblem.name}", which does not exist (template-known)`;
    else if (read.doc.template) {
      template = read.template;
      templateFrom = 'the document\'s front matter';
    }
  }

  const settings: Record<string, Setting> = {
    dir: { value: config.dir, from: from('dir') },
    template: { value: config.template, from: from('template') },
    timezone: { value: config.timezone ?? null, from: from('timezone') },
    templates: { value: templateDirs(config, show), from: from('templates') + (config.sharedTemplates?.length ? ', then extends' : '') },
  };
  const rules: Record<string, { severity: string; options: Record<string, unknown>; from: string }> = {};
  for (const rule of RULES) {
    const s = settingFor(rule, template, { rules: config.rules });
    const where = s.from === 'config' ? from(`rules.${rule.id}`) : s.from === 'template' ? `template ${template.name}` : 'default';
    rules[rule.id] = { severity: s.severity, options: s.options, from: where };
  }
  // A built-in template by its place in the package, as `postmortem templates` shows it.
  const templatePath = template.origin === 'built-in' ? `templates/${template.name}.md` : show(template.path);
  const templateInfo = { name: template.name, path: templatePath, origin: template.origin, from: templateFrom };

  if (opts.json) {
    const out = {
      file: file ?? null,
      config: config.path ? show(config.path) : null,
      extends: (config.extended ?? []).map((e) => ({ spec: e.spec, path: show(e.path) })),
      settings,
      template: { ...templateInfo, ...(problem ? { problem } : {}) },
      rules,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }

  const lines: string[] = [];
  lines.push(`config     ${config.path ? show(config.path) : 'none found (defaults)'}`);
  for (const e of config.extended ?? []) lines.push(`extends    ${e.spec}${e.spec === show(e.path) ? '' : ` → ${show(e.path)}`}`);
  if (file !== undefined) lines.push(`file       ${file}`);
  lines.push(`template   ${template.name} (${templateInfo.path}, ${template.origin}), from ${templateFrom}`);
  if (problem) lines.push(`           warning: ${problem}`);
  lines.push('');
  const table = (rows: string[][]): void => {
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) lines.push(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 2))).join('').trimEnd());
  };
  table([
    ['SETTING', 'VALUE', 'FROM'],
    ...Object.entries(settings).map(([k, s]) => [k, Array.isArray(s.value) ? s.value.join(', ') : String(s.value ?? '-'), s.from]),
  ]);
  lines.push('');
  table([
    ['RULE', 'SEVERITY', 'OPTIONS', 'FROM'],
    ...Object.entries(rules).map(([id, r]) => [id, r.severity, Object.keys(r.options).length ? JSON.stringify(r.options) : '-', r.from]),
  ]);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** Where templates are looked for, highest priority first: the project's, the extended configs', the built-in. */
function templateDirs(config: Config, show: (p: string) => string): string[] {
  const project = config.templates ?? '.postmortem/templates';
  return [show(`${config.root}/${project}`), ...[...(config.sharedTemplates ?? [])].reverse().map(show), 'built-in'];
}
