/** A project: its config and the templates it can use; and reading one document the way every command does. */
import { loadConfig, type Config } from './config/config.js';
import type { Postmortem } from './document/model.js';
import { stringField } from './document/frontmatter.js';
import { analyze, readSource } from './document/parse.js';
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
 * Read a document once and model it with the section names of the template it names in its front matter, else of
 * `fallback`. A named template that exists but is broken throws its UserError (file, line, problem).
 */
export function readPostmortem(text: string, path: string, project: Project, fallback: Template): ReadDocument {
  const src = readSource(text, path);
  const named = stringField(src.frontMatter.data, ['template']);
  let template = fallback;
  let templateProblem: ReadDocument['templateProblem'];
  if (named && named !== fallback.name) {
    if (project.templates.has(named)) template = project.templates.get(named);
    else templateProblem = { name: named, available: project.templates.list().map((t) => t.name) };
  }
  const doc = analyze(src, { sectionAliases: template.aliases, ...(project.config.timezone ? { defaultTimezone: project.config.timezone } : {}) });
  return templateProblem ? { doc, template, templateProblem } : { doc, template };
}
