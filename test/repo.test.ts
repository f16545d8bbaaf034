/** init, list, index, actions and stats on a fixture repository we write, broken documents included. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.md') && f !== 'README.md');
const LEGACY = readFileSync(join(ROOT, 'test', 'fixtures', 'legacy-login-errors.md'), 'utf8');

/** A repository: three postmortems made with `new`, one hand-written, one with broken YAML. */
function fixtureRepo(): string {
  const files: Record<string, string> = { '.postmortemrc.yaml': 'dir: incidents\ntimezone: UTC\n' };
  for (const f of EXAMPLES) files[`incidents/${f}`] = readFileSync(join(ROOT, 'examples', f), 'utf8');
  files['incidents/2023-12-08-sign-in-errors.md'] = LEGACY;
  files['incidents/2024-01-01-broken.md'] = '---\ntitle: [unclosed\n---\n\n# Broken\n';
  return tempDir(files);
}

const SKIPS = [/^postmortem: warning: skipped incidents\/2024-01-01-broken\.md:2:8: Expected valid YAML front matter, found a list opened with "\[" and not closed: end it with "\]"$/m];

describe('postmortem init', () => {
  it('sets a repository up, and a second run changes nothing', () => {
    const dir = tempDir();
    const first = runCli(['init', '--ci', 'github', '--template-copy', 'google-sre', '--timezone', 'Europe/Paris'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n').slice(0, 4)).toEqual([
      'created  .postmortemrc.yaml  (configuration)',
      'created  postmortems/README.md  (index page)',
      'created  .postmortem/templates/google-sre.md  (copy of the built-in "google-sre" template, yours to edit)',
      'created  .github/workflows/postmortem.yml  (GitHub Actions workflow)',
    ]);
    expect(readFileSync(join(dir, '.postmortemrc.yaml'), 'utf8')).toContain('dir: postmortems\ntemplate: default\ntimezone: Europe/Paris\n');
    // No package.json: the workflow runs the package by its registry name and this version (never plain
    // `npx postmortem`, which would fetch an unrelated package of that name).
    const workflow = readFileSync(join(dir, '.github', 'workflows', 'postmortem.yml'), 'utf8');
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(workflow).toContain(`run: npx --yes --package postmortem-cli@${version} postmortem lint --format github\n`);
    expect(workflow).toContain(`run: npx --yes --package postmortem-cli@${version} postmortem index --check\n`);
    expect(workflow).toContain(`run: npx --yes --package postmortem-cli@${version} postmortem actions --overdue --fail-on-overdue\n`);
    expect(workflow).not.toMatch(/npm (ci|install)/);
    const before = readFileSync(join(dir, 'postmortems', 'README.md'), 'utf8');
    const second = runCli(['init', '--ci', 'github', '--template-copy', 'google-sre'], { cwd: dir });
    expect(second.stdout).toMatch(/skipped  \.postmortemrc\.yaml  \(a config is already there\)\nskipped  postmortems\/README\.md  \(exists\)\n.*\n.*\nskipped  \.gitignore  \(already ignores \.postmortem\/drafts\/ and node_modules\/\)\nNothing to do: already set up\.\n$/);
    expect(readFileSync(join(dir, 'postmortems', 'README.md'), 'utf8')).toBe(before);
    // The new repository works at once: lint, index and new agree with what init wrote.
    expect(runCli(['index', '--check'], { cwd: dir }).code).toBe(0);
    expect(runCli(['templates'], { cwd: dir }).stdout).toMatch(/^google-sre +project/m);
  });

  it('keeps the drafts of interrupted interviews and node_modules/ out of git: .gitignore created or appended to, once', () => {
    const fresh = tempDir();
    expect(runCli(['init'], { cwd: fresh }).stdout).toContain('created  .gitignore  (ignores .postmortem/drafts/ and node_modules/)');
    expect(readFileSync(join(fresh, '.gitignore'), 'utf8')).toBe('# Drafts of interrupted "postmortem new" interviews\n.postmortem/drafts/\n# Dependencies (npm install)\nnode_modules/\n');
    // A file that ignores node_modules its own way gets the drafts line only, after the user's lines.
    const existing = tempDir({ '.gitignore': 'node_modules\ndist' });
    expect(runCli(['init'], { cwd: existing }).stdout).toContain('updated  .gitignore  (ignores .postmortem/drafts/)');
    const after = readFileSync(join(existing, '.gitignore'), 'utf8');
    expect(after).toBe('node_modules\ndist\n# Drafts of interrupted "postmortem new" interviews\n.postmortem/drafts/\n');
    expect(runCli(['init'], { cwd: existing }).stdout).toContain('skipped  .gitignore  (already ignores .postmortem/drafts/ and node_modules/)');
    expect(readFileSync(join(existing, '.gitignore'), 'utf8')).toBe(after);
    // One set up by an earlier init (drafts only) gets node_modules/ appended, once.
    const older = tempDir({ '.gitignore': '# mine\n.postmortem/drafts/\n' });
    expect(runCli(['init'], { cwd: older }).stdout).toContain('updated  .gitignore  (ignores node_modules/)');
    expect(readFileSync(join(older, '.gitignore'), 'utf8')).toBe('# mine\n.postmortem/drafts/\n# Dependencies (npm install)\nnode_modules/\n');
    runCli(['init'], { cwd: older });
    expect(readFileSync(join(older, '.gitignore'), 'utf8').match(/node_modules/g)).toHaveLength(1);
  });

  it('writes a workflow that installs the devDependency pinned in package.json, and says when it is not pinned', () => {
    const locked = tempDir({ 'package.json': '{ "devDependencies": { "postmortem-cli": "0.1.0" } }\n', 'package-lock.json': '{}\n' });
    const r = runCli(['init', '--ci', 'github'], { cwd: locked });
    expect(r.stdout).not.toContain('npm install --save-dev');
    const workflow = readFileSync(join(locked, '.github', 'workflows', 'postmortem.yml'), 'utf8');
    expect(workflow.match(/run: npm ci\n/g)).toHaveLength(2); // the lint job and the weekly job
    expect(workflow).toContain('run: npx --no-install postmortem lint --format github\n');
    expect(workflow).toContain('run: npx --no-install postmortem index --check\n');
    expect(workflow).toContain('run: npx --no-install postmortem actions --overdue --fail-on-overdue\n');

    const unpinned = tempDir({ 'package.json': '{ "name": "ours" }\n' });
    const u = runCli(['init', '--ci', 'github'], { cwd: unpinned });
    expect(u.stdout).toContain('The workflow installs postmortem-cli from package.json: run "npm install --save-dev postmortem-cli" and commit package.json and package-lock.json.\n');
    expect(readFileSync(join(unpinned, '.github', 'workflows', 'postmortem.yml'), 'utf8')).toContain('run: npm install --no-audit --no-fund\n');
  });

  it('never overwrites a file that is there', () => {
    const dir = tempDir({ 'postmortems/README.md': '# Our incidents\n' });
    const r = runCli(['init'], { cwd: dir });
    expect(r.stdout).toContain('skipped  postmortems/README.md  (exists)');
    expect(readFileSync(join(dir, 'postmortems', 'README.md'), 'utf8')).toBe('# Our incidents\n');
    expect(runCli(['init', '--ci', 'gitlab'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'postmortem: --ci supports "github", not "gitlab"\n' });
    expect(runCli(['init', '--template-copy', 'nope'], { cwd: dir }).code).toBe(2);
  });
});

describe('postmortem list', () => {
  it('lists newest first, skipping broken documents with a warning', () => {
    const dir = fixtureRepo();
    const r = runCli(['list'], { cwd: dir });
    expect(r.code).toBe(0);
    for (const re of SKIPS) expect(r.stderr).toMatch(re);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^DATE +SEVERITY +STATUS +DURATION +TITLE +PATH$/);
    expect(lines.slice(1).map((l) => l.slice(0, 10))).toEqual(['2024-09-03', '2024-06-12', '2023-12-08', '2023-03-01']);
    expect(lines[3]).toMatch(/^2023-12-08 +- +- +45m +Postmortem: Sign-in errors after a data fix +incidents\/2023-12-08-sign-in-errors\.md$/);
  });

  it('prints JSON and filters by date, severity and status', () => {
    const dir = fixtureRepo();
    const all = JSON.parse(runCli(['list', '--json'], { cwd: dir }).stdout);
    expect(all[0]).toEqual({
      path: 'incidents/2024-09-03-webhook-deliveries-delayed-for-eu-accounts.md',
      title: 'Webhook deliveries delayed for EU accounts',
      date: '2024-09-03',
      severity: 'SEV-3',
      status: 'final',
      durationMinutes: 88,
    });
    const since = JSON.parse(runCli(['list', '--json', '--since', '2024-01-01'], { cwd: dir }).stdout);
    expect(since.map((x: { date: string }) => x.date)).toEqual(['2024-09-03', '2024-06-12']);
    const sev = JSON.parse(runCli(['list', '--json', '--severity', 'sev-1', '--status', 'final'], { cwd: dir }).stdout);
    expect(sev.map((x: { date: string }) => x.date)).toEqual(['2023-03-01']);
    expect(runCli(['list', '--since', 'last week'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'postmortem: --since expects a date as YYYY-MM-DD, not "last week"\n' });
  });
});

describe('postmortem index', () => {
  it('writes the table between markers, leaves the rest alone, and is stable', () => {
    const dir = fixtureRepo();
    writeFileSync(join(dir, 'incidents', 'README.md'), '# Incidents\n\nRead these before on-call.\n');
    const r = runCli(['index'], { cwd: dir });
    expect(r.stdout).toBe('Updated incidents/README.md (4 postmortems)\n');
    const text = readFileSync(join(dir, 'incidents', 'README.md'), 'utf8');
    expect(text.startsWith('# Incidents\n\nRead these before on-call.\n\n<!-- postmortem-index:start')).toBe(true);
    expect(text).toContain('| 2024-09-03 | [Webhook deliveries delayed for EU accounts](2024-09-03-webhook-deliveries-delayed-for-eu-accounts.md) | SEV-3 | final | 1h 28m |');
    expect(text.trimEnd().endsWith('<!-- postmortem-index:end -->')).toBe(true);
    expect(runCli(['index'], { cwd: dir }).stdout).toBe('incidents/README.md is up to date (4 postmortems)\n');
    expect(readFileSync(join(dir, 'incidents', 'README.md'), 'utf8')).toBe(text);
    // Text after the index survives an update.
    writeFileSync(join(dir, 'incidents', 'README.md'), `${text}\nFooter kept.\n`);
    writeFileSync(join(dir, 'incidents', '2025-01-01-new.md'), readFileSync(join(dir, 'incidents', EXAMPLES[0]!), 'utf8').replace('date: 2023-03-01', 'date: 2025-01-01'));
    expect(runCli(['index', '--check'], { cwd: dir })).toMatchObject({ code: 1, stdout: 'incidents/README.md is out of date: run "postmortem index" and commit the result\n' });
    runCli(['index'], { cwd: dir });
    const after = readFileSync(join(dir, 'incidents', 'README.md'), 'utf8');
    expect(after.endsWith('<!-- postmortem-index:end -->\n\nFooter kept.\n')).toBe(true);
    expect(after).toContain('| 2025-01-01 |');
    expect(runCli(['index', '--check'], { cwd: dir }).code).toBe(0);
  });

  it('creates the README when there is none, and is not itself linted as a postmortem', () => {
    const dir = fixtureRepo();
    expect(runCli(['index', '--check'], { cwd: dir }).code).toBe(1);
    expect(existsSync(join(dir, 'incidents', 'README.md'))).toBe(false);
    expect(runCli(['index'], { cwd: dir }).stdout).toBe('Created incidents/README.md (4 postmortems)\n');
    const lint = runCli(['lint', '--format', 'json', 'incidents'], { cwd: dir });
    expect(JSON.parse(lint.stdout).files.map((f: { path: string }) => f.path)).not.toContain('incidents/README.md');
  });
});

describe('new and import keep the index page up to date', () => {
  const answers = (title: string) => [
    '--title', title, '--date', '2024-02-10', '--severity', 'SEV-3', '--authors', 'sam', '--started', '14:00', '--resolved', '15:30',
    '--timezone', 'UTC', '--summary', 'The queue stalled.', '--timeline', '14:00 Alert fires', '--timeline', '15:30 Rolled back',
    '--root-cause-and-resolution', 'A broker upgrade.', '--action-items', 'Pin the protocol (owner: @sam, due: 2024-03-01)',
  ];

  it('new adds the document to the index page that init wrote, so index --check stays green', () => {
    const dir = tempDir();
    runCli(['init'], { cwd: dir });
    const r = runCli(['new', ...answers('Queue stalled')], { cwd: dir });
    expect(r.stdout).toBe('Wrote postmortems/2024-02-10-queue-stalled.md\nUpdated postmortems/README.md (1 postmortem)\n');
    expect(readFileSync(join(dir, 'postmortems', 'README.md'), 'utf8')).toContain('| 2024-02-10 | [Queue stalled](2024-02-10-queue-stalled.md) | SEV-3 |');
    expect(runCli(['index', '--check'], { cwd: dir })).toMatchObject({ code: 0, stdout: 'postmortems/README.md is up to date (1 postmortem)\n' });
  });

  it('new leaves alone a directory with no index page, and one elsewhere (--dir)', () => {
    const dir = tempDir();
    expect(runCli(['new', ...answers('No index')], { cwd: dir }).stdout).toBe('Wrote postmortems/2024-02-10-no-index.md\n');
    expect(existsSync(join(dir, 'postmortems', 'README.md'))).toBe(false);
    runCli(['init'], { cwd: dir }); // the index it writes is stale: init does not list documents
    expect(runCli(['new', ...answers('Elsewhere'), '--dir', 'drafts'], { cwd: dir }).stdout).toBe('Wrote drafts/2024-02-10-elsewhere.md\n');
    expect(runCli(['index', '--check'], { cwd: dir }).code).toBe(1);
  });

  it('import adds what it wrote to the index page', () => {
    const dir = tempDir({ 'old/login.md': LEGACY });
    runCli(['init', '--timezone', 'UTC'], { cwd: dir });
    const r = runCli(['import', 'old/login.md'], { cwd: dir });
    expect(r.stderr).toMatch(/\nUpdated postmortems\/README\.md \(1 postmortem\)\n$/);
    expect(runCli(['index', '--check'], { cwd: dir }).code).toBe(0);
    expect(runCli(['import', 'old/login.md', '--dry-run'], { cwd: dir }).stderr).not.toContain('Updated');
  });
});

describe('postmortem actions', () => {
  it('lists every action item, overdue first, with file:line', () => {
    const dir = fixtureRepo();
    const r = runCli(['actions', '--today', '2023-03-20'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^STATUS +PRI +DUE +AGE +OWNER +TICKET +ACTION +WHERE$/);
    expect(lines[1]).toMatch(/^OVERDUE +- +2023-03-10 +19d +@tom\.okafor +- +Add database locks to the on-call runbook for sig… +incidents\/2023-03-01-.*\.md:53$/);
    expect(r.stdout).toMatch(/^done +P2 +2024-09-13 +- +@lena\.vogel +OPS-312 +Add a post-rotation health check to the runbook +incidents\/2024-09-03-.*\.md:70$/m);
    expect(r.stdout).toMatch(/^won't do +P3 +2024-09-10 +- +@arjun\.rao +- +Lower the queue-depth alert threshold to match cu… +incidents\/2024-09-03-.*\.md:71$/m);
    expect(lines.at(-1)).toBe("12 action items: 9 open, 2 overdue, 2 done, 1 won't do (as of 2023-03-20)");
  });

  it('filters, prints JSON, and fails on overdue items when asked', () => {
    const dir = fixtureRepo();
    const json = JSON.parse(runCli(['actions', '--json', '--open', '--owner', 'arjun.rao', '--today', '2024-09-15'], { cwd: dir }).stdout);
    expect(json).toEqual([
      { path: 'incidents/2024-09-03-webhook-deliveries-delayed-for-eu-accounts.md', line: 69, text: 'Rebuild worker images nightly so trust stores stay current', owner: '@arjun.rao', due: '2024-09-20', dueSource: 'written', done: false, status: 'open', priority: 'P1', ticket: 'OPS-311', date: '2024-09-03', ageDays: 12, overdue: false },
    ]);
    const overdue = runCli(['actions', '--overdue', '--fail-on-overdue', '--today', '2024-09-15'], { cwd: dir });
    expect(overdue.code).toBe(1);
    expect(overdue.stdout.trim().split('\n').at(-1)).toBe("3 action items: 3 open, 3 overdue, 0 done, 0 won't do (as of 2024-09-15)");
    expect(runCli(['actions', '--fail-on-overdue', '--today', '2020-01-01'], { cwd: dir }).code).toBe(0);
  });
});

describe('postmortem stats', () => {
  it('measures each incident from front matter milestones, or from the timeline', () => {
    const dir = fixtureRepo();
    const { incidents, summary } = JSON.parse(runCli(['stats', '--json'], { cwd: dir }).stdout);
    const byDate = Object.fromEntries(incidents.map((i: { date: string }) => [i.date, i]));
    expect(byDate['2024-09-03']).toMatchObject({ detect: 18, mitigate: 53, resolve: 88, sources: { detect: 'front-matter', mitigate: 'front-matter', resolve: 'front-matter' } });
    // Hand-written: alert at 10:45 is the start; "restores the table" has no time; the window's end is 11:30.
    expect(byDate['2023-12-08']).toMatchObject({ detect: 0, resolve: 45, sources: { detect: 'timeline', resolve: 'timeline' } });
    expect(summary).toMatchObject({
      incidents: 4,
      bySeverity: { 'SEV-1': 1, 'SEV-2': 1, 'SEV-3': 1, unknown: 1 },
      byMonth: { '2023-03': 1, '2023-12': 1, '2024-06': 1, '2024-09': 1 },
      minutesTo: { resolve: { count: 4, median: 88, p90: 180 }, detect: { count: 4, median: 0, p90: 18 } },
      openActions: 9,
    });
  });

  it('prints a table and CSV, and filters by date', () => {
    const dir = fixtureRepo();
    const text = runCli(['stats'], { cwd: dir }).stdout;
    expect(text).toMatch(/^MINUTES TO +MEDIAN +P90 +INCIDENTS\ndetect +0m +18m +4\n/m);
    const csv = runCli(['stats', '--csv', '--since', '2024-01-01', '--today', '2024-09-15'], { cwd: dir }).stdout.trim().split('\n');
    expect(csv[0]).toBe('path,date,severity,title,detect_minutes,mitigate_minutes,resolve_minutes,open_actions,done_actions,wontdo_actions,overdue_actions,status,services,authors');
    expect(csv.slice(1)).toEqual([
      'incidents/2024-09-03-webhook-deliveries-delayed-for-eu-accounts.md,2024-09-03,SEV-3,Webhook deliveries delayed for EU accounts,18,53,88,1,1,1,0,final,webhooks-eu,lena.vogel;arjun.rao',
      'incidents/2024-06-12-checkout-latency-after-a-cache-configuration-push.md,2024-06-12,SEV-2,Checkout latency after a cache configuration push,6,47,95,3,0,0,0,in-review,checkout;session-cache,ines.moreau',
    ]);
    expect(runCli(['stats', '--json', '--csv'], { cwd: dir }).code).toBe(2);
  });
});

describe('the index page stays current, and dates are checked, whatever command writes or reads', () => {
  it('postmortem start lists the draft on the index page (stdout stays the path alone)', () => {
    const dir = tempDir({ '.postmortemrc.yaml': 'dir: postmortems\ntimezone: Europe/Paris\n' });
    expect(runCli(['index'], { cwd: dir }).code).toBe(0);
    expect(runCli(['index', '--check'], { cwd: dir }).code).toBe(0);
    const r = runCli(['start', 'DNS flap', '--started', '2026-11-29 10:00', '--severity', 'SEV-3'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('postmortems/2026-11-29-dns-flap.md\n');
    expect(r.stderr).toMatch(/^Updated postmortems\/README\.md/);
    expect(runCli(['index', '--check'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'postmortems', 'README.md'), 'utf8')).toContain('DNS flap');
  });

  it('an impossible date given to --today or --since is exit 2', () => {
    const dir = tempDir({ '.postmortemrc.yaml': 'dir: postmortems\n' });
    for (const args of [['actions', '--today', '2026-02-30'], ['list', '--since', '2023-13-01'], ['stats', '--since', '2023-04-31']]) {
      const r = runCli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/expects a date as YYYY-MM-DD, not "\d{4}-\d{2}-\d{2}"/);
    }
  });
});
