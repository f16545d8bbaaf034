/**
 * Code that one command needs and the others must not pay for at start-up lives in a bundle of its own beside
 * dist/cli.cjs (see scripts/build.mjs): required here, by the command that needs it, when it runs.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileProblem, UserError } from './errors.js';
import { PACKAGE_ROOT } from './paths.js';

export function loadBundle<T>(name: string): T {
  const file = join(PACKAGE_ROOT, 'dist', name);
  try {
    return createRequire(import.meta.url)(file) as T;
  } catch (error) {
    throw new UserError(`cannot load ${file}: ${fileProblem(error)}; run "npm run build"`);
  }
}
