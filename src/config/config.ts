/**
 * Configuration, found by walking up from the working directory: `.postmortemrc` (YAML or JSON),
 * `.postmortemrc.json|yaml|yml`, `postmortem.config.js|mjs`, or a "postmortem" key in package.json. A config may
 * `extends` others (files or packages, see extends.ts); its own settings win.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lilconfigSync, type LoaderSync } from 'lilconfig';
import { LineCounter, parse as parseYaml, parseDocument } from 'yaml';
import { ruleSettingProblem } from '../lint/settings.js';
import { sloDays } from '../document/action-lifecycle.js';
import { isIanaZone } from '../document/time.js';
import { UserError } from '../errors.js';
import { importModule } from './importer.js';

export type Severity = 'off' | 'warn' | 'error';
export type RuleSetting = Severity | [Severity] | [Severity, Record<string, unknown>];

export interface Config {
  /** Directory of postmortems, relative to `root`. */
  dir: string;
  /** Template for documents that name none. */
  template: string;
  /** IANA zone assumed when a document states none. */
  timezone?: string;
  /** Project templates directory, relative to `root`. */
  templates?: string;
  rules: Record<string, RuleSetting>;
  /** Seconds `lint` may spend on one file before reporting it as fatal (default 10). */
  timeout?: number;
  /** Action items: days until due by priority ("P1", …, "default"), for items whose document gives no due date. */
  actions?: { slo: Record<string, number> };
  /** Directory holding the config file, else the working directory. */
  root: string;
  /** The config file, when one was found. */
  path?: string;
  /** Templates directories of the configs it extends, absolute, lowest priority first (under `templates`). */
  sharedTemplates?: string[];
  /** Where each setting was set ("dir", "template", "timezone", "templates", "rules.ID"): a config file, absolute. */
  sources?: Record<string, string>;
  /** The configs extended, in the order applied: what `extends` said and the file it named. */
  extended?: Array<{ spec: string; path: string }>;
}

export const SEARCH_PLACES = [
  'package.json',
  '.postmortemrc',
  '.postmortemrc.json',
  '.postmortemrc.yaml',
  '.postmortemrc.yml',
  'postmortem.config.js',
  'postmortem.config.mjs',
];

const yamlLoader: LoaderSync = (path, content) => {
  try {
    return parseYaml(content, { maxAliasCount: 50 }) as unknown;
  } catch (error) {
    const e = error as Error & { linePos?: Array<{ line: number; col: number }> };
    const at = e.linePos?.[0] ? `:${e.linePos[0].line}:${e.linePos[0].col}` : '';
    throw new UserError(`invalid config ${path}${at}: ${e.message.split('\n')[0]}`);
  }
};
const jsonLoader: LoaderSync = (path, content) => {
  try {
    return JSON.parse(content) as unknown;
  } catch (error) {
    throw new UserError(`invalid config ${path}: ${(error as Error).message}`);
  }
};
const KEYS = ['extends', 'dir', 'template', 'timezone', 'templates', 'rules', 'timeout', 'actions'];
const SEVERITIES: Severity[] = ['off', 'warn', 'error'];

/**
 * ":line:column" of a key path in a YAML or JSON config file (package.json: under "postmortem"), or "" when it
 * cannot be told (a JavaScript config, an unreadable file).
 */
function locate(path: string, keys: Array<string | number>): string {
  if (/\.(?:c|m)?js$/.test(path)) return '';
  try {
    const counter = new LineCounter();
    const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: counter });
    const full = basename(path) === 'package.json' ? ['postmortem', ...keys] : keys;
    for (let n = full.length; n > 0; n--) {
      // The key itself when it is a pair's key; else the value's node.
      const parent = doc.getIn(full.slice(0, n - 1), true) as { items?: Array<{ key?: { value?: unknown; range?: number[] } }> } | undefined;
      const pair = n > 0 && parent?.items?.find((p) => p.key?.value === full[n - 1]);
      const range = (pair && pair.key?.range) || (doc.getIn(full.slice(0, n), true) as { range?: number[] } | undefined)?.range;
      if (range) {
        const pos = counter.linePos(range[0]!);
        return `:${pos.line}:${pos.col}`;
      }
    }
  } catch {
    // fall through
  }
  return '';
}

function fail(path: string, problem: string, keys: Array<string | number> = []): never {
  throw new UserError(`invalid config ${path}${keys.length ? locate(path, keys) : ''}: ${problem}`);
}

