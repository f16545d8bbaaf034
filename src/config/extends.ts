/**
 * `extends`: a config builds on others, so that an organisation keeps one config (rule settings, a default
 * template, shared templates) in a package its repositories install, e.g. `extends: "@acme/postmortem-config"`.
 *
 * - A spec starting with `.` or `/` is a file, relative to the config that names it.
 * - Anything else is a package, looked up in node_modules from the config's directory upwards (as Node does):
 *   `NAME` is the file its package.json names in `exports` or `main`, else its package.json's "postmortem" key, else
 *   a `.postmortemrc.yaml|yml|json` or `postmortem.config.js|mjs` at its root; `NAME/PATH` is that file in the
 *   package (the extensions .yaml, .yml, .json, .js, .mjs, .cjs may be left out).
 * - Settings merge in order (a list of specs: later ones over earlier ones), the config's own last: it wins.
 *   Rules merge rule by rule. `templates` of an extended config is relative to that config and adds its
 *   templates under the project's own. `dir` stays relative to the project.
 * - A missing file or package, a cycle, or a bad extended config is exit 2 with one line naming it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { importConfig, LOADERS, validateConfig, type Config } from './config.js';

const MAX_DEPTH = 32;
const EXTENSIONS = ['.yaml', '.yml', '.json', '.js', '.mjs', '.cjs'];
const RC_FILES = ['.postmortemrc.yaml', '.postmortemrc.yml', '.postmortemrc.json', '.postmortemrc', 'postmortem.config.js', 'postmortem.config.mjs'];

const shown = (path: string): string => {
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') ? r : path;
};

function specs(value: unknown, path: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some((s) => typeof s !== 'string' || !s.trim())) {
    throw new UserError(`invalid config ${shown(path)}: "extends" must be a file path or a package name, or a list of them`);
  }
  return list.map((s: string) => s.trim());
}

const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile();

/** The file a spec names, seen from the config at `from`. */
function resolveSpec(spec: string, from: string): string {
  const base = dirname(from);
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const file = resolve(base, spec);
    if (!isFile(file)) throw new UserError(`invalid config ${shown(from)}: extends "${spec}": no such file ${shown(file)}`);
    return file;
  }
  const m = /^((?:@[^/]+\/)?[^/@][^/]*)(?:\/(.+))?$/.exec(spec);
  if (!m) throw new UserError(`invalid config ${shown(from)}: extends "${spec}" is neither a path (./file.yaml) nor a package name`);
  const [, name, subpath] = m;
  let pkgDir: string | undefined;
  for (let dir = base; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name!);
    if (existsSync(join(candidate, 'package.json'))) {
      pkgDir = candidate;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  if (!pkgDir) {
    throw new UserError(`invalid config ${shown(from)}: extends "${spec}": package ${name} not found in node_modules; install it (npm install --save-dev ${name})`);
  }
  if (subpath) {
    const file = [join(pkgDir, subpath), ...EXTENSIONS.map((e) => join(pkgDir!, subpath + e))].find(isFile);
    if (!file) throw new UserError(`invalid config ${shown(from)}: extends "${spec}": no file ${subpath} in ${shown(pkgDir)}`);
    return file;
  }
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { exports?: unknown; main?: unknown; postmortem?: unknown };
  const entry = exportsEntry(pkg.exports) ?? (typeof pkg.main === 'string' ? pkg.main : undefined);
  if (entry && isFile(join(pkgDir, entry))) return join(pkgDir, entry);
  if (pkg.postmortem !== undefined) return join(pkgDir, 'package.json');
  const rc = RC_FILES.map((f) => join(pkgDir!, f)).find(isFile);
  if (rc) return rc;
  throw new UserError(`invalid config ${shown(from)}: extends "${spec}": ${shown(pkgDir)} names no config ("main", "exports", a "postmortem" key or a .postmortemrc.yaml)`);
}

