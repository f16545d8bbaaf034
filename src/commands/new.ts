/** `postmortem new`: interview the author (or read flags and an answers file) and write the document. */
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { missingAnswersMessage, batchProblems } from '../new/batch.js';
import { isInterrupt } from '../new/io.js';
import { shownPath, startSession } from '../new/start.js';
import { draftPath, writeDocument } from '../new/write.js';
import { openProject } from '../project.js';
import type { GlobalOptions } from '../cli.js';

export { addTemplateOptions, flagsFor } from '../new/inputs.js';

export interface NewOptions extends GlobalOptions {
  template?: string;
  answers?: string;
  yes?: boolean;
  dir?: string;
  dryRun?: boolean;
  force?: boolean;
  resume?: boolean;
  editor?: boolean;
  timelineFrom?: string[];
  [flag: string]: unknown;
}

export async function run(opts: NewOptions): Promise<number> {
  const project = await openProject(process.cwd(), opts.config);
  const canAsk = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI && !opts.yes;
  const io = canAsk ? (await import('../new/terminal.js')).terminalIO() : undefined;
  try {
    const session = await startSession(project, opts, io);
    if (!session) return 0;
    if (io && (session.missing().length > 0 || opts.resume || session.position.at > 0)) {
      if ((await session.run(io)) === 'abort') {
        process.stdout.write(`Nothing was written. The answers are kept in ${shownPath(project, draftPath(project.config.root))}: "postmortem new --resume" continues.\n`);
        return 0;
      }
    } else {
      // Batch mode: everything required must be given, and be right, at once.
      if (!opts.yes && session.missing().length > 0) throw new UserError(missingAnswersMessage(session));
      if (!opts.yes) batchProblems(session);
      if (opts.yes) session.fillForBatch(project.config.timezone);
    }
    const code = writeDocument(session, project, opts);
    // Into the postmortems directory: its index page (if it has one) lists the new document, so CI stays green.
    const { root, dir } = project.config;
    if (!opts.dryRun && resolve(project.cwd, opts.dir ?? resolve(root, dir)) === resolve(root, dir)) {
      const indexed = await (await import('./index-page.js')).refreshIndex(opts);
      if (indexed) process.stdout.write(`${indexed}\n`);
    }
    return code;
  } catch (error) {
    if (!isInterrupt(error)) throw error;
    process.stderr.write(`\npostmortem: interrupted; nothing was written. Your answers are kept in ${shownPath(project, draftPath(project.config.root))}: run "postmortem new --resume" to continue.\n`);
    return 130;
  }
}
