/**
 * Wires commander. A command's module is imported only when that command runs, so `--version` loads almost
 * nothing and `lint` never loads the interview.
 */
import { Command, CommanderError, Option } from 'commander';
import { setModuleImporter, type ModuleImporter } from './config/importer.js';
import { isUserError } from './errors.js';
import { registerTimelineCommands } from './timeline/cli.js';

export interface GlobalOptions {
  config?: string;
  color?: boolean;
}

export function buildProgram(): Command {
  const program = new Command('postmortem');
  /**
   * A command's action: import its module only when it runs, call the named function with the positional
   * arguments and every option (global ones included), and keep its exit code.
   */
  type CommandModule = Record<string, (...args: never[]) => Promise<number>>;
  const lazy =
    (load: () => Promise<unknown>, name: string) =>
    async (...args: unknown[]): Promise<void> => {
      const cmd = args.at(-1) as Command;
      const run = ((await load()) as CommandModule)[name]!;
      program.setOptionValue('exitCode', await run(...([...args.slice(0, -2), cmd.optsWithGlobals()] as never[])));
    };
  program
    // Before the subcommands, so that they inherit it: usage mistakes throw, and main() turns them into exit 2.
    .exitOverride()
    .description('Write and check incident postmortems: Markdown with YAML front matter, linted in CI.')
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .option('--no-color', 'never color the output (NO_COLOR is honored too)')
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      'after',
      `
Exit codes:
  0    no errors (warnings allowed)
  1    lint errors (or more warnings than --max-warnings); a stale index (index --check);
       overdue action items (actions --fail-on-overdue)
  2    the tool could not do its job: bad usage, bad config, unreadable path, nothing matched
  130  postmortem new was interrupted; postmortem new --resume continues

Examples:
  $ postmortem new                          write a postmortem, interviewed in the terminal
  $ postmortem lint                         lint the configured directory (postmortems/)
  $ postmortem lint 'docs/**/*.md' --format github
  $ postmortem actions --overdue            action items past their due date
  $ postmortem inspect postmortems/2023-03-01-login-outage.md --json
  $ postmortem print-config postmortems/2023-03-01-login-outage.md

On npm as postmortem-cli: npm install --save-dev postmortem-cli, then npx postmortem init --ci github.`,
    );

  program
    .command('lint')
    .description('check postmortems against their templates')
    .argument('[paths...]', 'files, directories or globs (default: the configured directory); - reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'github', 'sarif']).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('-t, --template <name>', 'template for documents that name none in their front matter')
    .option('--no-error-on-unmatched-pattern', 'warn instead of failing when a path or glob matches nothing')
    .option('--stdin-filename <path>', 'name to show for a document read from stdin')
    .option('--cache', 'reuse results for unchanged files (keyed on content, config and version)')
    .option('--cache-location <path>', 'cache file or directory (default: node_modules/.cache/postmortem); implies --cache')
    .option('-j, --jobs <n>', 'threads for large runs (default: the number of cores)')
    .option('--fix', 'apply safe, mechanical fixes to the files in place')
    .option('--fix-dry-run', 'print the fixes as a unified diff and write nothing')
    .option('--fix-type <kinds>', 'kinds of fix to apply, comma-separated: spelling, datetime, heading, task-list, duration (default: all but duration)')
    .option('--timeout <seconds>', 'the most time one file may take; past it the file is reported as fatal (default: 10)')
    .action(lazy(() => import('./commands/lint.js'), 'run'));

  program
    .command('inspect')
    .description('print the model of one postmortem: sections, timeline, action items, incident window')
    .argument('<file>', 'the document; - reads stdin')
    .option('--json', 'print JSON')
    .option('-t, --template <name>', 'template for a document that names none')
    .action(lazy(() => import('./commands/inspect.js'), 'run'));

  program
    .command('new')
    .description('interview the author and write a postmortem from a template')
    .option('-t, --template <name>', 'template to use, by name or path (default: the config\'s, else "default")')
    .option('-a, --answers <file>', 'answers as YAML or JSON, keyed by field keys and section ids (- reads stdin)')
    .option('-y, --yes', 'ask nothing: take defaults and the config\'s timezone, leave the template\'s guidance as comments where nothing was given (needs --date for the file name)')
    .option('-d, --dir <dir>', 'directory to write into (default: the config\'s "dir", postmortems/)')
    .option('--dry-run', 'print the document instead of writing it')
    .option('--force', 'replace an existing file of the same name')
    .option('--resume', 'continue the interview that was interrupted, at the question where it stopped')
    .option('--editor', 'write prose sections in $VISUAL or $EDITOR (Ctrl-E at a section does the same)')
    .option('--timeline-from <sources...>', 'answer the timeline with events from these sources, as `timeline import` reads them')
    .addHelpText(
      'after',
      `
In the interview, "<" alone goes back one question; prose takes pastes of many lines, an empty line ends it and
Ctrl-E opens your editor; times show how they were read; a review comes before writing. Ctrl-C keeps every answer
(and the half-typed line) in .postmortem/drafts/new.json: --resume continues there.
Without a terminal (or with CI set), every required answer must come from flags or --answers; the command
exits 2 listing what is missing instead of waiting for input.`,
    )
    .action(lazy(() => import('./commands/new.js'), 'run'));

  const templates = program.command('templates').description('list the templates, built-in and the project\'s');
  templates
    .command('list', { isDefault: true })
    .description('list the templates and where each comes from')
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/templates.js'), 'list'));
  templates
    .command('show')
    .description('print one template')
    .argument('<name>', 'template name')
    .action(lazy(() => import('./commands/templates.js'), 'show'));

  program
    .command('import')
    .description("bring existing postmortems into a template's shape (front matter inferred, sections renamed and ordered)")
    .argument('<files...>', 'documents, directories or globs; - reads stdin')
    .option('-t, --template <name>', 'template to follow (default: the config\'s, else "default")')
    .option('-d, --dir <dir>', 'write the results here (default: the config\'s "dir", postmortems/)')
    .option('--in-place', 'replace each file with its import, keeping FILE.bak')
    .option('--no-backup', 'with --in-place, keep no .bak copy')
    .option('--dry-run', 'print the results, write nothing')
    .action(lazy(() => import('./commands/import.js'), 'run'));

  program
    .command('init')
    .description('set up a repository: config, postmortems directory with its index, optional CI workflow')
    .option('-d, --dir <dir>', 'directory for postmortems (default: postmortems)')
    .option('-t, --template <name>', 'default template for the config (default: default)')
    .option('--timezone <zone>', "IANA zone for the config (default: this machine's)")
    .option('--template-copy <name>', 'copy a built-in template into .postmortem/templates/ to edit (repeatable)', (v: string, p: string[] = []) => [...p, v])
    .option('--ci <provider>', 'also write a CI workflow (github)')
    .option('--pages', 'with --ci github: also a workflow that publishes postmortem report on GitHub Pages')
    .action(lazy(() => import('./commands/init.js'), 'run'));

  program
    .command('list')
    .description('list the postmortems, newest first')
    .option('--json', 'print JSON')
    .option('--since <date>', 'only incidents on or after this date (YYYY-MM-DD)')
    .option('--severity <severity>', 'only this severity')
    .option('--status <status>', 'only this status')
    .action(lazy(() => import('./commands/list.js'), 'run'));

  program
    .command('index')
    .description('write the index table into <dir>/README.md, between marker comments')
    .option('--check', 'write nothing; exit 1 when the index is out of date (for CI)')
    .option('--chart <kind>', 'add a Mermaid chart under the table: incidents (per quarter), resolve (median hours per quarter) or none; kept by later runs')
    .action(lazy(() => import('./commands/index-page.js'), 'run'));

  program
    .command('actions')
    .description('list the action items of all postmortems, overdue first')
    .option('--open', 'only open items (neither done nor won\'t do)')
    .option('--overdue', 'only open items past their due date (written, or from the config\'s actions.slo)')
    .option('--owner <name>', 'only items of this owner (with or without @)')
    .option('--priority <p>', 'only items of this priority (P0 to P4)')
    .option('--status <status>', 'only items with this status: open, done or wontdo')
    .option('--json', 'print JSON')
    .option('--fail-on-overdue', 'exit 1 when an item is overdue (for a scheduled CI job)')
    .option('--today <date>', 'the date to compare due dates with (default: today), for reproducible reports')
    .action(lazy(() => import('./commands/actions.js'), 'run'));

  program
    .command('stats')
    .description('time to detect, mitigate and resolve, action items done and overdue: per incident, per group, overall')
    .option('--by <group>', 'one row per service, severity, month, quarter or author')
    .option('--status <status>', 'only postmortems with this status (e.g. final: drafts left out)')
    .option('--since <date>', 'only incidents on or after this date (YYYY-MM-DD)')
    .option('--today <date>', 'the date for overdue items and "this quarter" (default: today)')
    .option('--format <format>', 'text, json or csv')
    .option('--json', 'print JSON (--format json)')
    .option('--csv', 'print CSV (--format csv): one row per incident, or per group with --by')
    .action(lazy(() => import('./commands/stats.js'), 'run'));

  registerTimelineCommands(program, lazy);

  program
    .command('print-config')
    .description('print the configuration that applies to a file (after extends), with where each setting came from')
    .argument('[file]', 'the document (default: one that names no template)')
    .option('--json', 'print JSON')
    .option('-t, --template <name>', 'template for a document that names none')
    .action(lazy(() => import('./commands/print-config.js'), 'run'));

  program.command('lsp').description('language server for editors (LSP over stdio): live diagnostics, quick fixes, completion').option('--stdio', 'talk over stdin/stdout (the default and only transport)').option('--clientProcessId <pid>', "exit when the editor's process ends (editors pass it)").action(lazy(() => import('./commands/lsp.js'), 'run'));

  program
    .command('report')
    .description('write a static site: trends, breakdowns, action items, one page per postmortem with its timeline')
    .option('-o, --out <dir>', 'directory to write (default: postmortem-report); replaced only if empty or a previous report')
    .option('--since <date>', 'only incidents on or after this date (YYYY-MM-DD)')
    .option('--today <date>', 'the date for overdue items and "this quarter" (default: today)')
    .option('--title <text>', 'the site\'s title (default: Postmortems)')
    .option('-j, --jobs <n>', 'threads for reports of 300 postmortems or more (default: the number of cores, at most 4)')
    .action(lazy(() => import('./commands/report.js'), 'run'));

  program
    .command('rules')
    .description('list the lint rules')
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/rules.js'), 'run'));

  // Usage mistakes in the project's words, one line, for every command (commander words them its own way).
  const plainErrors = (cmd: Command): void => {
    cmd.configureOutput({ outputError: (str, write) => write(`postmortem: ${usageMessage(cmd, str.trim())}\n`) });
    for (const sub of cmd.commands) plainErrors(sub);
  };
  plainErrors(program);
  return program;
}

