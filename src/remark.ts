/**
 * `postmortem-cli/remark`: postmortem's lint as a remark (unified) plugin, for teams that already run remark-lint.
 *
 *   remark --use postmortem-cli/remark docs/
 *   // .remarkrc.mjs: export default { plugins: ['remark-preset-lint-recommended', 'postmortem-cli/remark'] }
 *
 * It does not read remark's syntax tree: each file's text goes through the same reader, config, templates and rules
 * as `postmortem lint`, and every message becomes a vfile message with the same rule id (source "postmortem"),
 * text and start and end positions. Errors are fatal messages (remark exits 1), warnings are warnings.
 * Options: `config` (a config file, as --config) and `template` (for documents that name none, as --template).
 * Like `postmortem lint DIR`, it leaves README.md files alone: in a postmortems directory that is the index page.
 */
import { basename, resolve } from 'node:path';
import { UserError } from './errors.js';
import { lintText } from './lint/run.js';
import { openProject, type Project } from './project.js';

export interface RemarkPostmortemOptions {
  /** A config file, instead of searching from the working directory. */
  config?: string;
  /** The template for documents that name none (default: the config's). */
  template?: string;
}

interface Point {
  line: number;
  column: number;
}

/** What is used of a VFile (vfile 4 to 6 all have it). */
interface VFileLike {
  value?: unknown;
  contents?: unknown;
  path?: string;
  cwd?: string;
  message(reason: string, place?: { start: Point; end: Point }, origin?: string): { fatal?: boolean | null };
}

export default function remarkPostmortem(options: RemarkPostmortemOptions | null | undefined = {}) {
  const settings = options ?? {};
  const projects = new Map<string, Promise<Project>>();

  return async function postmortemTransformer(_tree: unknown, file: VFileLike): Promise<void> {
    if (file.path && basename(file.path).toLowerCase() === 'readme.md') return;
    const cwd = resolve(file.cwd ?? process.cwd());
    try {
      let project = projects.get(cwd);
      if (!project) {
        project = openProject(cwd, settings.config); // rule ids and options are checked by the config
        projects.set(cwd, project);
      }
      const p = await project;
      const fallback = p.templates.get(settings.template ?? p.config.template);
      const text = String(file.value ?? file.contents ?? '');
      const { messages } = lintText(text, file.path ?? '<stdin>', p, fallback);
      for (const m of messages) {
        const place = { start: { line: m.line, column: m.column }, end: { line: m.endLine, column: m.endColumn } };
        const message = file.message(m.message, place, `postmortem:${m.ruleId}`);
        message.fatal = m.severity === 'error';
      }
    } catch (error) {
      // A bad config or template: one message saying so (what `postmortem lint` prints before exiting 2).
      if (!(error instanceof UserError)) throw error;
      const message = file.message(error.message, undefined, 'postmortem:config');
      message.fatal = true;
    }
  };
}