/** The file `exports` gives for the package itself ("." or the whole field), preferring import, then default. */
function exportsEntry(exports: unknown): string | undefined {
  let e = exports;
  if (e && typeof e === 'object' && !Array.isArray(e) && '.' in e) e = (e as Record<string, unknown>)['.'];
  for (let i = 0; i < 4 && e && typeof e === 'object' && !Array.isArray(e); i++) {
    const o = e as Record<string, unknown>;
    e = o.import ?? o.default ?? o.require ?? o.node;
  }
  return typeof e === 'string' ? e : undefined;
}

async function loadFile(file: string): Promise<unknown> {
  if (file.endsWith('package.json')) return (JSON.parse(readFileSync(file, 'utf8')) as { postmortem?: unknown }).postmortem;
  const loader = LOADERS[extname(file)] ?? LOADERS.noExt!;
  try {
    return await importConfig(loader(file, readFileSync(file, 'utf8')));
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`invalid config ${shown(file)}: ${String((error as Error).message).split('\n')[0]}`);
  }
}

/** Settings set by `over` replace those of `base`; rules merge rule by rule, the actions SLO priority by priority. */
function merge(base: Config, over: Config, overTemplates: 'local' | 'shared'): Config {
  const sources = { ...base.sources };
  const merged: Config = { ...base, rules: { ...base.rules, ...over.rules }, sources };
  for (const key of ['dir', 'template', 'timezone', 'timeout'] as const) {
    if (over.sources?.[key] === undefined) continue;
    (merged as unknown as Record<string, unknown>)[key] = over[key];
    sources[key] = over.sources[key];
  }
  for (const [k, v] of Object.entries(over.sources ?? {})) if (k.startsWith('rules.')) sources[k] = v;
  merged.sharedTemplates = [...(base.sharedTemplates ?? []), ...(over.sharedTemplates ?? [])];
  if (over.templates !== undefined) {
    if (overTemplates === 'shared') merged.sharedTemplates.push(resolve(over.root, over.templates));
    else {
      merged.templates = over.templates;
      sources.templates = over.sources!.templates!;
    }
  }
  merged.extended = [...(base.extended ?? []), ...(over.extended ?? [])];
  // The action-item SLO merges priority by priority, like rules.
  if (over.actions) merged.actions = { slo: { ...base.actions?.slo, ...over.actions.slo } };
  return merged;
}

/** A config extended by another: its own extends applied first. `chain` is the files on the way here. */
async function layer(spec: string, from: string, chain: string[]): Promise<Config> {
  const file = resolveSpec(spec, from);
  if (chain.includes(file)) {
    throw new UserError(`invalid config ${shown(from)}: extends "${spec}" makes a cycle: ${[...chain.slice(chain.indexOf(file)), file].map(shown).join(' → ')}`);
  }
  if (chain.length >= MAX_DEPTH) throw new UserError(`invalid config ${shown(from)}: extends nests more than ${MAX_DEPTH} configs deep`);
  const raw = await loadFile(file);
  const own = validateConfig(raw, file, dirname(file));
  const data = raw as Record<string, unknown> | null | undefined;
  let base: Config = { dir: 'postmortems', template: 'default', rules: {}, root: dirname(file), sources: {} };
  if (data?.extends !== undefined) {
    for (const s of specs(data.extends, file)) base = merge(base, await layer(s, file, [...chain, file]), 'shared');
  }
  const result = merge(base, own, 'shared');
  result.extended = [...(result.extended ?? []), { spec, path: file }];
  return result;
}

/** The config `own` (read from `path`) over the configs its `extends` names. */
export async function applyExtends(own: Config, spec: unknown, path: string): Promise<Config> {
  let base: Config = { dir: 'postmortems', template: 'default', rules: {}, root: own.root, sources: {} };
  for (const s of specs(spec, path)) base = merge(base, await layer(s, path, [path]), 'shared');
  const config = merge(base, own, 'local');
  config.root = own.root;
  if (own.path) config.path = own.path;
  return config;
}
