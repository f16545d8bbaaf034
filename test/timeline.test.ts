/**
 * `postmortem start`, `timeline add` and `timeline import`, through the built CLI on real files in temp dirs:
 * entries land in order with a minimal edit, concurrent writers lose nothing, re-imports change nothing, bad input
 * changes nothing and says where.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parsePostmortem } from '../src/document/parse.js';
import { directivesOf } from '../src/lint/directives.js';
import { BIN, DEFAULT_TEMPLATE, lint, loadBuiltin, ROOT, runCli, tempDir } from './helpers.js';

const FIX = join(ROOT, 'test', 'fixtures', 'timeline');
const CHECKOUT = readFileSync(join(FIX, 'checkout.md'), 'utf8');

/** A temp project with the checkout draft (and the fixtures beside it). */
function project(config = 'timezone: Europe/Berlin\n'): { dir: string; doc: string } {
  const dir = tempDir({ '.postmortemrc.yaml': config });
  cpSync(FIX, join(dir, 'fx'), { recursive: true });
  const doc = join(dir, 'checkout.md');
  copyFileSync(join(FIX, 'checkout.md'), doc);
  return { dir, doc };
}

function timelineOf(text: string): string[] {
  return parsePostmortem(text, 'doc.md').timeline.map((e) => `${e.time} ${e.text}`);
}

/** The text with the given lines removed: what an insertion-only edit must give back. */
function withoutLines(text: string, lines: string[]): string {
  const out = text.split('\n');
  for (const l of lines) {
    const i = out.indexOf(l);
    expect(i, `line not found: ${l}`).toBeGreaterThanOrEqual(0);
    out.splice(i, 1);
  }
  return out.join('\n');
}

const timelineRules = (text: string): string[] =>
  lint(text).filter((m) => m.ruleId.startsWith('timeline-') && m.severity === 'error').map((m) => `${m.line}: ${m.message}`);

