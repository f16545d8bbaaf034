/**
 * The interview session driven with scripted answers (no terminal): answers checked by the lint rules when they
 * are given, and — the property — for every moment k of a whole interview (before a question, in the middle of a
 * line, after each line of a paragraph, between the steps of a timeline entry or an action item, at the review),
 * interrupting at k and resuming from the draft gives the same document as the uninterrupted run.
 */
import { describe, expect, it } from 'vitest';
import { BACK, Interrupted, type ChooseAsk, type EditorAsk, type InterviewIO, type LineAsk, type TextAsk, type TextResult } from '../src/new/io.js';
import { renderDocument } from '../src/new/render.js';
import { withDefaults } from '../src/new/check.js';
import { InterviewSession, type Draft, type SessionOptions } from '../src/new/session.js';
import { DEFAULT_TEMPLATE } from './helpers.js';

/** `clear`: the author first erases what the box shows (text brought back from the editor). */
type Step = { line: string } | { text: string; clear?: boolean } | { choose: string } | { editor: string };

/** Answers typed by a script. Each "moment" (a prompt opening, half a line typed, a line ended) may be interrupted. */
class ScriptedIO implements InterviewIO {
  moments = 0;
  readonly said: string[] = [];
  /** Answers a check refused, with the reason shown. */
  readonly refused: Array<{ answer: string; reason: string }> = [];
  constructor(
    private readonly script: Step[],
    public index = 0,
    private readonly interruptAt = -1,
  ) {}

  private moment(): void {
    if (this.moments++ === this.interruptAt) throw new Interrupted();
  }

  private next(kind: 'line' | 'text' | 'choose' | 'editor'): string {
    const step = this.script[this.index];
    if (!step || !(kind in step)) throw new Error(`script step ${this.index} is ${JSON.stringify(step)}, the session asks for a ${kind}`);
    return (step as Record<string, string>)[kind]!;
  }

  say(text: string): void {
    this.said.push(text);
  }

  async line(ask: LineAsk): Promise<string | typeof BACK> {
    let initial = ask.initial ?? '';
    for (;;) {
      const answer = this.next('line');
      const typed = initial;
      if (!answer.startsWith(typed)) throw new Error(`resumed line "${typed}" is not the start of the scripted "${answer}"`);
      if (!typed) this.moment();
      const half = answer.slice(0, Math.ceil(answer.length / 2));
      if (half.length > typed.length) {
        ask.onChange?.(half);
        this.moment();
      }
      ask.onChange?.(answer);
      this.index++;
      if (ask.back && answer === '<') return BACK;
      const value = answer || ask.default || '';
      const verdict = ask.validate ? ask.validate(value) : true;
      if (typeof verdict === 'string') {
        this.refused.push({ answer, reason: verdict });
        initial = ''; // the author clears the line and types the next scripted step, the correction
        ask.onChange?.('');
        continue;
      }
      return value;
    }
  }

  async text(ask: TextAsk): Promise<TextResult> {
    let initial = ask.initial ?? '';
    for (;;) {
      const answer = this.next('text');
      if ((this.script[this.index] as { clear?: boolean }).clear) {
        initial = '';
        ask.onChange?.('');
      }
      const typed = initial;
      if (!answer.startsWith(typed)) throw new Error(`resumed text ${JSON.stringify(typed)} is not the start of the scripted ${JSON.stringify(answer)}`);
      if (!typed) this.moment();
      // Type the rest line by line: half of each line, then Enter.
      let sofar = typed;
      const rest = answer.slice(typed.length).split('\n');
      for (const [i, part] of rest.entries()) {
        const half = part.slice(0, Math.ceil(part.length / 2));
        if (half) {
          ask.onChange?.(sofar + half);
          this.moment();
        }
        sofar += part;
        if (i < rest.length - 1) {
          sofar += '\n';
          ask.onLine?.(sofar);
          this.moment();
        }
      }
      this.index++;
      if (ask.back && answer === '<') return BACK;
      const verdict = ask.validate ? ask.validate(answer.trim()) : true;
      if (typeof verdict === 'string') {
        this.refused.push({ answer, reason: verdict });
        initial = '';
        ask.onChange?.('');
        continue;
      }
      return { text: answer.trim() };
    }
  }