export function validateConfig(raw: unknown, path: string, root: string): Config {
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) fail(path, 'expected a mapping of settings');
  const data = raw as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!KEYS.includes(key)) fail(path, `unknown setting "${key}"; expected one of ${KEYS.join(', ')}`, [key]);
  }
  const text = (key: string): string | undefined => {
    const v = data[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !v.trim()) fail(path, `"${key}" must be a non-empty string`, [key]);
    return v.trim();
  };
  const config: Config = { dir: text('dir') ?? 'postmortems', template: text('template') ?? 'default', rules: {}, root, path, sources: {} };
  for (const key of ['dir', 'template', 'timezone', 'templates', 'timeout']) if (data[key] !== undefined) config.sources![key] = path;
  const timezone = text('timezone');
  if (timezone !== undefined) {
    if (!isIanaZone(timezone)) fail(path, `"timezone" must be an IANA time-zone name such as "Europe/Paris" or "UTC", not "${timezone}"`, ['timezone']);
    config.timezone = timezone;
  }
  const templates = text('templates');
  if (templates !== undefined) config.templates = templates;
  if (data.timeout !== undefined) {
    if (typeof data.timeout !== 'number' || !(data.timeout > 0) || !Number.isFinite(data.timeout)) fail(path, `"timeout" must be a number of seconds above 0, not ${JSON.stringify(data.timeout)}`, ['timeout']);
    config.timeout = data.timeout;
  }
  if (data.rules !== undefined) {
    if (typeof data.rules !== 'object' || data.rules === null || Array.isArray(data.rules)) {
      fail(path, '"rules" must map rule ids to off, warn or error', ['rules']);
    }
    for (const [id, setting] of Object.entries(data.rules as Record<string, unknown>)) {
      const checked = validateRuleSetting(setting, `rules.${id}`, (p) => fail(path, p, ['rules', id]));
      const bad = ruleSettingProblem(id, Array.isArray(checked) ? checked[1] : undefined);
      if (bad) fail(path, bad.problem, bad.which === 'id' ? ['rules', id] : ['rules', id, 1]);
      config.rules[id] = checked;
      config.sources![`rules.${id}`] = path;
    }
  }
  if (data.actions !== undefined) config.actions = validateActions(data.actions, (p) => fail(path, p));
  return config;
}

/** `actions: { slo: { P1: 28d, P2: 56d, default: 90d } }`: days as "28d", "4w" or a number. */
function validateActions(raw: unknown, fail: (problem: string) => never): { slo: Record<string, number> } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('"actions" must be a mapping such as { slo: { P1: 28d, P2: 56d } }');
  for (const key of Object.keys(raw)) if (key !== 'slo') fail(`unknown setting "actions.${key}"; expected slo`);
  const slo = (raw as { slo?: unknown }).slo ?? {};
  if (typeof slo !== 'object' || slo === null || Array.isArray(slo)) fail('"actions.slo" must map priorities (P1, P2, …, default) to durations such as 28d or 4w');
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(slo)) {
    const priority = /^p[0-4]$/i.test(key) ? key.toUpperCase() : key;
    if (!/^P[0-4]$/.test(priority) && priority !== 'default') fail(`"actions.slo.${key}": expected a priority P0 to P4, or default`);
    const days = sloDays(value);
    if (days === null) fail(`"actions.slo.${key}" must be a duration such as 28d or 4w, not ${JSON.stringify(value)}`);
    out[priority] = days;
  }
  return { slo: out };
}

export function validateRuleSetting(setting: unknown, where: string, fail: (problem: string) => never): RuleSetting {
  const sev = Array.isArray(setting) ? setting[0] : setting;
  if (typeof sev !== 'string' || !SEVERITIES.includes(sev as Severity)) {
    fail(`${where} must be off, warn or error (or [severity, { options }]), not ${JSON.stringify(setting)}`);
  }
  if (Array.isArray(setting)) {
    if (setting.length > 2) fail(`${where} must be [severity, { options }]`);
    const options = setting[1];
    if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
      fail(`${where}: options must be a mapping`);
    }
    return options === undefined ? [sev as Severity] : [sev as Severity, options as Record<string, unknown>];
  }
  return sev as Severity;
}

/** A JavaScript config, found by the search and imported after it (import() is asynchronous). */
class ModuleConfig {
  constructor(readonly filepath: string) {}
}
const moduleLoader: LoaderSync = (filepath) => new ModuleConfig(filepath);
/** The loaders by file extension; a JavaScript config comes back as a ModuleConfig, for importConfig(). */
export const LOADERS: Record<string, LoaderSync> = { '.yaml': yamlLoader, '.yml': yamlLoader, noExt: yamlLoader, '.json': jsonLoader, '.js': moduleLoader, '.mjs': moduleLoader, '.cjs': moduleLoader };
/** What a loader gave, with a JavaScript config imported: its default export. */
export async function importConfig(loaded: unknown): Promise<unknown> {
  return loaded instanceof ModuleConfig ? (await importModule(pathToFileURL(loaded.filepath).href)).default : loaded;
}

/** Find and validate the config. `explicit` is a --config path. Throws UserError (exit 2) when it is invalid. */
export async function loadConfig(cwd: string, explicit?: string): Promise<Config> {
  // The synchronous search: a few dozen existence checks up the directory tree take well under a millisecond
  // this way, against several through the asynchronous file system (and its module, loaded for it).
  const searcher = lilconfigSync('postmortem', {
    searchPlaces: SEARCH_PLACES,
    loaders: LOADERS,
    cache: false,
  });
  let result;
  try {
    result = explicit ? searcher.load(resolve(cwd, explicit)) : searcher.search(cwd);
    if (result) result = { ...result, config: await importConfig(result.config) };
  } catch (error) {
    if (error instanceof UserError) throw error;
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new UserError(`config file not found: ${explicit ?? e.path}`);
    throw new UserError(`invalid config ${explicit ?? `(searching from ${cwd})`}: ${String(e.message).split('\n')[0]}`);
  }
  if (!result) return { dir: 'postmortems', template: 'default', rules: {}, root: cwd, sources: {} };
  const config = validateConfig(result.config, result.filepath, dirname(result.filepath));
  const spec = (result.config as Record<string, unknown> | null)?.extends;
  if (spec === undefined) return config;
  return (await import('./extends.js')).applyExtends(config, spec, result.filepath);
}
