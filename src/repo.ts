/**
 * The repository is the database: every postmortem under the configured directory, read through the one parser.
 * A document that cannot be read, or whose front matter is broken, is skipped with a warning naming it.
 */
import { validDate } from './document/dates.js';
import { resolve } from 'node:path';
import type { Postmortem } from './document/model.js';
import { UserError } from './errors.js';
import { frontMatterProblem } from './lint/rules/frontmatter-syntax.js';
import type { Template } from './template/template.js';
import { readText, resolveFiles } from './files.js';
import { openProject, readPostmortem, type Project } from './project.js';

export interface Repository extends Project {
  /** The postmortems directory, absolute. */
  dir: string;
  docs: Postmortem[];
  /** Files left out, and why; `line` and `column` where the reason is at a place in the file. */
  skipped: Array<{ path: string; reason: string; line?: number; column?: number }>;
}

export interface OpenOptions {
  config?: string;
}

/** One document of the repository, read as every command reads it, or why it is skipped (and where, if at a place). */
export type RepositoryFile = { doc: Postmortem } | { skipped: string; line?: number; column?: number };

export function readRepositoryFile(file: string, project: Project, fallback: Template): RepositoryFile {
  let text: string;
  try {
    text = readText(file, project.cwd);
  } catch (error) {
    return { skipped: `cannot read: ${(error as Error).message}` };
  }
  let doc: Postmortem;
  let template: Template;
  try {
    ({ doc, template } = readPostmortem(text, file, project, fallback));
  } catch (error) {
    return { skipped: (error as Error).message }; // the template it names is broken
  }
  const problem = frontMatterProblem(doc.frontMatter, template); // in lint's words
  if (problem) return { skipped: problem, line: doc.frontMatter.error!.line, column: doc.frontMatter.error!.column };
  return { doc };
}

/** The project and the files of its postmortems directory, not read yet (openRepository reads them). */
export async function listRepository(options: OpenOptions = {}): Promise<{ project: Project; dir: string; files: string[]; fallback: Template }> {
  const project = await openProject(process.cwd(), options.config);
  const { cwd, config, templates } = project;
  const dir = resolve(config.root, config.dir);
  // An empty or missing directory is an empty repository, not an error; its README.md (the index) is not read.
  const { files } = await resolveFiles([dir], { cwd, allowUnmatched: true });
  return { project, dir, files, fallback: templates.get(config.template) };
}

export async function openRepository(options: OpenOptions = {}): Promise<Repository> {
  const { project, dir, files, fallback } = await listRepository(options);
  const repo: Repository = { ...project, dir, docs: [], skipped: [] };
  for (const file of files) {
    const read = readRepositoryFile(file, project, fallback);
    if ('doc' in read) repo.docs.push(read.doc);
    else repo.skipped.push({ path: file, reason: read.skipped, ...(read.line !== undefined ? { line: read.line, column: read.column } : {}) });
  }
  return repo;
}

export function warnSkipped(repo: Pick<Repository, 'skipped'>): void {
  for (const s of repo.skipped) {
    const where = s.line === undefined ? s.path : `${s.path}:${s.line}:${s.column ?? 1}`;
    process.stderr.write(`postmortem: warning: skipped ${where}: ${s.reason}\n`);
  }
}

/** The fields every report shows, from the front matter or, for hand-written documents, from the text. */
export interface Summary {
  path: string;
  title: string | null;
  date: string | null;
  severity: string | null;
  status: string | null;
  durationMinutes: number | null;
}

function text(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

export function summarize(doc: Postmortem): Summary {
  const fm = doc.frontMatter.data;
  return {
    path: doc.path,
    title: doc.title,
    date: text(fm.date)?.slice(0, 10) ?? doc.incident.date,
    severity: text(fm.severity),
    status: text(fm.status),
    durationMinutes: doc.incident.durationMinutes,
  };
}

/** Newest first; undated last; then by path. */
export function byDateDesc(a: { date: string | null; path: string }, b: { date: string | null; path: string }): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.path.localeCompare(b.path);
}

/** A plain-text table with aligned columns. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function parseDateOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new UserError(`${name} expects a date as YYYY-MM-DD, not "${value}"`);
  }
  return value;
}

export function formatMinutes(m: number | null): string {
  if (m === null) return '-';
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
}
