/**
 * How JavaScript config files (postmortem.config.js, .mjs, .cjs) are imported. bin/postmortem.js, a real ES module,
 * provides it: the CLI bundle runs from V8's code cache, where import() has no module loader to call. A module of
 * its own so that setting it loads nothing else.
 */
export type ModuleImporter = (url: string) => Promise<{ default?: unknown }>;

let importer: ModuleImporter = (url) => import(url);

export function setModuleImporter(fn: ModuleImporter): void {
  importer = fn;
}

export function importModule(url: string): Promise<{ default?: unknown }> {
  return importer(url);
}