  async choose(ask: ChooseAsk): Promise<string | typeof BACK> {
    const answer = this.next('choose');
    this.moment();
    this.index++;
    if (answer === '<' && ask.back) return BACK;
    if (!ask.choices.some((c) => c.value === answer)) throw new Error(`"${answer}" is not a choice of "${ask.message}"`);
    return answer;
  }

  async editor(_ask: EditorAsk): Promise<string> {
    const answer = this.next('editor');
    this.moment();
    this.index++;
    return answer;
  }
}

/** A whole interview of the default template, with a mistake corrected, a paste with blank lines and a step back. */
const SCRIPT: Step[] = [
  { line: 'Login service down after a migration' },
  { line: '2023-03-01' },
  { choose: 'SEV-2' },
  { choose: 'draft' },
  { line: 'priya, tom' },
  { line: '' },
  { line: 'America/New_York' },
  { line: '9:00' },
  { line: '' },
  { line: '' },
  { line: '8:45' }, // before the start: refused by incident-window
  { line: '12:00' },
  { line: '<' }, // back to "resolved"
  { line: '12:00' },
  { line: 'Nobody could sign in.' },
  { line: '30' },
  { text: 'Sign-in failed for everyone for three hours.\nThe users table was locked.\n\nAbout 30% of users were affected.' },
  { line: '09:00' },
  { line: 'Support reports sign-in failures.' },
  { line: '09:05' },
  { line: 'The alert pages on-call.' },
  { line: '<' }, // at "Time of event 3": back into entry 2, whose text is offered again
  { line: 'The alert pages on-call.' },
  { line: '12:00' },
  { line: 'The revert completes and sign-in recovers.' },
  { line: '' },
  { text: 'A migration locked the users table.\n\nReverting it released the lock.' },
  { line: 'Test migrations on production-sized data' },
  { line: '@priya' },
  { line: '2023-03-31' },
  { line: 'Alert on lock waits' },
  { line: '<' }, // at its owner: back to the item
  { line: 'Alert on lock waits' },
  { line: '@tom' },
  { line: '2023-04-15' },
  { line: '' },
  { choose: 'write' },
];

const base = (saved: Draft[]): SessionOptions => ({ template: DEFAULT_TEMPLATE, fallbackZone: 'UTC', save: (d) => saved.push(d) });

async function uninterrupted(): Promise<{ doc: string; io: ScriptedIO }> {
  const session = new InterviewSession(base([]));
  const io = new ScriptedIO(SCRIPT);
  expect(await session.run(io)).toBe('write');
  return { doc: renderDocument(DEFAULT_TEMPLATE, withDefaults(DEFAULT_TEMPLATE, session.answers)), io };
}

