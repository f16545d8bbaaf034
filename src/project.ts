/** A project: its config and the templates it can use; and reading one document the way every command does. */
import { loadConfig, type Config } from './config/config.js';
import type { Postmortem } from './document/model.js';
import { parsePostmortem } from './document/parse.js';
import { loadTemplates, type TemplateRegistry } from './template/load.js';
import type { Template } from './template/template.js';

export interface Project {
  cwd: string;
  config: Config;
  templates: TemplateRegistry;
}

/** The config found from `cwd` (or `configPath`), and the built-in and project templates it points at. */
export async function openProject(cwd: string, configPath?: string): Promise<Project> {
  const config = await loadConfig(cwd, configPath);
  const templates = await loadTemplates({
    cwd,
    root: config.root,
    ...(config.templates ? { templatesDir: config.templates } : {}),
    ...(config.sharedTemplates?.length ? { sharedDirs: config.sharedTemplates } : {}),
  });
  return { cwd, config, templates };
}

export interface ReadDocument {
  doc: Postmortem;
  template: Template;
  /** The document names a template that does not exist (then `template` is the fallback). */
  templateProblem?: { name: string; available: string[] };
}

/**
 * Parse a document with the section names of the template it names in its front matter, else of `fallback`.
 * A named template that exists but is broken throws its UserError (file, line, problem).
 */
export function readPostmortem(text: string, path: string, project: Project, fallback: Template): ReadDocument {
  const options = (t: Template) => ({ sectionAliases: t.aliases, ...(project.config.timezone ? { defaultTimezone: project.config.timezone } : {}) });
  const doc = parsePostmortem(text, path, options(fallback));
  if (!doc.template || doc.template === fallback.name) return { doc, template: fallback };
  if (!project.templates.has(doc.template)) {
    return { doc, template: fallback, templateProblem: { name: doc.template, available: project.templates.list().map((t) => t.name) } };
  }
  const template = project.templates.get(doc.template);
  return { doc: parsePostmortem(text, path, options(template)), template };
}
