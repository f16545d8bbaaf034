#!/usr/bin/env node
// Build dist/ with esbuild. Type checking is tsc's job (npm run typecheck).
//  - dist/cli.cjs: the command line, one CommonJS bundle that bin/postmortem.js compiles with V8's code cache, so
//    that start-up skips most of the compiling (see npm run bench). Commands' modules are still evaluated only
//    when their command runs.
//  - dist/**/*.js: ES modules sharing chunks, for the lint worker threads and for scripts/ (eval, docs).
//  - dist/templates.json: the built-in templates, parsed.
//  - dist/cli-*.cache: the code cache, written by one warm-up run of `postmortem lint examples`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';

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

await build({
  ...common,
  entryPoints: [
    'src/lint/worker.ts',
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
    'src/site/markdown-worker.ts',
  ],
  outdir: 'dist',
  outbase: 'src',
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  // Some bundled CommonJS packages call require(): give ESM chunks one.
  banner: { js: "import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);" },
});

const cli = await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  define: { 'import.meta.url': '__pmImportMetaUrl' },
  banner: { js: "const __pmImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  write: false,
});
// The first line names this build: bin/postmortem.js keys the code cache on it (V8 itself only checks the length).
const code = cli.outputFiles[0].text;
const id = createHash('sha256').update(code).digest('hex').slice(0, 16);
writeFileSync(new URL('dist/cli.cjs', root), `// build ${id}\n${code}`);

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
