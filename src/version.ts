import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

/** The package's name and version, read from package.json (one small file, no JSON import machinery). */
const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

export const VERSION: string = pkg.version;
/** The registry name (`postmortem-cli`): what `npm install` and `npx --package` need; the command is `postmortem`. */
export const PACKAGE_NAME: string = pkg.name;
