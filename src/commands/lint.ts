/** `postmortem lint [PATH|GLOB ...]` */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileProblem, UserError } from '../errors.js';
import { resolveFiles } from '../files.js';
import { RULES } from '../lint/rules/index.js';
import { FIX_KINDS, type FixKind } from '../lint/rule.js';
import { totals, type FileResult } from '../report/types.js';
import { openProject } from '../project.js';
import type { GlobalOptions } from '../cli.js';

export interface LintOptions extends GlobalOptions {
  format: string;
  outputFile?: string;
  quiet?: boolean;
  maxWarnings?: string;
  template?: string;
  errorOnUnmatchedPattern: boolean;
  stdinFilename?: string;
  cache?: boolean;
  cacheLocation?: string;
  jobs?: string;
  timeout?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  fixType?: string;
}

const FORMATS = ['stylish', 'json', 'github', 'sarif'];

export async function run(patterns: string[], opts: LintOptions): Promise<number> {
  const cwd = process.cwd();
  if (!FORMATS.includes(opts.format)) throw new UserError(`unknown format "${opts.format}"; expected one of ${FORMATS.join(', ')}`);
  let maxWarnings = -1;
  if (opts.maxWarnings !== undefined) {
    maxWarnings = Number(opts.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UserError(`--max-warnings expects a whole number, not "${opts.maxWarnings}"`);
  }
  const fixing = Boolean(opts.fix || opts.fixDryRun);
  let fixKinds: ReadonlySet<FixKind> | undefined;
  if (opts.fixType !== undefined || fixing) {
    const { DEFAULT_FIX_KINDS, parseFixTypes } = await import('../lint/fix.js');
    if (!fixing) throw new UserError('--fix-type needs --fix or --fix-dry-run');
    if (opts.fixType !== undefined) {
      const { kinds, unknown } = parseFixTypes(opts.fixType);
      if (unknown.length > 0 || kinds.size === 0) {
        throw new UserError(`--fix-type expects kinds among ${FIX_KINDS.join(', ')}, not "${unknown.join(',') || opts.fixType}"`);
      }
      fixKinds = kinds;
    } else {
      fixKinds = DEFAULT_FIX_KINDS;
    }
  }
  if (opts.fix && !opts.fixDryRun && patterns.includes('-')) throw new UserError('--fix cannot write to standard input; use --fix-dry-run to see the fixes');
  const { config, templates } = await openProject(cwd, opts.config);
  if (opts.template) templates.get(opts.template); // unknown → exit 2 before reading anything
  templates.get(config.template);

  const targets = patterns.length > 0 ? patterns : [resolve(config.root, config.dir)];
  const { files, unmatched } = await resolveFiles(targets, { cwd, allowUnmatched: !opts.errorOnUnmatchedPattern });
  for (const u of unmatched) process.stderr.write(`postmortem: warning: no files match ${u}\n`);

  let jobs: number | undefined;
  if (opts.jobs !== undefined) {
    jobs = Number(opts.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UserError(`--jobs expects a whole number of threads, not "${opts.jobs}"`);
  }
  let timeout: number | undefined;
  if (opts.timeout !== undefined) {
    timeout = Number(opts.timeout);
    if (!(timeout > 0) || !Number.isFinite(timeout)) throw new UserError(`--timeout expects a number of seconds above 0, not "${opts.timeout}"`);
  }
  let cache;
  if (opts.cache || opts.cacheLocation) {
    const { LintCache } = await import('../lint/cache.js');
    const { VERSION } = await import('../version.js');
    const location = opts.cacheLocation ? resolve(cwd, opts.cacheLocation) : resolve(config.root, 'node_modules', '.cache', 'postmortem');
    cache = LintCache.open(location, VERSION, config, templates, opts.template);
  }
  const runOptions = {
    cwd,
    config,
    templates,
    ...(opts.template ? { template: opts.template } : {}),
    ...(opts.stdinFilename ? { stdinPath: opts.stdinFilename } : {}),
  };
  let results: FileResult[];
  if (fixKinds) {
    // Fixing reads, fixes and writes one file at a time (no cache: the files change).
    const { fixFiles } = await import('../lint/fix-files.js');
    const run = fixFiles(files, runOptions, fixKinds, Boolean(opts.fixDryRun));
    results = run.results;
    // The diff goes to standard output before a stylish report, or alone when the report goes to a file; a
    // machine-readable report on standard output stays parseable (the diff is then left out).
    if (opts.fixDryRun && run.diffs.length > 0 && (opts.format === 'stylish' || opts.outputFile !== undefined)) {
      process.stdout.write(`${run.diffs.join('')}\n`);
    }
  } else {
    const { lintMany } = await import('../lint/parallel.js');
    results = await lintMany(files, {
      ...runOptions,
      ...(opts.config ? { configPath: opts.config } : {}),
      ...(jobs !== undefined ? { jobs } : {}),
      ...(timeout !== undefined ? { timeout } : {}),
      ...(cache ? { cache } : {}),
    });
  }
  const all = totals(results);
  if (opts.quiet) results = results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') }));

  const toFile = opts.outputFile !== undefined;
  const color = !toFile && opts.color !== false && !process.env.NO_COLOR && Boolean(process.stdout.isTTY || process.env.FORCE_COLOR);
  let output: string;
  switch (opts.format) {
    case 'json':
      output = (await import('../report/json.js')).formatJson(results);
      break;
    case 'github':
      output = (await import('../report/github.js')).formatGithub(results);
      break;
    case 'sarif': {
      const { VERSION } = await import('../version.js');
      output = (await import('../report/sarif.js')).formatSarif(results, RULES, VERSION, cwd);
      break;
    }
    default: {
      const { formatStylish, painter } = await import('../report/stylish.js');
      output = formatStylish(results, await painter(color));
    }
  }
  if (toFile) {
    try {
      writeFileSync(resolve(cwd, opts.outputFile!), output);
    } catch (error) {
      throw new UserError(`cannot write ${opts.outputFile}: ${fileProblem(error, 'write')}`);
    }
  } else {
    process.stdout.write(output);
  }

  if (results.some((r) => r.fatal)) return 2;
  if (all.errorCount > 0) return 1;
  if (maxWarnings >= 0 && all.warningCount > maxWarnings) {
    process.stderr.write(`postmortem: ${all.warningCount} warning${all.warningCount === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
