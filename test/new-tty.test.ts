/** `postmortem new` in a real terminal (tmux), as a person uses it: pastes, an editor, Ctrl-C, resume, review. */
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from './helpers.js';
import { TmuxSession } from './tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

function start(cwd: string, args: string[], env: Record<string, string> = {}): TmuxSession {
  const command = `node ${BIN} ${args.join(' ')}; echo "EXIT=$?"; sleep 60`;
  const s = new TmuxSession(command, cwd, { NO_COLOR: '1', CI: '', TZ: 'UTC', ...env });
  sessions.push(s);
  return s;
}

const PASTED = 'Sign-in failed for everyone from 9:00 to 12:00.\nThe users table was locked by a migration.\n\nAbout 30% of users could not work.\n';

/** The fields of the default template, up to the summary; the end is first given before the start, then corrected. */
async function answerFields(s: TmuxSession): Promise<void> {
  await s.waitFor('Template "default": 17 questions. Ctrl-C stops at any time and keeps your answers');
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
  s.type('9:00');
  await s.waitFor('→ 2023-03-01 09:00 EST (-05:00)'); // how it is read, while typing
  s.keys('Enter');
  await s.waitFor('When did the impact start? (09:05, 9:05 AM, 2023-03-01 09:05 or now) 9:00 → 2023-03-01 09:00 EST (-05:00)');
  await s.waitFor('When did someone first notice?');
  s.answer('');
  await s.waitFor('When was the impact stopped or worked around?');
  s.answer('');
  await s.waitFor('When was it fully resolved?');
  s.answer('8:45');
  await s.waitFor('Expected the end (2023-03-01T08:45:00-05:00) after the start (2023-03-01T09:00:00-05:00), found it earlier: correct one of them [incident-window]');
  for (let i = 0; i < 4; i++) s.keys('BSpace');
  s.answer('12:00');
  await s.waitFor('12:00 → 2023-03-01 12:00 EST (-05:00)');
  await s.waitFor('In one line, what did users experience?');
  s.answer('Nobody could sign in.');
  await s.waitFor('What share of users was affected (percent)?');
  s.answer('30');
}

async function answerTimeline(s: TmuxSession, from = 1): Promise<void> {
  const entries: Array<[string, string]> = [
    ['09:00', 'Support reports sign-in failures.'],
    ['09:05', 'The lock-wait alert pages on-call.'],
    ['12:00', 'The revert completes and sign-in recovers.'],
  ];
  for (const [i, [time, text]] of entries.entries()) {
    if (i + 1 < from) continue;
    await s.waitFor(`Time of event ${i + 1}`);
    s.answer(time);
    await s.waitFor(`What happened at ${time}?`);
    s.answer(text);
  }
  await s.waitFor('Time of event 4');
  s.answer('');
}

async function answerActions(s: TmuxSession): Promise<void> {
  await s.waitFor('Action item 1 (empty to finish)');
  s.answer('Test migrations on production-sized data');
  await s.waitFor('Owner of "Test migrations on production-sized data"');
  s.answer('@priya');
  await s.waitFor('Due date');
  s.answer('2023-03-31');
  await s.waitFor('Action item 2 (empty to finish)');
  s.answer('');
}

const FILE = join('pm', '2023-03-01-login-service-down-after-a-migration.md');

