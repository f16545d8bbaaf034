/** Where templates come from: the built-in ones under templates/, and a project's own, which may override them. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { fileProblem, UserError } from '../errors.js';
import { parseTemplate, type Template } from './template.js';

import { PACKAGE_ROOT } from '../paths.js';

export const BUILTIN_DIR = join(PACKAGE_ROOT, 'templates');

type Precompiled = Record<string, { source: string; template: Template }>;
let precompiled: Precompiled | null | undefined;

/** A built-in template as the build parsed it (dist/templates.json), if its file still has the same text. */
function prebuilt(name: string, source: string): Template | undefined {
  if (precompiled === undefined) {
    try {
      precompiled = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'dist', 'templates.json'), 'utf8')) as Precompiled;
    } catch {
      precompiled = null; // not built: parse as usual
    }
  }
  const hit = precompiled?.[name];
  return hit && hit.source === source ? hit.template : undefined;
}

export interface TemplateEntry {
  name: string;
  path: string;
  origin: Template['origin'];
}

export class TemplateRegistry {
  private readonly cache = new Map<string, Template>();
  constructor(
    private readonly entries: Map<string, TemplateEntry>,
    private readonly cwd: string,
  ) {}

  list(): TemplateEntry[] {
    return [...this.entries.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A template by name, or by path when the argument looks like one ("./my.md"). Throws UserError if unknown. */
  get(nameOrPath: string): Template {
    const cached = this.cache.get(nameOrPath);
    if (cached) return cached;
    let entry = this.entries.get(nameOrPath);
    if (!entry && (nameOrPath.includes('/') || nameOrPath.includes('\\') || extname(nameOrPath) === '.md')) {
      const path = isAbsolute(nameOrPath) ? nameOrPath : resolve(this.cwd, nameOrPath);
      if (!existsSync(path) || !statSync(path).isFile()) throw new UserError(`template file not found: ${nameOrPath}`);
      entry = { name: basename(path, '.md'), path, origin: 'project' };
    }
    if (!entry) {
      throw new UserError(`unknown template "${nameOrPath}"; available: ${this.list().map((e) => e.name).join(', ')}`);
    }
    let text: string;
    try {
      text = readFileSync(entry.path, 'utf8');
    } catch (error) {
      throw new UserError(`cannot read template ${entry.path}: ${fileProblem(error)}`);
    }
    const built = entry.origin === 'built-in' ? prebuilt(entry.name, text) : undefined;
    const template = built ? { ...built, path: entry.path } : parseTemplate(text, entry.path, entry.origin);
    this.cache.set(nameOrPath, template);
    return template;
  }
}

function scan(dir: string, origin: Template['origin'], into: Map<string, TemplateEntry>): void {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).sort()) {
    if (extname(file) !== '.md' || file.toLowerCase() === 'readme.md') continue;
    const name = basename(file, '.md');
    into.set(name, { name, path: join(dir, file), origin });
  }
}

export interface LoadTemplatesOptions {
  cwd: string;
  /** The project's templates directory (from the config), relative to `root`. */
  templatesDir?: string;
  /** The project root: the config file's directory, else cwd. */
  root?: string;
  /** Templates directories of extended configs (absolute), lowest priority first: over the built-in ones, under the project's. */
  sharedDirs?: string[];
}

/** Built-in templates, then those of extended configs, then the project's `.postmortem/templates/` (or the config's directory) over them. */
export async function loadTemplates(options: LoadTemplatesOptions): Promise<TemplateRegistry> {
  const entries = new Map<string, TemplateEntry>();
  scan(BUILTIN_DIR, 'built-in', entries);
  for (const dir of options.sharedDirs ?? []) scan(dir, 'shared', entries);
  const root = options.root ?? options.cwd;
  scan(resolve(root, options.templatesDir ?? join('.postmortem', 'templates')), 'project', entries);
  return new TemplateRegistry(entries, options.cwd);
}
