import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli, tempDir } from './helpers.js';

const FLAGS = [
  '--title', 'Login service down: the users table was locked',
  '--date', '2023-03-01',
  '--severity', 'sev-1',
  '--authors', 'priya, tom',
  '--started', '9:00 AM',
  '--resolved', '12:00',
  '--timezone', 'America/New_York',
  '--summary', 'Nobody could sign in for three hours.',
  '--timeline', '09:00 Support reports sign-in failures',
  '--timeline', '09:05 — Alert pages on-call',
  '--timeline', '2023-03-01 12:00 Revert completes',
  '--root-cause-and-resolution', 'A migration locked the users table. Reverting released it.',
  '--action-items', 'Test migrations on production-sized data (owner: @priya, due: 2023-03-31)',
];

const ANSWERS = `title: Queue stalled after a broker upgrade
date: 2024-02-10
severity: SEV-3
authors: [sam]
started: "14:00"
resolved: "15:30"
timezone: Europe/Berlin
summary: |
  The order queue stopped draining for 90 minutes.

  Orders were delayed, none were lost.
timeline:
  - { time: "14:00", text: Backlog alert fires. }
  - "14:20 Consumers restarted; no change."
  - time: "15:30"
    text: Broker rolled back; backlog drained.
root-cause-and-resolution: The upgraded broker rejected the consumers' old protocol version.
action-items:
  - { item: Pin the broker protocol version, owner: "@sam", due: 2024-03-01 }
`;

function frontMatter(text: string): Record<string, unknown> {
  return parseYaml(text.split(/^---$/m)[1]!) as Record<string, unknown>;
}