describe('the interview session (scripted answers)', () => {
  it('checks each answer with the lint rules when it is given: an end before the start is refused at once', async () => {
    const { doc, io } = await uninterrupted();
    expect(io.refused).toEqual([
      { answer: '8:45', reason: 'Expected the end (2023-03-01T08:45:00-05:00) after the start (2023-03-01T09:00:00-05:00), found it earlier: correct one of them [incident-window]' },
    ]);
    expect(io.said[0]).toBe('Template "default": 17 questions. Ctrl-C stops at any time and keeps your answers ("postmortem new --resume" continues); "<" alone goes back one question.');
    expect(doc).toContain('resolved: 2023-03-01T12:00:00-05:00\n');
    expect(doc).toContain('Sign-in failed for everyone for three hours.\nThe users table was locked.\n\nAbout 30% of users were affected.\n');
    expect(doc).toContain('- 09:00 — Support reports sign-in failures.\n- 09:05 — The alert pages on-call.\n- 12:00 — The revert completes and sign-in recovers.\n');
  });

  it('a stated duration the times contradict, and a timeline entry outside the window, are said when typed', async () => {
    const script: Step[] = [...SCRIPT];
    const summary = script.findIndex((s) => 'text' in s);
    script.splice(summary, 0, { text: 'A 30-minute outage of sign-in.' });
    const session = new InterviewSession(base([]));
    const io = new ScriptedIO(script);
    expect(await session.run(io)).toBe('write');
    expect(io.refused.map((r) => r.reason)).toContain(
      'Expected the stated duration to match the window 2023-03-01T09:00:00-05:00 to 2023-03-01T12:00:00-05:00 (3 hours), found "30-minute" (30 minutes): correct the duration or the times [incident-duration]',
    );
    // timeline-window is a warning: said, and kept when confirmed.
    let warned: unknown;
    const checker = new InterviewSession(base([]), { answers: session.answers, position: { at: session.questions.findIndex((q) => q.id === 'timeline'), asked: [0], given: [] } });
    delete checker.answers.sections.timeline;
    const probe: InterviewIO = {
      say: () => {},
      line: async (ask: LineAsk) => {
        warned = ask.validate?.('18:30');
        throw new Interrupted();
      },
      text: () => Promise.reject(new Error('not asked')),
      choose: () => Promise.reject(new Error('not asked')),
      editor: () => Promise.reject(new Error('not asked')),
    };
    await expect(checker.run(probe)).rejects.toBeInstanceOf(Interrupted);
    expect(warned).toEqual({ warning: "Expected the entry at most 60 minutes after the incident's end (2023-03-01T12:00:00-05:00), found 2023-03-01T18:30:00-05:00: check its date and time, or the end [timeline-window]" });
  });

  it('interrupted at any moment and resumed from the draft, it writes the same document', async () => {
    const { doc: expected, io: full } = await uninterrupted();
    const moments = full.moments;
    expect(moments).toBeGreaterThan(60);
    for (let k = 0; k < moments; k++) {
      const saved: Draft[] = [];
      const first = new InterviewSession(base(saved));
      const io = new ScriptedIO(SCRIPT, 0, k);
      await expect(first.run(io), `moment ${k}`).rejects.toBeInstanceOf(Interrupted);
      const draft = JSON.parse(JSON.stringify(saved[saved.length - 1] ?? first.draft)) as Draft;
      const resumed = InterviewSession.fromDraft(base([]), draft);
      const rest = new ScriptedIO(SCRIPT, io.index);
      expect(await resumed.run(rest), `moment ${k}`).toBe('write');
      expect(renderDocument(DEFAULT_TEMPLATE, withDefaults(DEFAULT_TEMPLATE, resumed.answers)), `moment ${k}`).toBe(expected);
    }
  });

  it('--editor: prose sections open in the editor with the text so far; a refused text comes back to the box to fix', async () => {
    const script: Step[] = SCRIPT.flatMap((s): Step[] =>
      'text' in s ? (s.text.startsWith('Sign-in') ? [{ editor: 'TODO' }, { text: s.text, clear: true }] : [{ editor: s.text }]) : [s],
    );
    const session = new InterviewSession({ ...base([]), editor: true });
    const io = new ScriptedIO(script);
    expect(await session.run(io)).toBe('write');
    expect(io.said).toContain('  ✖ Write what happened instead of the placeholder "TODO"');
    expect(io.said).toContain('  ✔ Root cause and resolution: 3 lines from the editor');
    const { doc } = await uninterrupted();
    expect(renderDocument(DEFAULT_TEMPLATE, withDefaults(DEFAULT_TEMPLATE, session.answers))).toBe(doc);
  });

  it('a draft whose answers break a rule resumes, and the review sends the author to the answer to fix', async () => {
    const session = new InterviewSession(base([]));
    await session.run(new ScriptedIO(SCRIPT));
    // Break it as a hand-edited draft could: the end before the start.
    const draft = JSON.parse(JSON.stringify(session.draft)) as Draft;
    draft.answers.fields.resolved = '2023-03-01T08:00:00-05:00';
    const resumed = InterviewSession.fromDraft(base([]), draft);
    const review = new ScriptedIO([{ choose: 'edit' }, { choose: String(resumed.questions.findIndex((q) => q.id === 'resolved')) }, { line: '12:00' }, { choose: 'write' }]);
    expect(await resumed.run(review)).toBe('write');
    const outline = review.said.find((s) => s.startsWith('\nReview'))!;
    expect(outline).toMatch(/ ✖ resolved +2023-03-01 08:00 EST \(-05:00\)/);
    expect(outline).toContain('✖ Expected the end (2023-03-01T08:00:00-05:00) after the start (2023-03-01T09:00:00-05:00), found it earlier: correct one of them [incident-window]');
    expect(resumed.answers.fields.resolved).toBe('2023-03-01T12:00:00-05:00');
  });
});
