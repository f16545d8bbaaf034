/**
 * Config and templates for each open document, found the way `lint` finds them (walk up from the document's
 * directory to the config; built-in templates, then the project's), and cached per directory: typing in a document
 * never re-reads the project. Watched changes (config files, template files) drop the cache.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { loadConfig, SEARCH_PLACES, type Config } from '../config/config.js';
import { UserError } from '../errors.js';
import { loadTemplates } from '../template/load.js';
import type { Project } from '../project.js';

export interface DocumentProject extends Project {
  /** The postmortems directory (absolute): documents inside it are checked. */
  postmortemsDir: string;
  /** The project's templates directory (absolute), watched for changes. */
  templatesDir: string;
}

/** A project, or the one-line reason it cannot be opened (invalid config, unknown rule). */
export type ProjectResult = { project: DocumentProject } | { error: string };

export interface ProjectCacheOptions {
  /** Workspace folders (absolute): the root of a project that has no config file. */
  roots: () => string[];
  /** Called (debounced) when a config or template file changed; the cache is already empty. */
  onChange: () => void;
  log: (message: string) => void;
  /** Stop watching the file system (when the client watches for us). */
  fsWatch?: boolean;
  /** `--config`: this config for every document instead of searching (absolute). */
  configPath?: string;
}

/** Names whose change in a directory may change the config of the documents below it. */
const CONFIG_NAMES = new Set([...SEARCH_PLACES, '.postmortem']);
const MAX_WATCHERS = 256;

export class ProjectCache {
  private readonly byDir = new Map<string, Promise<ProjectResult>>();
  private readonly byConfig = new Map<string, Promise<ProjectResult>>();
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly templateDirs = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** How many times the cache was dropped, and how many times a directory's config was looked up (for the tests). */
  generation = 0;
  loads = 0;

  constructor(private readonly options: ProjectCacheOptions) {}

  /** The project of a document in `dir`, loaded once per directory until something changes. */
  forDirectory(dir: string): Promise<ProjectResult> {
    let hit = this.byDir.get(dir);
    if (!hit) {
      hit = this.load(dir);
      this.byDir.set(dir, hit);
    }
    return hit;
  }

  private async load(dir: string): Promise<ProjectResult> {
    this.loads++;
    let config: Config;
    const explicit = this.options.configPath;
    if (explicit) this.watchDir(dirname(explicit), (name) => name === basename(explicit));
    try {
      config = await loadConfig(dir, explicit);
    } catch (error) {
      if (!explicit) this.watchUp(dir, undefined);
      if (error instanceof UserError) return { error: error.message };
      throw error;
    }
    if (!config.path) {
      // No config file: the project is the workspace folder holding the document (else its directory).
      const root = this.options.roots().filter((r) => isInside(dir, r)).sort((a, b) => b.length - a.length)[0] ?? dir;
      config = { ...config, root };
    }
    if (!explicit) this.watchUp(dir, config.path ? config.root : undefined);
    const key = `${config.path ?? `(none)${config.root}`}`;
    let shared = this.byConfig.get(key);
    if (!shared) {
      shared = this.open(config);
      this.byConfig.set(key, shared);
    }
    return shared;
  }

  private async open(config: Config): Promise<ProjectResult> {
    const templates = await loadTemplates({ cwd: config.root, root: config.root, ...(config.templates ? { templatesDir: config.templates } : {}) });
    const templatesDir = resolve(config.root, config.templates ?? join('.postmortem', 'templates'));
    this.templateDirs.add(templatesDir);
    this.watchDir(templatesDir, (name) => name.endsWith('.md'));
    this.watchDir(dirname(templatesDir), (name) => name === basename(templatesDir));
    return { project: { cwd: config.root, config, templates, postmortemsDir: resolve(config.root, config.dir), templatesDir } };
  }

  /** Watch the directories from `dir` up to `root` (or, without a config, up to the workspace folder) for config files. */
  private watchUp(dir: string, root: string | undefined): void {
    const stop = root ?? this.options.roots().find((r) => isInside(dir, r)) ?? dir;
    for (let d = dir; ; d = dirname(d)) {
      this.watchDir(d, (name) => CONFIG_NAMES.has(name));
      if (d === stop || dirname(d) === d || !isInside(d, stop)) break;
    }
  }

  private watchDir(dir: string, relevant: (name: string) => boolean): void {
    if (this.options.fsWatch === false || this.watchers.has(dir) || this.watchers.size >= MAX_WATCHERS || !existsSync(dir)) return;
    try {
      const watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (name === null || relevant(name.toString())) this.changed(`${join(dir, name?.toString() ?? '')}`);
      });
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(dir);
      });
      this.watchers.set(dir, watcher);
    } catch (error) {
      this.options.log(`cannot watch ${dir}: ${(error as Error).message}`);
    }
  }

  /** A watched file changed (from the file system or the client): drop everything, re-check soon. */
  changed(what: string): void {
    this.byDir.clear();
    this.byConfig.clear();
    this.generation++;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.options.log(`config or templates changed (${what}): checking open documents again`);
      this.options.onChange();
    }, 50);
  }

  /** Whether a changed file (reported by the client) can change configs or templates. */
  isRelevant(path: string): boolean {
    if (CONFIG_NAMES.has(basename(path))) return true;
    if (path.split(/[\\/]/).includes('.postmortem')) return true;
    return path.endsWith('.md') && this.templateDirs.has(dirname(path));
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    clearTimeout(this.timer);
  }
}

export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