describe('postmortem new in a terminal', () => {
  for (const bracketed of [true, false]) {
    it(`a whole interview: a ${bracketed ? 'bracketed' : 'plain'} multi-line paste lands whole, an end before the start is corrected on the spot, the review writes`, async () => {
      const dir = tempDir();
      const s = start(dir, ['new', '--dir', 'pm']);
      await answerFields(s);
      await s.waitFor('Issue summary ›');
      s.paste(PASTED, bracketed);
      await s.waitFor('│ About 30% of users could not work.');
      s.keys('Enter'); // an empty line typed by hand: done
      await s.waitFor('Issue summary › Sign-in failed for everyone from 9:00 to 12:00. (+3 lines)');
      await answerTimeline(s);
      await s.waitFor('Root cause and resolution ›');
      s.answer('A migration locked the users table; reverting it released the lock.');
      s.keys('Enter');
      await answerActions(s);
      await s.waitFor('Review — the document the "default" template makes of your answers:');
      await s.waitFor('Write the document?');
      expect(s.screen()).toMatch(/resolved +2023-03-01 12:00 EST \(-05:00\)/);
      expect(s.screen()).toContain('❯ Write it');
      s.keys('Enter');
      const screen = await s.waitFor('EXIT=');
      expect(screen).toContain(`Wrote ${FILE}`);
      expect(screen).toContain('EXIT=0');
      const text = readFileSync(join(dir, FILE), 'utf8');
      expect(text).toContain(`## Issue summary\n\n${PASTED}\n## Timeline`);
      expect(text).toContain('resolved: 2023-03-01T12:00:00-05:00\n');
      expect(text).toContain('- 09:00 — Support reports sign-in failures.\n- 09:05 — The lock-wait alert pages on-call.\n- 12:00 — The revert completes and sign-in recovers.\n');
      expect(text).toContain('- [ ] Test migrations on production-sized data (owner: @priya, due: 2023-03-31)\n');
      expect(runCli(['lint', 'pm'], { cwd: dir })).toMatchObject({ code: 0 });
      expect(existsSync(join(dir, '.postmortem', 'drafts', 'new.json'))).toBe(false);
    });
  }

  it('Ctrl-C in the middle of a paragraph and in the timeline loop; --resume continues at the exact place each time', async () => {
    const dir = tempDir();
    const s = start(dir, ['new', '--dir', 'pm']);
    await answerFields(s);
    await s.waitFor('Issue summary ›');
    s.answer('Sign-in failed for everyone from 9:00 to 12:00.');
    s.type('The users table was lo');
    await s.waitFor('› The users table was lo');
    s.keys('C-c');
    let screen = await s.waitFor('EXIT=');
    expect(screen).toContain('EXIT=130');
    expect(screen).toContain('run "postmortem new --resume" to continue');
    expect(existsSync(join(dir, 'pm'))).toBe(false);
    const draft = JSON.parse(readFileSync(join(dir, '.postmortem', 'drafts', 'new.json'), 'utf8'));
    expect(draft.position.partial).toEqual({ text: 'Sign-in failed for everyone from 9:00 to 12:00.\nThe users table was lo' });

    const second = start(dir, ['new', '--resume', '--dir', 'pm']);
    await second.waitFor('│ Sign-in failed for everyone from 9:00 to 12:00.');
    await second.waitFor('› The users table was lo');
    expect(second.screen()).not.toContain('What should this incident be called?');
    second.answer('cked by a migration.');
    second.keys('Enter');
    await second.waitFor('Time of event 1');
    second.answer('09:00');
    await second.waitFor('What happened at 09:00?');
    second.answer('Support reports sign-in failures.');
    await second.waitFor('Time of event 2');
    second.answer('09:05');
    await second.waitFor('What happened at 09:05?');
    second.type('The lock-wait alert');
    await second.waitFor('What happened at 09:05? The lock-wait alert');
    second.keys('C-c');
    screen = await second.waitFor('EXIT=');
    expect(screen).toContain('EXIT=130');

    const third = start(dir, ['new', '--resume', '--dir', 'pm']);
    await third.waitFor('1. 2023-03-01 09:00 EST (-05:00) — Support reports sign-in failures.');
    await third.waitFor('What happened at 09:05? The lock-wait alert');
    third.answer(' pages on-call.');
    await answerTimeline(third, 3);
    await third.waitFor('Root cause and resolution ›');
    third.answer('A migration locked the users table; reverting it released the lock.');
    third.keys('Enter');
    await answerActions(third);
    await third.waitFor('Write the document?');
    third.keys('Enter');
    screen = await third.waitFor('EXIT=');
    expect(screen).toContain('EXIT=0');
    const text = readFileSync(join(dir, FILE), 'utf8');
    expect(text).toContain('Sign-in failed for everyone from 9:00 to 12:00.\nThe users table was locked by a migration.\n');
    expect(text).toContain('- 09:00 — Support reports sign-in failures.\n- 09:05 — The lock-wait alert pages on-call.\n- 12:00 — The revert completes and sign-in recovers.\n');
    expect(runCli(['lint', 'pm'], { cwd: dir }).code).toBe(0);
  });

  it('writes a section in $EDITOR (a real process standing in for vi), with the guidance as a comment that is removed', async () => {
    const dir = tempDir();
    const editor = join(dir, 'fake-vi.sh');
    writeFileSync(
      editor,
      `#!/bin/sh\n# Keeps what it was given (to check it), then writes a paragraph above the scissors line, as an author would.\ncp "$1" "${join(dir, 'editor-saw.txt')}"\n{ printf 'Written in the editor.\\n\\nA second paragraph.\\n'; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n`,
    );
    chmodSync(editor, 0o755);
    const s = start(dir, ['new', '--dir', 'pm'], { EDITOR: editor, VISUAL: '' });
    await answerFields(s);
    await s.waitFor('Ctrl-E: open your editor');
    s.keys('C-e');
    await s.waitFor('Issue summary: 3 lines from the editor');
    const saw = readFileSync(join(dir, 'editor-saw.txt'), 'utf8');
    expect(saw).toContain('# ------------------------ >8 ------------------------\n# Write above this line; everything below it is removed.');
    expect(saw).toContain('# Issue summary: What broke, for whom, from when to when, and how many users it touched.');
    await answerTimeline(s);
    await s.waitFor('Root cause and resolution ›');
    s.answer('A migration locked the users table; reverting it released the lock.');
    s.keys('Enter');
    await answerActions(s);
    await s.waitFor('Write the document?');
    s.keys('Enter');
    expect(await s.waitFor('EXIT=')).toContain('EXIT=0');
    const text = readFileSync(join(dir, FILE), 'utf8');
    expect(text).toContain('Written in the editor.\n\nA second paragraph.\n\n## Timeline');
    expect(text).not.toContain('>8');
  });

  it('the review screen: a problem is shown, "Edit an answer" goes to it, and the corrected document is written', async () => {
    const dir = tempDir();
    // Everything but the timeline from flags; the timeline is typed with an entry out of order, kept on purpose.
    const flags = [
      '--title', '"Queue stalled"', '--date', '2024-02-10', '--severity', 'SEV-3', '--authors', 'sam', '--started', '14:00', '--resolved', '15:30',
      '--timezone', 'Europe/Berlin', '--status', 'draft', '--services', 'queue', '--detected', '14:05', '--mitigated', '15:20', '--impact', '"Orders were delayed."',
      '--users-affected', '10', '--summary', '"The order queue stopped draining."', '--root-cause-and-resolution', '"An old protocol version."',
      '--action-items', '"Pin the protocol (owner: @sam, due: 2024-03-01)"',
    ];
    const s = start(dir, ['new', '--dir', 'pm', ...flags]);
    await s.waitFor('17 questions (16 answered by flags)');
    await s.waitFor('Time of event 1');
    s.answer('14:20');
    await s.waitFor('What happened at 14:20?');
    s.answer('Consumers restarted; no change.');
    await s.waitFor('Time of event 2');
    s.answer('14:00');
    await s.waitFor('Expected entries in time order, found 14:00 after 14:20');
    s.keys('Enter'); // keep it there
    await s.waitFor('What happened at 14:00?');
    s.answer('Backlog alert fires.');
    await s.waitFor('Time of event 3');
    s.answer('');
    await s.waitFor('Write the document?');
    expect(s.screen()).toMatch(/✖ Timeline +2 entries: 14:20, 14:00/);
    expect(s.screen()).toContain('❯ Edit an answer');
    s.keys('Enter');
    await s.waitFor('Which answer?');
    expect(s.screen()).toContain('❯ Timeline ✖');
    s.keys('Enter');
    await s.waitFor('Put the entries in time order');
    s.keys('Down');
    s.keys('Enter');
    await s.waitFor(/Timeline +2 entries: 14:00, 14:20/);
    await s.waitFor('❯ Write it');
    s.keys('Enter');
    expect(await s.waitFor('EXIT=')).toContain('EXIT=0');
    const text = readFileSync(join(dir, 'pm', '2024-02-10-queue-stalled.md'), 'utf8');
    expect(text).toContain('- 14:00 — Backlog alert fires.\n- 14:20 — Consumers restarted; no change.\n');
    expect(runCli(['lint', 'pm'], { cwd: dir }).code).toBe(0);
  });

  it('plain new with a draft present says so and offers to resume or discard it', async () => {
    const dir = tempDir();
    const s = start(dir, ['new', '--dir', 'pm']);
    await s.waitFor('What should this incident be called?');
    s.answer('Queue stalled');
    await s.waitFor('On what date did the incident start?');
    s.keys('C-c');
    await s.waitFor('EXIT=130');
    const again = start(dir, ['new', '--dir', 'pm']);
    await again.waitFor(/An interrupted interview is waiting in \.postmortem\/drafts\/new\.json \(saved .*, "default" template, 1 answer\)/);
    await again.waitFor('❯ Resume it where it stopped');
    again.keys('Down');
    again.keys('Enter'); // discard
    await again.waitFor('What should this incident be called?');
    expect(again.screen()).not.toContain('Queue stalled');
    again.keys('C-c');
    await again.waitFor('EXIT=130');
    expect(readdirSync(join(dir, '.postmortem', 'drafts'))).toEqual(['new.json']);
  });
});
