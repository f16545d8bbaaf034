#!/usr/bin/env node
// Build dist/ with esbuild: one bundle per command, sharing chunks, so that a command loads a few files instead of
// hundreds of small ESM modules (start-up time, see npm run bench). Type checking is tsc's job (npm run typecheck).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: [
    'src/cli.ts',
    // Library entry points for scripts/ (eval, docs).
    'src/document/parse.ts',
    'src/lint/engine.ts',
    'src/lint/docs.ts',
    'src/lint/rules/index.ts',
    'src/template/load.ts',
    'src/import/convert.ts',
    'src/lint/worker.ts',
  ],
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.12',
  chunkNames: 'chunks/[name]-[hash]',
  // Some bundled CommonJS packages call require(): give ESM chunks one.
  banner: { js: "import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