describe('postmortem start', () => {
  it('writes a draft at once, prints its path, never overwrites', () => {
    const { dir } = project();
    const r = runCli(['start', 'Checkout errors', '--started', '2024-05-02 14:02', '--severity', 'SEV-2'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: 'postmortems/2024-05-02-checkout-errors.md\n' });
    const text = readFileSync(join(dir, 'postmortems', '2024-05-02-checkout-errors.md'), 'utf8');
    const fm = parseYaml(text.split(/^---$/m)[1]!) as Record<string, unknown>;
    expect(fm).toMatchObject({ title: 'Checkout errors', status: 'draft', started: '2024-05-02T14:02:00+02:00', timezone: 'Europe/Berlin', severity: 'SEV-2', date: '2024-05-02' });
    expect(timelineOf(text)).toEqual(['2024-05-02T14:02:00+02:00 14:02 — Incident started (postmortem start)']);
    expect(timelineRules(text)).toEqual([]);
    const again = runCli(['start', 'Checkout errors', '--started', '2024-05-02 14:02'], { cwd: dir });
    expect(again.stdout).toBe('postmortems/2024-05-02-checkout-errors-2.md\n');
    expect(readFileSync(join(dir, 'postmortems', '2024-05-02-checkout-errors.md'), 'utf8')).toBe(text);
  });

  it('takes now in the configured zone when no start is given', () => {
    const { dir } = project('timezone: Asia/Tokyo\n');
    const before = Date.now();
    const r = runCli(['start', 'Now'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, r.stdout.trim()), 'utf8');
    const started = String((parseYaml(text.split(/^---$/m)[1]!) as Record<string, unknown>).started);
    expect(started).toMatch(/\+09:00$/);
    expect(Math.abs(Date.parse(started) - before)).toBeLessThan(2 * 60_000);
  });

  it('refuses a zone that is not an IANA name', () => {
    const { dir } = project();
    const r = runCli(['start', 'X', '--timezone', 'CEST'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/IANA/);
    expect(existsSync(join(dir, 'postmortems'))).toBe(false);
  });
});

describe('postmortem timeline add', () => {
  it('inserts each entry in time order, changing no other line', () => {
    const { dir, doc } = project();
    for (const [at, text] of [['14:05', 'Error-rate alert fires'], ['14:30', 'Error rate back to normal'], ['14:03', 'First customer ticket']]) {
      const r = runCli(['timeline', 'add', text!, '--at', at!, '--file', 'checkout.md'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^checkout\\.md:\\d+: - ${at} — ${text}\\n$`));
    }
    const after = readFileSync(doc, 'utf8');
    const added = ['- 14:03 — First customer ticket', '- 14:05 — Error-rate alert fires', '- 14:30 — Error rate back to normal'];
    expect(withoutLines(after, added)).toBe(CHECKOUT);
    expect(after).toContain(
      ['- 14:02 — Incident started (postmortem start)', added[0], added[1], '- 14:20 — Rolled back the payment-gateway deploy', added[2]].join('\n'),
    );
    expect(timelineRules(after)).toEqual([]);
  });

  it('adds to the most recent draft when no file is named, at the current time', () => {
    const { dir } = project();
    expect(runCli(['start', 'Older', '--started', '2024-05-01 09:00'], { cwd: dir }).code).toBe(0);
    const newer = runCli(['start', 'Newer'], { cwd: dir }).stdout.trim();
    const r = runCli(['timeline', 'add', 'Paged', 'the', 'database', 'team'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith(`${newer}:`)).toBe(true);
    expect(readFileSync(join(dir, newer), 'utf8')).toContain('Paged the database team');
    expect(readFileSync(join(dir, 'postmortems', '2024-05-01-older.md'), 'utf8')).not.toContain('Paged');
  });

  it('says how to start when there is no draft', () => {
    const { dir } = project();
    const r = runCli(['timeline', 'add', 'x'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no draft postmortem .*postmortem start/);
  });

  it('takes a time past midnight as the next day, and writes its date', () => {
    const { dir, doc } = project();
    expect(runCli(['timeline', 'add', 'Backfill finished', '--at', '00:40', '--file', doc], { cwd: dir }).code).toBe(0);
    const text = readFileSync(doc, 'utf8');
    expect(text).toContain('- 14:20 — Rolled back the payment-gateway deploy\n- 2024-05-03 00:40 — Backfill finished\n');
    expect(timelineRules(text)).toEqual([]);
  });

  it('writes the time so that the document reads it right: undated after midnight where the date would break the rollover', () => {
    const dir = tempDir();
    const text = '---\ntitle: T\ntimezone: UTC\nstarted: 2024-05-02T23:00:00Z\n---\n\n# T\n\n## Timeline\n\n- 23:00 — Batch job starts\n- 01:30 — Batch job fails\n';
    writeFileSync(join(dir, 't.md'), text);
    // "2024-05-03 01:00" would reset the day count, and "01:30" below it would read as May 2.
    const r = runCli(['timeline', 'add', 'Disk fills up', '--at', '2024-05-03 01:00', '--file', 't.md'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const after = readFileSync(join(dir, 't.md'), 'utf8');
    expect(after).toBe(text.replace('- 01:30', '- 01:00 — Disk fills up\n- 01:30'));
    expect(parsePostmortem(after, 't.md').timeline.map((e) => e.time)).toEqual(['2024-05-02T23:00:00Z', '2024-05-03T01:00:00Z', '2024-05-03T01:30:00Z']);
  });

  it('keeps an entry under the date heading of its day', () => {
    const dir = tempDir();
    const text = '---\ntitle: T\ntimezone: UTC\nstarted: 2024-05-02T22:00:00Z\n---\n\n# T\n\n## Timeline\n\n### May 2, 2024\n\n- 22:00 — Alert\n\n### May 3, 2024\n\n- 00:30 — Fixed\n';
    writeFileSync(join(dir, 't.md'), text);
    expect(runCli(['timeline', 'add', 'Paged', '--at', '2024-05-02 23:10', '--file', 't.md'], { cwd: dir }).code).toBe(0);
    expect(runCli(['timeline', 'add', 'Deployed', '--at', '2024-05-03 00:10', '--file', 't.md'], { cwd: dir }).code).toBe(0);
    const after = readFileSync(join(dir, 't.md'), 'utf8');
    expect(parsePostmortem(after, 't.md').timeline.map((e) => `${e.time} ${e.text}`)).toEqual([
      '2024-05-02T22:00:00Z 22:00 — Alert',
      '2024-05-02T23:10:00Z 23:10 — Paged',
      '2024-05-03T00:10:00Z 2024-05-03 00:10 — Deployed',
      '2024-05-03T00:30:00Z 00:30 — Fixed',
    ]);
    expect(after.indexOf('23:10 — Paged')).toBeLessThan(after.indexOf('### May 3'));
  });

  it('follows the timeline\'s own style: table rows, CRLF line ends', () => {
    const dir = tempDir();
    const table = [
      '---', 'template: pagerduty', 'title: Queue stall', 'timezone: UTC', 'started: 2024-02-10T14:00:00Z', '---', '', '# Queue stall', '',
      '## Timeline', '', '| Time (UTC) | Event |', '| --- | --- |', '| 14:00 | Backlog alert fires |', '| 14:30 | Broker rolled back |', '', '## How did we do', '', 'Well.', '',
    ].join('\r\n');
    writeFileSync(join(dir, 'q.md'), table);
    const r = runCli(['timeline', 'add', 'Consumers | restarted', '--at', '14:10', '--file', 'q.md'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const after = readFileSync(join(dir, 'q.md'), 'utf8');
    expect(after).toBe(table.replace('| 14:30 |', '| 14:10 | Consumers \\| restarted |\r\n| 14:30 |'));
    const doc = parsePostmortem(after, 'q.md', { sectionAliases: loadBuiltin('pagerduty').aliases });
    expect(doc.timeline.map((e) => e.time)).toEqual(['2024-02-10T14:00:00Z', '2024-02-10T14:10:00Z', '2024-02-10T14:30:00Z']);
  });

  it('starts a list under a timeline that has no entry yet, leaving its text alone', () => {
    const dir = tempDir();
    const text = '---\ntitle: T\ntimezone: UTC\nstarted: 2024-02-10T14:00:00Z\n---\n\n# T\n\n## Timeline\n## Root cause\n\nUnknown.\n';
    writeFileSync(join(dir, 't.md'), text);
    expect(runCli(['timeline', 'add', 'Alert', '--at', '14:01', '--file', 't.md'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 't.md'), 'utf8')).toBe(text.replace('## Timeline\n', '## Timeline\n\n- 14:01 — Alert\n\n'));
  });

  it('keeps the text as typed: Markdown in it stays text', () => {
    const { dir, doc } = project();
    const typed = '<!-- postmortem-disable --> # not a heading *and* `code` \\ here';
    expect(runCli(['timeline', 'add', typed, '--at', '14:10', '--file', doc], { cwd: dir }).code).toBe(0);
    const parsed = parsePostmortem(readFileSync(doc, 'utf8'), 'doc.md', { sectionAliases: DEFAULT_TEMPLATE.aliases });
    expect(directivesOf(parsed)).toEqual([]);
    expect(parsed.sections.map((s) => s.heading)).not.toContain('not a heading');
    expect(parsed.timeline.find((e) => e.time?.includes('14:10'))?.text).toContain('# not a heading');
  });

  it('refuses a document without a time zone, and one without a timeline section', () => {
    const dir = tempDir({ 'nozone.md': readFileSync(join(FIX, 'bad', 'no-zone.md'), 'utf8'), 'notl.md': '---\ntimezone: UTC\n---\n\n# X\n\n## Summary\n\nText.\n' });
    const a = runCli(['timeline', 'add', 'x', '--at', '14:00', '--file', 'nozone.md'], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/states no time zone/);
    const b = runCli(['timeline', 'add', 'x', '--at', '14:00', '--file', 'notl.md'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/no Timeline section/);
  });

  it('--stdin adds every line of a pipe', () => {
    const { dir, doc } = project();
    const r = runCli(['timeline', 'add', '--stdin', '--file', doc], { cwd: dir, input: 'first line\n\nsecond line\nthird line\n' });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(doc, 'utf8');
    for (const l of ['first line', 'second line', 'third line']) expect(text).toContain(` — ${l}\n`);
    expect(text.indexOf('first line')).toBeLessThan(text.indexOf('third line'));
  });

  it('--stdin writes each line as it arrives, while the pipe stays open (tail -f)', async () => {
    const { dir, doc } = project();
    const child = spawn(process.execPath, [BIN, 'timeline', 'add', '--stdin', '--file', doc], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'inherit'] });
    const waitFor = async (needle: string): Promise<void> => {
      for (let i = 0; i < 300 && !readFileSync(doc, 'utf8').includes(needle); i++) await new Promise((r) => setTimeout(r, 100));
      expect(readFileSync(doc, 'utf8')).toContain(needle);
    };
    child.stdin.write('database CPU at 95%\n');
    await waitFor(' — database CPU at 95%\n');
    child.stdin.write('replica promoted\n');
    await waitFor(' — replica promoted\n');
    child.stdin.end();
    expect(await new Promise((r) => child.on('close', r))).toBe(0);
  });

  it('loses no entry when several run at once (lock + atomic rename)', async () => {
    const { dir, doc } = project();
    const n = 8;
    const runs = Array.from({ length: n }, (_, i) =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'timeline', 'add', `Concurrent entry ${i}`, '--at', `14:${String(30 + i)}`, '--file', doc], {
          cwd: dir,
          env: { ...process.env, NO_COLOR: '1' },
          stdio: 'ignore',
        });
        child.on('close', (code) => resolve(code ?? -1));
      }),
    );
    expect(await Promise.all(runs)).toEqual(Array(n).fill(0));
    const text = readFileSync(doc, 'utf8');
    for (let i = 0; i < n; i++) expect(text).toContain(`- 14:${30 + i} — Concurrent entry ${i}\n`);
    expect(timelineRules(text)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('lock') || f.includes('.tmp'))).toEqual([]);
  });
});

describe('postmortem timeline import', () => {
  const importArgs = (...args: string[]) => ['timeline', 'import', ...args, '--into', 'checkout.md'];

  it('merges every kind of source in order, with its origin; a second import changes nothing', () => {
    const { dir, doc } = project();
    const args = importArgs('fx/slack', 'fx/pagerduty.json', 'fx/deploys.log', 'fx/events.csv', '--since', '13:00', '--author-column', 'who');
    const r = runCli(args, { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').at(-2)).toBe('added 13 entries to checkout.md');
    const after = readFileSync(doc, 'utf8');
    const lines = after.split('\n').filter((l) => l.startsWith('- 1'));
    expect(lines).toEqual([
      '- 13:58 — Deploy payment-gateway 2.14 (git: 9f1c2ab)',
      '- 14:02 — Incident started (postmortem start)',
      '- 14:04 — Triggered through the API. (pagerduty: trigger)',
      '- 14:04 — Notified Bob Ode by SMS. (pagerduty: notify)',
      '- 14:04 — Checkout errors spiking, @bob can you look? (slack: @alice)',
      '- 14:06 — Acknowledged by Bob Ode. (pagerduty: acknowledge)',
      '- 14:07 — Looking. Error rate is 12% on the checkout dashboard (https://grafana.example.com/d/checkout) (slack: @bob)',
      '- 14:09 — payment-gateway 2.14 went out at 13:58 (slack: @bob, in thread)',
      '- 14:11 — Rolling back payment-gateway to 2.13 & watching #incident-checkout (slack: @alice)',
      '- 14:16 — Revert "Deploy payment-gateway 2.14" (git: 1a2b3c4)',
      '- 14:20 — Rolled back the payment-gateway deploy',
      '- 14:25 — Refunds queued for the failed orders, 1,204 in all (events: carol)',
      '- 14:31 — Error rate back to baseline (slack: @alice)',
      '- 14:35 — Status page updated: resolved (events: dave)',
      '- 14:40 — Resolved by Alice Ruiz. (pagerduty: resolve)',
    ]);
    expect(withoutLines(after, lines.filter((l) => !CHECKOUT.includes(l)))).toBe(CHECKOUT);
    expect(timelineRules(after)).toEqual([]);
    const again = runCli(args, { cwd: dir });
    expect(again).toMatchObject({ code: 0, stdout: 'added 0 entries to checkout.md (13 already there)\n' });
    expect(readFileSync(doc, 'utf8')).toBe(after);
  });

  it('Slack: a channel folder or the export, --reaction, --until; times in the document\'s zone', () => {
    const { dir } = project();
    const r = runCli(importArgs('fx/slack/incident-checkout', '--reaction', ':pushpin:', '--until', '14:30', '--dry-run'), { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        'checkout.md:22: - 14:04 — Checkout errors spiking, @bob can you look? (slack: @alice)',
        'checkout.md:23: - 14:09 — payment-gateway 2.14 went out at 13:58 (slack: @bob, in thread)',
        'checkout.md:24: - 14:11 — Rolling back payment-gateway to 2.13 & watching #incident-checkout (slack: @alice)',
        'would add 3 entries to checkout.md; nothing was written (--dry-run)',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'checkout.md'), 'utf8')).toBe(CHECKOUT);
  });

  it('JSON Lines with named (dotted) columns, and --match with RE2 syntax', () => {
    const { dir } = project();
    const r = runCli(importArgs('fx/events.jsonl', '--time-column', 'ts', '--text-column', 'msg.text', '--label', 'ops', '--match', '(?i)FLAG', '--dry-run'), { cwd: dir });
    expect(r.stdout).toBe('checkout.md:22: - 14:12 — Feature flag checkout-v2 turned off (ops)\nwould add 1 entry to checkout.md; nothing was written (--dry-run)\n');
  });

  it('--match runs in linear time: a pattern that backtracks for ever in JavaScript finishes at once', () => {
    const { dir } = project();
    writeFileSync(join(dir, 'long.jsonl'), `${JSON.stringify({ time: '2024-05-02T14:10:00+02:00', text: `${'a'.repeat(50_000)}!` })}\n`);
    const r = runCli(importArgs('long.jsonl', '--match', '^(a+)+$', '--dry-run'), { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: 'would add 0 entries to checkout.md; nothing was written (--dry-run)\n' });
    const bad = runCli(importArgs('long.jsonl', '--match', '(?<=a)b'), { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--match: not a regular expression RE2 accepts/);
  });

  it('git: runs git for a range and for tags in the working directory', () => {
    const dir = tempDir({ 'checkout.md': CHECKOUT });
    const git = (args: string[], date?: string) => {
      const r = spawnSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 'ci', GIT_AUTHOR_EMAIL: 'ci@example.com', GIT_COMMITTER_NAME: 'ci', GIT_COMMITTER_EMAIL: 'ci@example.com', ...(date ? { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } : {}) },
      });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.trim();
    };
    git(['init', '-q']);
    git(['commit', '-q', '--allow-empty', '-m', 'Base'], '2024-05-02T11:00:00Z');
    git(['tag', 'base']);
    git(['commit', '-q', '--allow-empty', '-m', 'Deploy payment-gateway 2.14'], '2024-05-02T11:58:00Z');
    git(['tag', '-a', 'deploy-2.14', '-m', 'Release 2.14'], '2024-05-02T11:58:30Z');
    git(['commit', '-q', '--allow-empty', '-m', 'Revert the deploy'], '2024-05-02T12:16:00Z');
    const head = git(['rev-parse', '--short=7', 'HEAD']);
    const r = runCli(['timeline', 'import', 'git:base..HEAD', 'git-tags:deploy-*', '--into', 'checkout.md', '--dry-run'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`- 14:16 — Revert the deploy (git: ${head})`);
    expect(r.stdout).toContain('- 13:58 — Release 2.14 (git: deploy-2.14)');
    expect(r.stdout).toMatch(/- 13:58 — Deploy payment-gateway 2\.14 \(git: [0-9a-f]{7}\)/);
    expect(r.stdout).not.toContain('Base');
    const bad = runCli(['timeline', 'import', 'git:nosuchref..HEAD', '--into', 'checkout.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/git:nosuchref\.\.HEAD: git log failed/);
  });

  it('reads a source from standard input with --source', () => {
    const { dir } = project();
    const r = runCli(importArgs('-', '--source', 'git', '--dry-run'), { cwd: dir, input: readFileSync(join(FIX, 'deploys.log'), 'utf8') });
    expect(r.stdout).toContain('- 13:58 — Deploy payment-gateway 2.14 (git: 9f1c2ab)');
    expect(runCli(importArgs('-'), { cwd: dir }).stderr).toMatch(/needs --source/);
  });

  it('reports bad input with file and line or record, changes nothing, exit 2', () => {
    const { dir, doc } = project();
    const r = runCli(importArgs('fx/events.csv', 'fx/bad/events.csv', 'fx/bad/events.jsonl', 'fx/bad/slack/incident-x'), { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'postmortem: 3 problems in the input; nothing was changed:',
        '  fx/bad/events.csv:3: cannot read the time "yesterday at noon": expected ISO 8601 (2024-03-01T14:02:00Z), "2024-03-01 14:02" or Unix seconds',
        '  fx/bad/events.jsonl:2: not valid JSON (Unexpected end of JSON input)',
        '  fx/bad/slack/incident-x/2024-05-02.json:3:37: not valid JSON (Expected \',\' or \'}\' after property value)',
        '',
      ].join('\n'),
    );
    expect(readFileSync(doc, 'utf8')).toBe(CHECKOUT);
    const pd = join(dir, 'pd.json');
    writeFileSync(pd, JSON.stringify({ log_entries: [{ type: 'trigger_log_entry', summary: 'ok', created_at: '2024-05-02T12:04:00Z' }, { type: 'notify_log_entry', summary: 'no time' }] }));
    expect(runCli(importArgs('pd.json'), { cwd: dir }).stderr).toContain('pd.json: log entry 2: no "created_at"');
    expect(runCli(importArgs('fx/events.csv', '--time-column', 'when'), { cwd: dir }).stderr).toContain('fx/events.csv:1: no column "when" in the header (columns: time, text, who)');
    expect(runCli(importArgs('nothing-here.csv'), { cwd: dir }).stderr).toBe('postmortem: nothing-here.csv: no such file or directory\n');
    expect(readFileSync(doc, 'utf8')).toBe(CHECKOUT);
  });

  it('a zone-less time needs a zone: the document\'s, or --timezone', () => {
    const dir = tempDir({ 'doc.md': readFileSync(join(FIX, 'bad', 'no-zone.md'), 'utf8'), 'z.csv': readFileSync(join(FIX, 'bad', 'zoneless.csv'), 'utf8') });
    const r = runCli(['timeline', 'import', 'z.csv', '--into', 'doc.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('z.csv:2: the time "2024-05-02 14:25" has no zone and the document states none');
    // With a zoned document, the zone-less time is read in the document's zone, or in --timezone.
    const { dir: d2 } = project();
    writeFileSync(join(d2, 'z.csv'), readFileSync(join(FIX, 'bad', 'zoneless.csv'), 'utf8'));
    expect(runCli(importArgs('z.csv', '--dry-run'), { cwd: d2 }).stdout).toContain('- 14:25 — a time without a zone (z)');
    expect(runCli(importArgs('z.csv', '--timezone', 'UTC', '--dry-run'), { cwd: d2 }).stdout).toContain('- 16:25 — a time without a zone (z)');
  });

  it('refuses to bury the timeline under an unfiltered flood', () => {
    const { dir } = project();
    const rows = ['time,text', ...Array.from({ length: 5001 }, (_, i) => `${1714651450 + i * 60},event ${i}`)];
    writeFileSync(join(dir, 'flood.csv'), `${rows.join('\n')}\n`);
    const r = runCli(importArgs('flood.csv'), { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/more than 5000 events to import: narrow them with --since, --until, --match/);
  });
});

describe('postmortem new --timeline-from', () => {
  it('answers the timeline with imported events', () => {
    const dir = tempDir();
    const r = runCli(
      [
        'new', '--dry-run', '--title', 'Checkout errors', '--date', '2024-05-02', '--severity', 'SEV-2', '--authors', 'alice',
        '--started', '14:02', '--resolved', '14:40', '--timezone', 'Europe/Berlin', '--summary', 'Card payments failed for 38 minutes.',
        '--root-cause-and-resolution', 'A release broke card payments; rolling it back fixed them.',
        '--action-items', 'Canary releases (owner: @alice, due: 2024-06-01)',
        '--timeline', '14:20 Rolled back',
        '--timeline-from', join(FIX, 'pagerduty.json'), join(FIX, 'deploys.log'),
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      [
        '- 13:58 — Deploy payment-gateway 2.14 (git: 9f1c2ab)',
        '- 14:04 — Triggered through the API. (pagerduty: trigger)',
        '- 14:04 — Notified Bob Ode by SMS. (pagerduty: notify)',
        '- 14:06 — Acknowledged by Bob Ode. (pagerduty: acknowledge)',
        '- 14:16 — Revert "Deploy payment-gateway 2.14" (git: 1a2b3c4)',
        '- 14:20 — Rolled back',
        '- 14:40 — Resolved by Alice Ruiz. (pagerduty: resolve)',
      ].join('\n'),
    );
  });
});

describe('README "During an incident"', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('<!-- transcript: timeline -->');
  const block = /```text\n([\s\S]*?)```/.exec(readme.slice(at))![1]!;
  const timeline = /```markdown\n(## Timeline\n[\s\S]*?)```/.exec(readme.slice(at))![1]!;

  it('is a real session: each command gives the output shown, and the timeline shown', () => {
    expect(at).toBeGreaterThan(0);
    const dir = tempDir({ '.postmortemrc.yaml': 'timezone: Europe/Berlin\n' });
    cpSync(join(FIX, 'slack'), join(dir, 'slack-export'), { recursive: true });
    copyFileSync(join(FIX, 'pagerduty.json'), join(dir, 'pagerduty.json'));
    copyFileSync(join(FIX, 'deploys.log'), join(dir, 'deploys.log'));
    const steps: Array<{ args: string[]; output: string }> = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('$ ')) {
        const args = [...line.slice(2).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
        expect(args[0]).toBe('postmortem');
        steps.push({ args: args.slice(1), output: '' });
      } else if (line) {
        steps.at(-1)!.output += `${line}\n`;
      }
    }
    expect(steps.length).toBeGreaterThanOrEqual(5);
    let doc = '';
    for (const step of steps) {
      const r = runCli(step.args, { cwd: dir });
      expect(r.stderr, step.args.join(' ')).toBe('');
      expect(r.stdout, step.args.join(' ')).toBe(step.output);
      if (step.args[0] === 'start') doc = r.stdout.trim();
    }
    const text = readFileSync(join(dir, doc), 'utf8');
    expect(text).toContain(timeline);
    expect(timelineRules(text)).toEqual([]);
  });
});
