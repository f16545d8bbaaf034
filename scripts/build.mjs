#!/usr/bin/env node
// Build dist/ with esbuild. Type checking is tsc's job (npm run typecheck).
//  - dist/cli.cjs: the command line, one CommonJS bundle that bin/postmortem.js compiles with V8's code cache, so
//    that start-up skips most of the compiling (see npm run bench). Commands' modules are still evaluated only
//    when their command runs.
//  - dist/**/*.js: ES modules sharing chunks, for the lint worker threads, the remark plugin (dist/remark.js) and
//    scripts/ (eval, docs).
//  - dist/templates.json: the built-in templates, parsed.
//  - dist/THIRD-PARTY-NOTICES.md: the licences of the packages bundled in (the published package has no
//    dependencies: everything it runs is in dist/).
//  - dist/cli-*.cache: the code cache, written by one warm-up run of `postmortem lint examples`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

// `npm pack` and `npm publish` run prepack (which builds) and then prepare: build once.
if (process.env.npm_lifecycle_event === 'prepare' && ['pack', 'publish'].includes(process.env.npm_command ?? '')) process.exit(0);

const { build } = await import('esbuild');
const root = new URL('..', import.meta.url);
rmSync(new URL('dist', root), { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20.12',
  logLevel: 'warning',
  // Less source for V8 to scan at start-up; identifiers are kept, so stack traces stay readable. For profiling,
  // POSTMORTEM_BUILD_READABLE=1 keeps the source as written (and esbuild's comments naming each module).
  minifyWhitespace: !process.env.POSTMORTEM_BUILD_READABLE,
  minifySyntax: !process.env.POSTMORTEM_BUILD_READABLE,
};

const esm = await build({
  ...common,
  metafile: true,
  entryPoints: [
    'src/lint/worker.ts',
    // postmortem-cli/remark: the lint as a remark plugin (package.json "exports").
    'src/remark.ts',
    // Library entry points for scripts/ (eval, docs) and for this build.
    'src/document/parse.ts',
    'src/lint/engine.ts',
    'src/lint/docs.ts',
    'src/lint/rules/index.ts',
    'src/template/load.ts',
    'src/template/template.ts',
    'src/import/convert.ts',
    // postmortem report: the site builder with vega, vega-lite, unified and d3, imported only by that command.
    'src/site/report.ts',
    'src/site/worker.ts',
  ],
  outdir: 'dist',
  outbase: 'src',
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  // Some bundled CommonJS packages call require(): give ESM chunks one.
  banner: { js: "import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);" },
});

// Start-up: Node's built-in modules that most runs never call into are loaded on first use in the CLI bundle (each
// costs compiling its JavaScript at start: crypto about 2 ms, child_process and worker_threads under 1 ms). Their
// exports become getters that require the module when first read. Commander requires child_process at load, for
// commands run as separate executables (postmortem has none); lilconfig reads fs.promises at load.
const LAZY_BUILTINS = /^node:(crypto|worker_threads|child_process)$/;
const { createRequire } = await import('node:module');
const requireHere = createRequire(import.meta.url);
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: LAZY_BUILTINS }, (args) => ({ path: args.path.slice('node:'.length), namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, ({ path }) => {
      const getters = Object.keys(requireHere(path)).map((n) => `${JSON.stringify(n)}: { get: () => load()[${JSON.stringify(n)}], enumerable: true }`);
      return { contents: `let m; const load = () => (m ??= require(${JSON.stringify(path)}));\nmodule.exports = Object.defineProperties({}, { ${getters.join(', ')} });`, loader: 'js' };
    });
    b.onLoad({ filter: /node_modules[\\/]lilconfig[\\/]src[\\/]index\.js$/ }, async ({ path }) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(path, 'utf8');
      const eager = 'const fsReadFileAsync = fs.promises.readFile;';
      if (!text.includes(eager)) return undefined; // another lilconfig: bundled as it is
      return { contents: text.replace(eager, 'const fsReadFileAsync = (...args) => fs.promises.readFile(...args);'), loader: 'js' };
    });
  },
};