describe('postmortem new (non-interactive)', () => {
  it('writes a lint-clean document from flags, entries in the order given, and prints its path', () => {
    const dir = tempDir();
    const r = runCli(['new', ...FLAGS], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: 'Wrote postmortems/2023-03-01-login-service-down-the-users-table-was-locked.md\n' });
    const text = readFileSync(join(dir, 'postmortems', '2023-03-01-login-service-down-the-users-table-was-locked.md'), 'utf8');
    expect(frontMatter(text)).toEqual({
      template: 'default',
      title: 'Login service down: the users table was locked',
      date: '2023-03-01',
      severity: 'SEV-1',
      status: 'draft',
      authors: ['priya', 'tom'],
      started: '2023-03-01T09:00:00-05:00',
      resolved: '2023-03-01T12:00:00-05:00',
      timezone: 'America/New_York',
    });
    expect(text).toContain('## Timeline\n\n- 09:00 — Support reports sign-in failures\n- 09:05 — Alert pages on-call\n- 12:00 — Revert completes\n');
    expect(runCli(['lint'], { cwd: dir })).toMatchObject({ code: 0, stdout: '✔ 1 file checked, no problems\n' });
  });

  it('reads an answers file (YAML or JSON, or - for stdin)', () => {
    const dir = tempDir({ 'answers.yaml': ANSWERS });
    const r = runCli(['new', '--answers', 'answers.yaml', '--dir', 'docs'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: 'Wrote docs/2024-02-10-queue-stalled-after-a-broker-upgrade.md\n' });
    const text = readFileSync(join(dir, 'docs', '2024-02-10-queue-stalled-after-a-broker-upgrade.md'), 'utf8');
    expect(frontMatter(text)).toMatchObject({ started: '2024-02-10T14:00:00+01:00', resolved: '2024-02-10T15:30:00+01:00' });
    expect(text).toContain('The order queue stopped draining for 90 minutes.\n\nOrders were delayed, none were lost.');
    expect(runCli(['lint', 'docs'], { cwd: dir }).code).toBe(0);

    const json = JSON.stringify(parseYaml(ANSWERS));
    const piped = runCli(['new', '--answers', '-', '--dry-run'], { cwd: dir, input: json });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(text);
  });

  it('exits 2 at once, listing the missing flags, when nothing can be asked', () => {
    const dir = tempDir();
    const r = runCli(['new', '--title', 'x'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'postmortem: missing answers (standard input is not a terminal, so nothing can be asked): --date, --severity, --authors, --timezone, --started, --resolved, --summary, --timeline, --root-cause-and-resolution, --action-items; give them as flags or with --answers FILE, or pass --yes to leave placeholders\n',
    );
    expect(existsSync(join(dir, 'postmortems'))).toBe(false);
  });

  it('explains an invalid answer with its flag and exits 2', () => {
    const dir = tempDir();
    const cases: Array<[string[], string]> = [
      [['--severity', 'SEV-9'], 'postmortem: --severity: Expected one of SEV-1, SEV-2, SEV-3, SEV-4, SEV-5\n'],
      [['--started', 'soonish'], 'postmortem: --started: Expected a time such as "09:05", "9:05 AM", "2023-03-01 09:05" or "now"\n'],
      // Checks across answers are the lint rules' own, named by the flag whose answer they are about.
      [['--resolved', '08:00'], 'postmortem: --resolved: Expected the end (2023-03-01T08:00:00-05:00) after the start (2023-03-01T09:00:00-05:00), found it earlier: correct one of them [incident-window]\n'],
      [['--summary', 'TODO'], 'postmortem: --summary: Write what happened instead of the placeholder "TODO"\n'],
      [['--summary', 'A 30-minute outage.'], 'postmortem: --summary: Expected the stated duration to match the window 2023-03-01T09:00:00-05:00 to 2023-03-01T12:00:00-05:00 (3 hours), found "30-minute" (30 minutes): correct the duration or the times [incident-duration]\n'],
      // Entries stay in the order given: one out of order is said, not silently moved.
      [['--timeline', '08:59 Late one'], 'postmortem: --timeline: Expected entries in time order, found 08:59 after 12:00 (line 23): correct its time or move the entry [timeline-order]\n'],
      [['--action-items', 'Fix it'], 'postmortem: --action-items (item 2): Name an owner for "Fix it"\n'],
      [['--timezone', 'EST'], 'postmortem: --timezone: Expected an IANA time-zone name such as America/New_York, Europe/Paris or UTC\n'],
    ];
    for (const [extra, stderr] of cases) {
      const r = runCli(['new', ...FLAGS, ...extra], { cwd: dir });
      expect(r, extra.join(' ')).toMatchObject({ code: 2, stderr });
    }
    expect(existsSync(join(dir, 'postmortems'))).toBe(false);
  });

  it('--yes leaves the guidance as comments for lint to catch, invents no facts, and takes the config\'s time zone', () => {
    const dir = tempDir({ '.postmortemrc.yaml': 'timezone: Asia/Tokyo\n' });
    const r = runCli(['new', '--yes', '--title', 'Half-written', '--date', '2024-01-02'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/lint errors? to fix before it passes/);
    const text = readFileSync(join(dir, 'postmortems', '2024-01-02-half-written.md'), 'utf8');
    expect(frontMatter(text)).toMatchObject({ severity: null, started: null, status: 'draft', timezone: 'Asia/Tokyo' });
    expect(text).toContain('<!-- To write: - [ ] A specific, checkable task');
    const lint = runCli(['lint', '--format', 'json'], { cwd: dir });
    const ids = new Set(JSON.parse(lint.stdout).files[0].messages.map((m: { ruleId: string }) => m.ruleId));
    expect(ids).toContain('section-empty');
    expect(ids).toContain('frontmatter-required');
    // The guidance is no data: no action item, no timeline entry, no incident window.
    expect(JSON.parse(runCli(['actions', '--json'], { cwd: dir }).stdout)).toEqual([]);
    const model = JSON.parse(runCli(['inspect', join('postmortems', '2024-01-02-half-written.md'), '--json'], { cwd: dir }).stdout);
    expect(model.timeline).toEqual([]);
    expect(model.actionItems).toEqual([]);
    const stats = JSON.parse(runCli(['stats', '--json'], { cwd: dir }).stdout);
    expect(JSON.stringify(stats)).not.toMatch(/someone/);
  });

  it('--yes without the date the file name needs: exit 2 and one line, nothing written', () => {
    const dir = tempDir();
    const r = runCli(['new', '--yes', '--title', 'No date'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: "postmortem: --yes needs --date (or --started): the file name starts with the incident's date\n" });
    expect(existsSync(join(dir, 'postmortems'))).toBe(false);
    expect(runCli(['new', '--yes', '--title', 'No date', '--dry-run'], { cwd: dir }).code).toBe(0);
  });

  it('never overwrites: a second document of the same name gets a suffix; --force replaces', () => {
    const dir = tempDir();
    const first = runCli(['new', ...FLAGS], { cwd: dir });
    const second = runCli(['new', ...FLAGS], { cwd: dir });
    expect(first.stdout).toBe('Wrote postmortems/2023-03-01-login-service-down-the-users-table-was-locked.md\n');
    expect(second.stdout).toBe('Wrote postmortems/2023-03-01-login-service-down-the-users-table-was-locked-2.md\n');
    const forced = runCli(['new', ...FLAGS, '--force'], { cwd: dir });
    expect(forced.stdout).toBe(first.stdout);
    expect(readdirSync(join(dir, 'postmortems')).sort()).toEqual([
      '2023-03-01-login-service-down-the-users-table-was-locked-2.md',
      '2023-03-01-login-service-down-the-users-table-was-locked.md',
    ]);
  });

  it('keeps the file name inside the directory whatever the title', () => {
    const dir = tempDir();
    const flags = [...FLAGS];
    flags[1] = '../../etc/passwd';
    expect(runCli(['new', ...flags], { cwd: dir }).stdout).toBe('Wrote postmortems/2023-03-01-etc-passwd.md\n');
    flags[1] = '東京 🚀 ' + 'x'.repeat(200);
    const r = runCli(['new', ...flags], { cwd: dir });
    const name = r.stdout.replace(/^Wrote postmortems\//, '').trim();
    expect(name).toMatch(/^2023-03-01-[a-z0-9-]+\.md$/);
    expect(name.length).toBeLessThanOrEqual(11 + 60 + 3);
  });

  it('prints the document with --dry-run and writes nothing', () => {
    const dir = tempDir();
    const r = runCli(['new', ...FLAGS, '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^---\ntemplate: default\n/);
    expect(existsSync(join(dir, 'postmortems'))).toBe(false);
  });

  it('continues a draft with --resume and deletes it once written', () => {
    const dir = tempDir();
    const partial = runCli(['new', ...FLAGS, '--dry-run'], { cwd: dir });
    expect(partial.code).toBe(0);
    mkdirSync(join(dir, '.postmortem', 'drafts'), { recursive: true });
    const draft = {
      version: 1,
      template: 'default',
      savedAt: '2023-03-02T10:00:00Z',
      answers: { fields: { title: 'From a draft', date: '2023-03-01', severity: 'SEV-2', authors: ['a'], started: '2023-03-01T09:00:00-05:00', resolved: '2023-03-01T10:00:00-05:00', timezone: 'America/New_York' }, sections: {} },
    };
    writeFileSync(join(dir, '.postmortem', 'drafts', 'new.json'), JSON.stringify(draft));
    const missing = runCli(['new', '--resume'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing answers .*: --summary, --timeline, --root-cause-and-resolution, --action-items;/);
    const r = runCli(['new', '--resume', '--summary', 'Short.', '--timeline', '09:00 start', '--root-cause-and-resolution', 'Cause.', '--action-items', 'Fix (owner: a, due: 2023-04-01)'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: 'Wrote postmortems/2023-03-01-from-a-draft.md\n' });
    expect(existsSync(join(dir, '.postmortem', 'drafts', 'new.json'))).toBe(false);
    expect(runCli(['new', '--resume'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^postmortem: no draft to resume/) });
  });

  it('takes the flags of the chosen template, and lists them in --help', () => {
    const help = runCli(['new', '--help', '--template', 'google-sre']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--trigger <value>');
    expect(help.stdout).toContain('--section-impact <value>');
    expect(help.stdout).toContain('"google-sre" template');
    const dir = tempDir();
    const r = runCli(['new', '--template', 'pagerduty', '--title', 'x'], { cwd: dir });
    expect(r.stderr).toMatch(/--overview, --what-happened, --contributing-factors/);
  });
});

describe('postmortem templates', () => {
  it('lists built-in and project templates with where each comes from', () => {
    const custom = readFileSync(join(__dirname, '..', 'templates', 'default.md'), 'utf8').replace('name: default', 'name: team').replace(/description: .*/, 'description: Our own.');
    const dir = tempDir({ '.postmortem/templates/team.md': custom });
    const r = runCli(['templates'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 6).map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'atlassian built-in', 'default* built-in', 'google-sre built-in', 'holberton built-in', 'pagerduty built-in', 'team project',
    ]);
    expect(JSON.parse(runCli(['templates', '--json'], { cwd: dir }).stdout).find((t: { name: string }) => t.name === 'team')).toMatchObject({
      origin: 'project', path: '.postmortem/templates/team.md', description: 'Our own.',
    });
  });

  it('shows one template, and names file, line and problem of a broken one', () => {
    expect(runCli(['templates', 'show', 'holberton']).stdout).toMatch(/^---\nname: holberton\n/);
    const dir = tempDir({ '.postmortem/templates/bad.md': '---\nname: bad\nsections:\n  - id: x\n    heading: X\n    kind: essay\n---\n' });
    const r = runCli(['templates', 'show', 'bad'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^postmortem: .*\.postmortem\/templates\/bad\.md:6:11: unknown kind "essay"; expected one of prose, timeline, actions \(sections\.0\.kind\)\n$/);
    expect(runCli(['templates'], { cwd: dir }).code).toBe(2);
  });
});
