/** `postmortem new` in a real terminal (tmux), as a person uses it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from './helpers.js';
import { TmuxSession } from './tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

function start(cwd: string, args: string[]): TmuxSession {
  const command = `node ${BIN} ${args.join(' ')}; echo "EXIT=$?"; sleep 60`;
  const s = new TmuxSession(command, cwd, { NO_COLOR: '1', CI: '', TZ: 'UTC' });
  sessions.push(s);
  return s;
}

describe('postmortem new in a terminal', () => {
  it('interviews the author through a whole document, asks again after an invalid answer, and writes it', async () => {
    const dir = tempDir();
    const s = start(dir, ['new', '--dir', 'pm']);
    await s.waitFor('What should this incident be called?');
    s.answer('Login service down after a migration');
    await s.waitFor('On what date did the incident start?');
    s.answer('2023-03-01');
    await s.waitFor('How severe was it?');
    s.keys('Down'); // SEV-2
    s.keys('Enter');
    await s.waitFor('Where is this postmortem in its review?');
    s.keys('Enter'); // draft, the default
    await s.waitFor('Who wrote it?');
    s.answer('priya, tom');
    await s.waitFor('Which services were affected?');
    s.answer('auth-api');
    await s.waitFor('In which time zone are the times in this document?');
    s.keys('C-u');
    s.answer('America/New_York');
    await s.waitFor('When did the impact start?');
    s.answer('9:00 AM');
    await s.waitFor('When did someone first notice?');
    s.answer('');
    await s.waitFor('When was the impact stopped or worked around?');
    s.answer('');
    await s.waitFor('When was it fully resolved?');
    s.answer('in a while');
    await s.waitFor('Expected a time such as "09:05", "9:05 AM", "2023-03-01 09:05" or "now"');
    s.keys('C-u');
    s.answer('12:00');
    await s.waitFor('In one line, what did users experience?');
    s.answer('Nobody could sign in.');
    await s.waitFor('What share of users was affected (percent)?');
    s.answer('30');
    await s.waitFor('Issue summary ›');
    s.answer('Sign-in failed for everyone for three hours.');
    await s.waitFor('Issue summary ›', 15_000, 2);
    s.answer('');
    await s.waitFor('Time of the next event');
    s.answer('09:00');
    await s.waitFor('What happened at 09:00?');
    s.answer('Support reports sign-in failures.');
    await s.waitFor('Time of the next event', 15_000, 2);
    s.answer('12:00');
    await s.waitFor('What happened at 12:00?');
    s.answer('The revert completes and sign-in recovers.');
    await s.waitFor('Time of the next event', 15_000, 3);
    s.answer('');
    await s.waitFor('Root cause and resolution ›');
    s.answer('A migration locked the users table; reverting it released the lock.');
    await s.waitFor('Root cause and resolution ›', 15_000, 2);
    s.answer('');
    await s.waitFor('Action item (empty to finish)');
    s.answer('Test migrations on production-sized data');
    await s.waitFor('Owner');
    s.answer('@priya');
    await s.waitFor('Due date');
    s.answer('2023-03-31');
    await s.waitFor('Action item (empty to finish)', 15_000, 2);
    s.answer('');
    const screen = await s.waitFor('EXIT=');
    expect(screen).toContain('Wrote pm/2023-03-01-login-service-down-after-a-migration.md');
    expect(screen).toContain('EXIT=0');

    const text = readFileSync(join(dir, 'pm', '2023-03-01-login-service-down-after-a-migration.md'), 'utf8');
    expect(text).toContain('severity: SEV-2\n');
    expect(text).toContain('started: 2023-03-01T09:00:00-05:00\n');
    expect(text).toContain('- 09:00 — Support reports sign-in failures.\n- 12:00 — The revert completes and sign-in recovers.\n');
    expect(text).toContain('- [ ] Test migrations on production-sized data (owner: @priya, due: 2023-03-31)\n');
    expect(runCli(['lint', 'pm'], { cwd: dir })).toMatchObject({ code: 0 });
    expect(existsSync(join(dir, '.postmortem', 'drafts', 'new.json'))).toBe(false);
  });

  it('Ctrl-C writes no document, exits 130 and keeps the answers for --resume', async () => {
    const dir = tempDir();
    const s = start(dir, ['new', '--dir', 'pm']);
    await s.waitFor('What should this incident be called?');
    s.answer('Queue stalled');
    await s.waitFor('On what date did the incident start?');
    s.answer('2024-02-10');
    await s.waitFor('How severe was it?');
    s.keys('C-c');
    const screen = await s.waitFor('EXIT=');
    expect(screen).toContain('EXIT=130');
    expect(screen).toContain('run "postmortem new --resume" to continue');
    expect(existsSync(join(dir, 'pm'))).toBe(false);
    const draft = JSON.parse(readFileSync(join(dir, '.postmortem', 'drafts', 'new.json'), 'utf8'));
    expect(draft.answers.fields).toEqual({ title: 'Queue stalled', date: '2024-02-10' });

    const resumed = start(dir, ['new', '--resume', '--dir', 'pm']);
    await resumed.waitFor('How severe was it?'); // title and date are not asked again
    expect(resumed.screen()).not.toContain('What should this incident be called?');
    resumed.keys('C-c');
    await resumed.waitFor('EXIT=130');
    expect(readdirSync(join(dir, '.postmortem', 'drafts'))).toEqual(['new.json']);
  });
});
