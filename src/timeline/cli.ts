/** The commands of this folder, for src/cli.ts: `start`, `timeline add`, `timeline import` (modules loaded lazily). */
import type { Command } from 'commander';

type Lazy = (load: () => Promise<unknown>, name: string) => (...args: unknown[]) => Promise<void>;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerTimelineCommands(program: Command, lazy: Lazy): void {
  program
    .command('start')
    .description('open a draft postmortem now, during the incident, and print its path')
    .argument('<title>', 'the incident\'s title')
    .option('-t, --template <name>', 'template to use (default: the config\'s, else "default")')
    .option('--timezone <zone>', "IANA zone of the document (default: the config's, else this machine's)")
    .option('--started <time>', 'when the impact started (default: now), e.g. 14:02 or "2024-05-02 14:02"')
    .option('--severity <severity>', 'severity, if known already')
    .option('--author <name>', 'an author (repeatable)', collect)
    .option('-d, --dir <dir>', 'directory to write into (default: the config\'s "dir", postmortems/)')
    .option('--dry-run', 'print the draft instead of writing it')
    .action(lazy(() => import('../commands/start.js'), 'run'));

  const timeline = program.command('timeline').description('add to a postmortem\'s timeline: now, or from chat, paging and deploy records');
  timeline
    .command('add')
    .description('add an entry at the current time (or --at) to the most recent draft (or --file)')
    .argument('[text...]', 'what happened (quotes optional: the words are joined with spaces)')
    .option('--at <time>', 'the entry\'s time instead of now: 14:10, "2:10 PM", "2024-05-02 14:10", ISO 8601')
    .option('-f, --file <doc>', 'the postmortem to add to (default: the most recent draft in the configured directory)')
    .option('--stdin', 'add each line of standard input as it arrives (tail -f log | postmortem timeline add --stdin)')
    .option('--dry-run', 'print the line that would be added, change nothing')
    .action(lazy(async () => (await import('../bundles.js')).loadBundle<typeof import('./bundle.js')>('timeline.cjs'), 'add'));
  timeline
    .command('import')
    .description('merge events from Slack, PagerDuty, git, CSV or JSON Lines into a postmortem\'s timeline')
    .argument('<sources...>', 'Slack export folder, PagerDuty log_entries JSON, git log file, git:RANGE, git-tags:PATTERN, CSV, JSON Lines; - reads stdin')
    .requiredOption('--into <doc>', 'the postmortem to merge into')
    .option('--since <time>', 'only events at or after this time')
    .option('--until <time>', 'only events at or before this time')
    .option('--match <regex>', 'only events whose text (origin included) matches this RE2 regular expression')
    .option('--dry-run', 'print the lines that would be added, change nothing')
    .option('--source <kind>', 'the kind of every source, instead of detecting it: slack, pagerduty, git, csv, jsonl')
    .option('--reaction <name>', 'Slack: only messages with this reaction, e.g. pushpin')
    .option('--channel <name>', 'Slack: the channel, when the source is the whole export')
    .option('--time-column <name>', 'CSV, JSON Lines: the column (or dotted path) of the time', 'time')
    .option('--text-column <name>', 'CSV, JSON Lines: the column of the text', 'text')
    .option('--author-column <name>', 'CSV, JSON Lines: a column naming who, recorded in the origin')
    .option('--label <label>', 'CSV, JSON Lines: the origin recorded (default: the file\'s name)')
    .option('--timezone <zone>', 'zone of source times written without one (default: the document\'s)')
    .addHelpText(
      'after',
      `
Entries are inserted in time order with their origin, e.g. "- 14:02 — Deploy started (slack: @alice)"; an event
already in the timeline (same minute, same words) is not added again. Bad input is reported with file and line
(or record), and nothing is changed (exit 2).`,
    )
    .action(lazy(async () => (await import('../bundles.js')).loadBundle<typeof import('./bundle.js')>('timeline.cjs'), 'importEvents'));
}
