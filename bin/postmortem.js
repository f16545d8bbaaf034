#!/usr/bin/env node
// Entry point, CommonJS (bin/package.json): Node starts a CommonJS entry without loading its ES module loader.
// `--version` is answered here, before anything else loads. Every other command runs dist/cli.cjs, compiled with
// V8's code cache (dist/cli-BUILD-NODE-ARCH.cache) so that start-up skips most of the compiling; the first run of a
// build writes that cache, and without it (a read-only install) everything works, only slower.
'use strict';
const { accessSync, constants, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

// A closed pipe (`postmortem lint | head`) ends the output quietly, as in any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

function loadCli() {
  // Loaded here: `--version` needs neither.
  const vm = require('node:vm');
  const { createRequire, wrap } = require('node:module');
  const file = join(__dirname, '..', 'dist', 'cli.cjs');
  let source;
  try {
    source = readFileSync(file, 'latin1'); // the build writes it in ASCII: no UTF-8 to decode
  } catch {
    // A clone where `npm install` has not run (it builds dist/ through the prepare script).
    process.stderr.write(`postmortem: ${file} is missing: run "npm install" (or "npm run build") in ${dirname(dirname(file))}\n`);
    process.exit(2);
  }
  const build = /^\/\/ build (\w+)/.exec(source)?.[1] ?? 'unknown';
  const cacheFile = join(dirname(file), `cli-${build}-${process.version}-${process.arch}.cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(wrap(source), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const saveCache = () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      accessSync(dirname(file), constants.W_OK);
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      rmSync(`${cacheFile}.${process.pid}.tmp`, { force: true }); // read-only install: no cache, no harm
    }
  };
  return { main: module.exports.main, saveCache };
}

async function run() {
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    process.stdout.write(`${pkg.version}\n`);
    return;
  }
  const { main, saveCache } = loadCli();
  try {
    // JavaScript config files are ES modules or CommonJS: import() loads either (and the ES module loader only then).
    process.exitCode = await main(process.argv, { importModule: (url) => import(url) });
  } catch (error) {
    // main() turns every user mistake into a message and exit 2; reaching this is a bug in postmortem.
    process.stderr.write(`postmortem: internal error (please report it): ${error?.stack ?? error}\n`);
    process.exitCode = 70;
  }
  saveCache();
}

run();
