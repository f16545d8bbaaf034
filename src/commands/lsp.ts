/**
 * `postmortem lsp`: the language server, on stdio. Its code and vscode-languageserver are a bundle of their own
 * (dist/lsp.cjs, see scripts/build.mjs), required here only, so the CLI bundle that every other command loads does
 * not grow.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { GlobalOptions } from '../cli.js';
import { importModule } from '../config/importer.js';
import { fileProblem, UserError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';

export type LspOptions = GlobalOptions & { stdio?: boolean };

export async function run(opts: LspOptions): Promise<number> {
  if (opts.config && !existsSync(resolve(opts.config))) throw new UserError(`config file not found: ${opts.config}`);
  const file = join(PACKAGE_ROOT, 'dist', 'lsp.cjs');
  let server: typeof import('../lsp/server.js');
  try {
    server = createRequire(import.meta.url)(file) as typeof import('../lsp/server.js');
  } catch (error) {
    throw new UserError(`cannot load the language server (${file}): ${fileProblem(error)}; run "npm run build"`);
  }
  // --config: one config for every document (else each document's is found by walking up from it, as lint does from
  // the working directory).
  const connection = server.startServer({ importModule, ...(opts.config ? { configPath: resolve(opts.config) } : {}) });
  // The connection ends the process itself on "exit" or when the client closes stdin.
  await new Promise<void>((done) => connection.onExit(() => done()));
  return 0;
}
