/** The interview's own prompts, rendered by @inquirer/testing (a virtual terminal), keys as a terminal sends them. */
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { BACK, editorFile, stripEditorFile } from '../src/new/io.js';
import { lineInput, textInput } from '../src/new/prompts.js';

/** Keys that arrive together are drawn once, after them: wait for that. */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

const PASTE = 'A migration locked the users table.\nSign-in failed for everyone.\n\nReverting it released the lock.';

describe('the multi-line prompt', () => {
  it('a bracketed paste of several lines, blank line included, lands whole; Enter on an empty line then ends it', async () => {
    const lines: string[] = [];
    const { answer, input, events, getScreen } = await render(textInput, { message: 'Root cause ›', onLine: (t: string) => lines.push(t) });
    input.write(`\u001b[200~${PASTE.replace(/\n/g, '\r')}\r\u001b[201~`);
    await settle();
    expect(getScreen()).toContain('│ Sign-in failed for everyone.\n  │\n  │ Reverting it released the lock.');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ text: PASTE });
    expect(lines[lines.length - 1]).toBe(`${PASTE}\n`); // the draft had every line
  });

  it('a paste without brackets, blank lines included, is not ended by its blank lines', async () => {
    const { answer, input, events, getScreen } = await render(textInput, { message: 'Root cause ›' });
    input.write(`${PASTE.replace(/\n/g, '\r')}\r`); // all at once, as a terminal delivers a paste
    await new Promise((r) => setTimeout(r, 100));
    expect(getScreen()).toContain('│ Reverting it released the lock.');
    events.keypress('enter'); // typed by hand: ends it
    await expect(answer).resolves.toEqual({ text: PASTE });
  });

  it('resumes in the middle of a paragraph with what was typed, and reports every key for the draft', async () => {
    const changes: string[] = [];
    const { answer, events, getScreen } = await render(textInput, { message: 'Summary ›', initial: 'First line.\nSecond li', onChange: (t: string) => changes.push(t) });
    await settle();
    expect(getScreen()).toContain('│ First line.\n  › Second li');
    events.type('ne.');
    expect(changes[changes.length - 1]).toBe('First line.\nSecond line.');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ text: 'First line.\nSecond line.' });
  });

  it('refuses with the reason and keeps the text; Ctrl-E asks for the editor with the text so far', async () => {
    const { answer, input, events, getScreen } = await render(textInput, { message: 'Summary ›', editorKey: true, validate: (t: string) => (t.includes('TODO') ? 'Write what happened instead of the placeholder "TODO"' : true) });
    input.write('TODO\r');
    events.keypress('enter');
    await new Promise((r) => setTimeout(r, 100));
    expect(getScreen()).toContain('Write what happened instead of the placeholder "TODO"');
    expect(getScreen()).toContain('│ TODO');
    events.keypress({ name: 'e', ctrl: true });
    await expect(answer).resolves.toEqual({ editor: 'TODO' });
  });

  it('"<" alone goes back one question', async () => {
    const { answer, input } = await render(textInput, { message: 'Summary ›', back: true });
    input.write('<\r');
    await expect(answer).resolves.toBe(BACK);
  });
});

describe('the one-line prompt', () => {
  it('shows how a time is read while it is typed and once given; refuses with the reason, keeping the text', async () => {
    const read = (v: string): string | undefined => (/^\d{1,2}:\d{2}$/.test(v.trim()) ? `→ 2023-03-01 ${v.trim().padStart(5, '0')} EST (-05:00)` : undefined);
    const { answer, events, getScreen } = await render(lineInput, {
      message: 'When was it fully resolved?',
      preview: read,
      shown: (v: string) => `${v} ${read(v)}`,
      validate: (v: string) => (v.trim() === '8:45' ? 'Expected the end (2023-03-01T08:45:00-05:00) after the start (2023-03-01T09:00:00-05:00), found it earlier [incident-window]' : true),
    });
    events.type('8:45');
    expect(getScreen()).toContain('→ 2023-03-01 08:45 EST (-05:00)');
    events.keypress('enter');
    expect(getScreen()).toContain('found it earlier [incident-window]');
    expect(getScreen()).toContain('When was it fully resolved? 8:45');
    for (let i = 0; i < 4; i++) events.keypress('backspace');
    events.type('12:00');
    events.keypress('enter');
    await expect(answer).resolves.toBe('12:00');
    expect(getScreen()).toContain('When was it fully resolved? 12:00 → 2023-03-01 12:00 EST (-05:00)');
  });

  it('a warning is said, and a second Enter keeps the answer', async () => {
    const { answer, events, getScreen } = await render(lineInput, { message: 'Time of event 2', validate: () => ({ warning: 'Expected entries in time order, found 08:30 after 09:00 [timeline-order]' }) });
    events.type('08:30');
    events.keypress('enter');
    expect(getScreen()).toContain('⚠ Expected entries in time order, found 08:30 after 09:00 [timeline-order] (Enter again to keep it, or change it)');
    events.keypress('enter');
    await expect(answer).resolves.toBe('08:30');
  });

  it('a line break pasted into one line keeps the words', async () => {
    const { answer, input, events } = await render(lineInput, { message: 'Title' });
    input.write('\u001b[200~Login down\rafter a migration\u001b[201~');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Login down after a migration');
  });
});

describe('the editor file', () => {
  it('carries the guidance below a scissors line, and only what is above it comes back', () => {
    const file = editorFile({ heading: 'Root cause', prompt: 'Why it happened.', guidance: 'Explain the chain of events.\n# not a heading', text: 'So far.' });
    expect(file).toBe('So far.\n\n# ------------------------ >8 ------------------------\n# Write above this line; everything below it is removed.\n#\n# Root cause: Why it happened.\n#\n# Explain the chain of events.\n# # not a heading\n');
    expect(stripEditorFile(`# Heading the author wrote\nText.\n\n${file.slice(file.indexOf('# ---'))}`)).toBe('# Heading the author wrote\nText.');
  });
});

describe('the one-line prompt, going back', () => {
  it('"<" typed after the answer given before (shown again to edit) goes back, and is no answer', async () => {
    const { answer, events } = await render(lineInput, { message: 'What happened at 01:30?', initial: 'deploy', back: true });
    await settle();
    events.type('<');
    events.keypress('enter');
    await expect(answer).resolves.toBe(BACK);
  });

  it('a "<" inside an answer is kept', async () => {
    const { answer, events } = await render(lineInput, { message: 'What happened at 01:30?', initial: 'latency', back: true });
    await settle();
    events.type(' <5 ms');
    events.keypress('enter');
    await expect(answer).resolves.toBe('latency <5 ms');
  });
});
