/**
 * `postmortem lsp`: the language server, on stdio. Its code and vscode-languageserver are a bundle of their own
 * (dist/lsp.cjs, see scripts/build.mjs), required here only, so the CLI bundle that every other command loads does
 * not grow.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { GlobalOptions } from '../cli.js';
import { importModule } from '../config/importer.js';
import { UserError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';

export type LspOptions = GlobalOptions & { stdio?: boolean };

export async function run(opts: LspOptions): Promise<number> {
  if (opts.config) throw new UserError('lsp finds the config of each document itself; --config is not supported here');
  const file = join(PACKAGE_ROOT, 'dist', 'lsp.cjs');
  let server: typeof import('../lsp/server.js');
  try {
    server = createRequire(import.meta.url)(file) as typeof import('../lsp/server.js');
  } catch (error) {
    throw new UserError(`cannot load the language server (${file}): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; run "npm run build"`);
  }
  const connection = server.startServer({ importModule });
  // The connection ends the process itself on "exit" or when the client closes stdin.
  await new Promise<void>((resolve) => connection.onExit(() => resolve()));
  return 0;
}
