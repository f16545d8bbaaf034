#!/usr/bin/env node
// Entry point. `--version` is answered here, before anything else loads; every other command goes through
// dist/cli.js, which imports only the module of the command being run.
import { readFileSync } from 'node:fs';

// A closed pipe (`postmortem lint | head`) ends the output quietly, as in any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { main } = await import('../dist/cli.js');
  try {
    process.exitCode = await main(process.argv);
  } catch (error) {
    // main() turns every user mistake into a message and exit 2; reaching this is a bug in postmortem.
    process.stderr.write(`postmortem: internal error (please report it): ${error?.stack ?? error}\n`);
    process.exitCode = 70;
  }
}