const cli = await build({
  ...common,
  plugins: [lazyBuiltins],
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  metafile: true,
  define: { 'import.meta.url': '__pmImportMetaUrl' },
  banner: { js: "const __pmImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  write: false,
});
// The language server (`postmortem lsp`): a bundle of its own, required by src/commands/lsp.ts, so that the CLI
// bundle (and its code cache) stays the size every other command needs. (Its metafile lists what it bundles.)
const lsp = await build({
  ...common,
  metafile: true,
  entryPoints: ['src/lsp/server.ts'],
  outfile: 'dist/lsp.cjs',
  format: 'cjs',
  define: { 'import.meta.url': '__pmImportMetaUrl' },
  banner: { js: "const __pmImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// Two more bundles of their own, for the same reason: the timeline commands with re2js, csv-parse and proper-lockfile
// (`timeline add`, `timeline import`, `new --timeline-from`), and Inquirer's editor prompt with its encoding tables
// (`new --editor`, Ctrl-E). src/bundles.ts requires them when those run.
const extra = await Promise.all(
  [
    ['src/timeline/bundle.ts', 'dist/timeline.cjs'],
    ['src/new/editor-bundle.ts', 'dist/editor.cjs'],
  ].map(([entry, outfile]) =>
    build({
      ...common,
      metafile: true,
      entryPoints: [entry],
      outfile,
      format: 'cjs',
      define: { 'import.meta.url': '__pmImportMetaUrl' },
      banner: { js: "const __pmImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
  ),
);

// The first line names this build: bin/postmortem.js keys the code cache on it (V8 itself only checks the length).
// Pure ASCII, so that bin/postmortem.js reads it as latin1 (a copy, where UTF-8 must be decoded: about 3 ms of
// every start). esbuild escapes non-ASCII in strings but leaves it in regular expression literals; a \uXXXX escape
// means the same there (and in identifiers), except after a backslash or in a raw template, which the check refuses.
const code = cli.outputFiles[0].text.replace(/[^\0-\x7f]/g, (c, at, all) => {
  if (all[at - 1] === '\\' || /String\.raw`[^`]*$/.test(all.slice(Math.max(0, at - 200), at))) throw new Error(`dist/cli.cjs: cannot escape ${JSON.stringify(c)} at ${at}`);
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
});
const id = createHash('sha256').update(code).digest('hex').slice(0, 16);
writeFileSync(new URL('dist/cli.cjs', root), `// build ${id}\n${code}`);

// Types for the remark plugin's users (.remarkrc.ts, unified().use()): its one function and its options.
writeFileSync(
  new URL('dist/remark.d.ts', root),
  `/** postmortem's lint as a remark plugin: each file is read and checked as \`postmortem lint\` does. */
export interface RemarkPostmortemOptions {
  /** A config file, instead of searching from the working directory. */
  config?: string;
  /** The template for documents that name none (default: the config's). */
  template?: string;
}
export default function remarkPostmortem(options?: RemarkPostmortemOptions | null): (tree: unknown, file: any) => Promise<void>;
`,
);

// The licences of the bundled packages, which travel with their code.
const packages = new Map();
for (const input of [...Object.keys(esm.metafile.inputs), ...Object.keys(cli.metafile.inputs), ...Object.keys(lsp.metafile.inputs), ...extra.flatMap((b) => Object.keys(b.metafile.inputs))]) {
  const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
  if (m && !packages.has(m[2])) packages.set(m[2], m[1]);
}
const notices = ['# Third-party notices', '', 'These packages are bundled into dist/. Their licences follow.', ''];
for (const [name, dir] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
  const pkg = JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), 'utf8'));
  const file = readdirSync(new URL(`${dir}/`, root)).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  notices.push(`## ${name}@${pkg.version} (${pkg.license ?? 'see its package'})`, '');
  notices.push(file ? readFileSync(new URL(`${dir}/${file}`, root), 'utf8').trim() : `No licence file in the package; package.json says: ${pkg.license}.`, '');
}
writeFileSync(new URL('dist/THIRD-PARTY-NOTICES.md', root), notices.join('\n'));

// The built-in templates, parsed now instead of on every run. Each entry keeps the text it was parsed from: a
// template whose file no longer has that text is parsed again at run time (src/template/load.ts).
const { parseTemplate } = await import('../dist/template/template.js');
const templatesDir = new URL('templates/', root);
const parsed = {};
for (const file of readdirSync(templatesDir).filter((f) => f.endsWith('.md')).sort()) {
  const source = readFileSync(new URL(file, templatesDir), 'utf8');
  const template = parseTemplate(source, file, 'built-in');
  if (isDeepStrictEqual(JSON.parse(JSON.stringify(template)), template)) parsed[file.slice(0, -3)] = { source, template };
}
writeFileSync(new URL('dist/templates.json', root), JSON.stringify(parsed));

// Warm-up: the first run of a build writes the code cache (what it compiled, lint's parser and rules included).
spawnSync(process.execPath, ['bin/postmortem.js', 'lint', 'examples'], { cwd: root, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