/** The long flag of an option's flags ("-f, --format <format>" → "--format"). */
const flagOf = (flags: string): string => /--[\w-]+/.exec(flags)?.[0] ?? flags.split(/[ ,]/)[0]!;

/**
 * A usage mistake commander found, said as the project's other user errors are (`--by expects one of …, not "x"`,
 * `unknown rule "x"; did you mean "y"?`): one line, naming the command. Anything not recognised keeps commander's
 * text without its "error: " prefix.
 */
export function usageMessage(cmd: Command, message: string): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  const name = names.join(' ');
  const help = `postmortem${name ? ` ${name}` : ''} --help`;
  const suggestion = /\(Did you mean (.+?)\?\)/.exec(message)?.[1];
  const didYouMean = (fallback: string): string => (suggestion ? `; did you mean "${suggestion}"?` : `; ${fallback}`);
  let m: RegExpExecArray | null;
  if ((m = /^error: option '(.+?)' argument '/.exec(message)) && message.includes("' is invalid.")) {
    const flags = m[1]!;
    const cut = message.lastIndexOf("' is invalid.");
    const value = message.slice(m[0].length, cut);
    const why = message.slice(cut + "' is invalid.".length).trim();
    const option = cmd.options.find((o) => o.flags === flags);
    const choices = option?.argChoices;
    if (choices) return `${flagOf(flags)} expects one of ${choices.join(', ')}, not "${value}"`;
    return `${flagOf(flags)}: ${why.replace(/\.$/, '')}, not "${value}"`;
  }
  if ((m = /^error: unknown option '(.+?)'/.exec(message))) {
    return `unknown option "${m[1]}"${name ? ` for ${name}` : ''}${didYouMean(`${help} lists the options`)}`;
  }
  if ((m = /^error: unknown command '(.+?)'/.exec(message))) {
    return `unknown command "${m[1]}"${name ? ` for ${name}` : ''}${didYouMean(`${help} lists the commands`)}`;
  }
  if ((m = /^error: missing required argument '(.+?)'/.exec(message))) return `${name} needs <${m[1]}>; ${help} shows how`;
  if ((m = /^error: option '(.+?)' argument missing/.exec(message))) return `${flagOf(m[1]!)} needs a value (${m[1]})`;
  if ((m = /^error: required option '(.+?)' not specified/.exec(message))) return `${name} needs ${m[1]}`;
  if ((m = /^error: too many arguments(?: for '.+?')?\. Expected (\d+) arguments? but got (\d+)\./.exec(message))) {
    const expected = Number(m[1]);
    const parent = cmd.parent;
    const typed = cmd.args[0];
    if (expected === 0 && parent?.parent && typed !== undefined && (parent as unknown as { _defaultCommandName?: string })._defaultCommandName === cmd.name()) {
      // `templates shw`: a word after a command whose default subcommand takes none is a mistyped subcommand.
      const near = parent.commands.map((c) => c.name()).filter((n) => n.slice(0, 2) === typed.slice(0, 2));
      const hint = near.length === 1 ? `did you mean "${near[0]}"?` : `${help.replace(` ${cmd.name()} --help`, ' --help')} lists the commands`;
      return `unknown command "${typed}" for ${parent.name()}; ${hint}`;
    }
    return `${name || 'postmortem'} takes ${expected === 0 ? 'no arguments' : `at most ${expected} argument${expected === 1 ? '' : 's'}`}, got ${m[2]}; ${help} shows how`;
  }
  if ((m = /^error: (.+?) cannot be used with (.+)$/.exec(message))) return `${m[1]!.replace(/option '(.+?)'/g, (_, f: string) => flagOf(f))} cannot be used with ${m[2]!.replace(/option '(.+?)'/g, (_, f: string) => flagOf(f))}`;
  return message
    .replace(/^error: /, '')
    .split('\n')
    .map((l) => l.trim())
    .join(' ');
}

export interface MainOptions {
  /** import() from a real ES module, for JavaScript config files (see setModuleImporter). */
  importModule?: ModuleImporter;
}

export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  if (options.importModule) setModuleImporter(options.importModule);
  const program = buildProgram();
  // `new` takes one flag per field and section of its template: add them before parsing.
  const command = argv.slice(2).find((a, i, all) => !a.startsWith('-') && !['-c', '--config'].includes(all[i - 1] ?? ''));
  if (command === 'new') {
    const { addTemplateOptions } = await import('./commands/new.js');
    await addTemplateOptions(program.commands.find((c) => c.name() === 'new')!, argv);
  }
  // The version is read from package.json only when it is asked for.
  const wantsVersion = argv.includes('-v') || argv.includes('--version');
  program.version(wantsVersion ? (await import('./version.js')).VERSION : '', '-v, --version', 'print the version');
  try {
    await program.parseAsync(argv);
    return (program.getOptionValue('exitCode') as number | undefined) ?? 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage mistakes were already printed, in plain words (usageMessage).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isUserError(error)) {
      process.stderr.write(`postmortem: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
