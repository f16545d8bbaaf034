/** `postmortem import FILE...`: bring hand-written postmortems into a template's shape. */
import { copyFileSync } from 'node:fs';
import { reason, writeFileAtomic } from '../atomic.js';
import { basename, relative, resolve } from 'node:path';
import { parsePostmortem } from '../document/parse.js';
import { UserError } from '../errors.js';
import { frontMatterProblem } from '../lint/rules/frontmatter-syntax.js';
import { readText, resolveFiles, STDIN } from '../files.js';
import { convert, lostSentences } from '../import/convert.js';
import { lintDocument } from '../lint/engine.js';
import { fileNameFor, writeNewDocument } from '../new/write.js';
import { openProject } from '../project.js';
import type { GlobalOptions } from '../cli.js';

/** The rules about a document's shape; the others are about its content, which import does not invent. */
export const STRUCTURAL_RULES = ['frontmatter-syntax', 'section-required', 'section-empty', 'heading-style', 'timeline-time'];

export interface ImportOptions extends GlobalOptions {
  template?: string;
  dir?: string;
  inPlace?: boolean;
  dryRun?: boolean;
  backup: boolean;
}

export async function run(patterns: string[], opts: ImportOptions): Promise<number> {
  if (opts.inPlace && opts.dir) throw new UserError('choose one of --dir and --in-place');
  const cwd = process.cwd();
  const { config, templates } = await openProject(cwd, opts.config);
  const template = templates.get(opts.template ?? config.template);
  const { files } = await resolveFiles(patterns, { cwd });
  if (opts.inPlace && files.includes(STDIN)) throw new UserError('--in-place cannot write back to standard input');
  const outDir = opts.dir ? resolve(cwd, opts.dir) : resolve(config.root, config.dir);
  let failed = false;
  for (const file of files) {
    const shown = file === STDIN ? '<stdin>' : file;
    let text: string;
    try {
      text = readText(file, cwd);
    } catch (error) {
      process.stderr.write(`postmortem: cannot read ${shown}: ${(error as Error).message}\n`);
      failed = true;
      continue;
    }
    const doc = parsePostmortem(text, shown, { sectionAliases: template.aliases, ...(config.timezone ? { defaultTimezone: config.timezone } : {}) });
    const fm = doc.frontMatter;
    if (fm.error && !fm.error.unclosed) {
      // Its keys cannot be read, so they could not be kept: nothing is written until the front matter is fixed.
      process.stderr.write(`postmortem: cannot import ${shown}: ${shown}:${fm.error.line}:${fm.error.column}: ${frontMatterProblem(fm, template)}; nothing was written\n`);
      failed = true;
      continue;
    }
    const result = convert(doc, template);
    const after = parsePostmortem(result.text, shown, { sectionAliases: template.aliases });
    const messages = lintDocument(after, template, { rules: config.rules }).filter((m) => m.severity === 'error');
    const structural = messages.filter((m) => STRUCTURAL_RULES.includes(m.ruleId));
    const lost = lostSentences(doc, result.text);

    let target: string | undefined;
    if (opts.dryRun) {
      process.stdout.write(result.text);
    } else {
      try {
        if (opts.inPlace) {
          const path = resolve(cwd, file);
          if (opts.backup) copyFileSync(path, `${path}.bak`);
          writeFileAtomic(path, result.text);
          target = file;
        } else {
          const date = typeof after.frontMatter.data.date === 'string' ? after.frontMatter.data.date : 'undated';
          const title = after.title ?? basename(file).replace(/\.[^.]+$/, '');
          target = relative(cwd, writeNewDocument(outDir, fileNameFor(date, title), result.text)) || undefined;
        }
      } catch (error) {
        // One file that cannot be written does not stop the others.
        const why = error instanceof UserError ? error.message : `cannot write ${shown}: ${reason(error)}`;
        process.stderr.write(`postmortem: ${why}\n`);
        failed = true;
        continue;
      }
    }
    const report = [`${target ? `imported ${shown} → ${target}` : `${shown} (dry run)`}`];
    if (result.inferred.length) report.push(`  inferred: ${result.inferred.join('; ')}`);
    for (const m of result.missing) report.push(`  not stated: ${m}`);
    if (lost.length) report.push(`  words lost (please report this): ${lost.length} sentence${lost.length === 1 ? '' : 's'}, e.g. "${lost[0]}"`);
    report.push(
      messages.length === 0
        ? '  lint: clean'
        : `  lint: ${messages.length} error${messages.length === 1 ? '' : 's'} left to fix (${[...new Set(messages.map((m) => m.ruleId))].join(', ')})${structural.length ? `; ${structural.length} about its shape` : ''}`,
    );
    process.stderr.write(`${report.join('\n')}\n`);
    if (lost.length) failed = true;
  }
  // Into the postmortems directory (or files changed in place, which may be there): its index page, if it has
  // one, lists the imported documents.
  if (!opts.dryRun && (opts.inPlace || outDir === resolve(config.root, config.dir))) {
    const indexed = await (await import('./index-page.js')).refreshIndex(opts);
    if (indexed) process.stderr.write(`${indexed}\n`);
  }
  return failed ? 2 : 0;
}
