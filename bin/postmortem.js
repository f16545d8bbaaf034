#!/usr/bin/env node
// Entry point. `--version` is answered here, before anything else loads. Every other command runs dist/cli.cjs,
// compiled with V8's code cache (dist/cli-BUILD-NODE-ARCH.cache) so that start-up skips most of the compiling; the
// first run of a build writes that cache, and without it (a read-only install) everything works, only slower.
import { accessSync, constants, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

// A closed pipe (`postmortem lint | head`) ends the output quietly, as in any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

async function loadCli() {
  // Loaded here, not above: `--version` needs none of them.
  const [{ default: Module, createRequire }, { dirname, join }, { fileURLToPath }, { default: vm }] = await Promise.all([
    import('node:module'),
    import('node:path'),
    import('node:url'),
    import('node:vm'),
  ]);
  const file = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
  let source;
  try {
    source = readFileSync(file, 'utf8');
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
  // No import() inside: JavaScript config files are imported by the function main() is given below.
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
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

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { main, saveCache } = await loadCli();
  try {
    process.exitCode = await main(process.argv, { importModule: (url) => import(url) });
  } catch (error) {
    // main() turns every user mistake into a message and exit 2; reaching this is a bug in postmortem.
    process.stderr.write(`postmortem: internal error (please report it): ${error?.stack ?? error}\n`);
    process.exitCode = 70;
  }
  saveCache();
}
