#!/usr/bin/env node
import { main } from '../dist/cli.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Last resort: main() already turns user mistakes into exit 2; this is a bug in postmortem.
    process.stderr.write(`postmortem: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 70;
  },
);
