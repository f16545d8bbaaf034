/**
 * One interview: the template, the answers so far and where it stands (the question being asked and what has
 * been typed for it), kept as a draft after every answer and every line so that `--resume` continues at the
 * exact question — the third timeline entry, the middle of a paragraph. The command creates a session and runs
 * it; the session asks through an InterviewIO (the terminal, or scripted answers in tests), checks each answer
 * with the lint rules (check.ts) and ends with a review: write, edit an answer, or abort.
 */
import { DateTime } from 'luxon';
import type { RuleSetting } from '../config/config.js';
import type { Template } from '../template/template.js';
import {
  answered,
  checkOwner,
  checkProse,
  contextFor,
  describeTime,
  parseAction,
  parseDate,
  parseDateTime,
  parseField,
  parseTimelineEntry,
  type ActionAnswer,
  type AnswerContext,
  type Answers,
  type TimelineAnswer,
} from './answers.js';
import { checkAnswer, lintAll, type Problem, type Scope } from './check.js';
import { BACK, Interrupted, isInterrupt, type Back, type InterviewIO, type Verdict } from './io.js';
import { FIELD_HINTS, fieldMessage, questionsFor, type FieldQuestion, type Question, type SectionQuestion } from './questions.js';

/** What has been typed for the question being asked, not yet an answer. */
export interface Partial {
  /** Loops: which step of the entry ('time', 'event'; 'item', 'owner', 'due', 'type', 'bug'). */
  step?: string;
  /** The entry's parts already given. */
  entry?: Record<string, string>;
  /** The text typed at the current step (a line, or the lines of a section). */
  text: string;
}

export interface Position {
  /** Index of the question being asked; the number of questions means the review. */
  at: number;
  partial?: Partial;
  /** Questions answered, in the order asked, for going back. */
  asked: number[];
  /** Questions answered before the interview began (flags, an answers file): not asked. */
  given: string[];
  /** The question is being edited from the review, which comes next. */
  editing?: boolean;
}

export interface Draft {
  version: 2;
  template: string;
  savedAt: string;
  answers: Answers;
  position: Position;
}

export interface SessionOptions {
  template: Template;
  /** The config's rule settings, so that answers are checked as `lint` checks the document. */
  rules?: Record<string, RuleSetting>;
  /** Zone for times typed without one, until the document's own is answered. */
  fallbackZone: string;
  /** Prose sections go straight to $VISUAL / $EDITOR. */
  editor?: boolean;
  /** Keeps the draft (after every answer and line). */
  save?: (draft: Draft) => void;
  now?: () => DateTime;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export class InterviewSession {
  readonly template: Template;
  readonly questions: Question[];
  answers: Answers;
  position: Position;

  constructor(
    private readonly opts: SessionOptions,
    from: { answers?: Answers; position?: Position } = {},
  ) {
    this.template = opts.template;
    this.questions = questionsFor(opts.template);
    this.answers = from.answers ? clone(from.answers) : { fields: {}, sections: {} };
    this.position = from.position
      ? clone(from.position)
      : { at: 0, asked: [], given: this.questions.filter((q) => answered(this.valueOf(q))).map((q) => q.id) };
  }

  static fromDraft(opts: SessionOptions, draft: Draft): InterviewSession {
    return new InterviewSession(opts, { answers: draft.answers, position: draft.position });
  }

  get draft(): Draft {
    return { version: 2, template: this.template.name, savedAt: new Date().toISOString(), answers: this.answers, position: this.position };
  }

  save(): void {
    this.opts.save?.(clone(this.draft));
  }

  valueOf(q: Question): unknown {
    return q.kind === 'field' ? this.answers.fields[q.id] : this.answers.sections[q.id];
  }

  ctx(answers = this.answers): AnswerContext {
    return contextFor(this.template, answers, this.opts.fallbackZone, (this.opts.now?.() ?? DateTime.now()) as DateTime<true>);
  }

  /** The zone the document's times are shown in. */
  private zone(): string {
    return this.ctx().zone;
  }

  /** Required questions still without an answer. */
  missing(): Question[] {
    return this.questions.filter((q) => (q.kind === 'field' ? q.field.required && q.field.default === undefined : q.section.required) && !answered(this.valueOf(q)));
  }

  /**
   * `--yes`: the time zone the config sets when none was given. Nothing else is invented: required facts stay
   * empty and the template's guidance is left as a comment, for lint to report.
   */
  fillForBatch(configZone: string | undefined): void {
    const tz = this.template.fields.find((f) => f.type === 'timezone');
    if (tz && configZone && !answered(this.answers.fields[tz.key])) this.answers.fields[tz.key] = configZone;
  }

  /** Every problem of the document the answers make (the review; batch mode). */
  problems(partial = false): Problem[] {
    return lintAll(this.template, this.answers, this.questions, this.opts.rules, partial);
  }

  /**
   * The rules' verdict on answers that include a candidate answer; problems already there in `baseline` (a step
   * of the same entry, accepted before) are not said again.
   */
  private verdict(candidate: Answers, scope: Scope, orderIsWarning = false, baseline?: Answers): Verdict {
    const key = (p: Problem): string => `${p.ruleId}\u0000${p.message}`;
    const known = new Set(baseline ? checkAnswer(this.template, baseline, scope, this.opts.rules).map(key) : []);
    const problems = checkAnswer(this.template, candidate, scope, this.opts.rules)
      .filter((p) => !known.has(key(p)))
      .map((p) => ({ ...p, message: p.message.replace(/ \(line \d+\)/, '') })); // lines of a document not yet written
    const error = problems.find((p) => p.severity === 'error' && !(orderIsWarning && p.ruleId === 'timeline-order'));
    if (error) return `${error.message} [${error.ruleId}]`;
    const warning = problems[0];
    return warning ? { warning: `${warning.message} [${warning.ruleId}]` } : true;
  }

  private with(q: Question, value: unknown): Answers {
    const c = clone(this.answers);
    const bag = (q.kind === 'field' ? c.fields : c.sections) as Record<string, unknown>;
    if (value === undefined || value === '') delete bag[q.id];
    else bag[q.id] = value;
    return c;
  }

  private set(q: Question, value: unknown): void {
    this.answers = this.with(q, value);
  }

  /** What is typed for the current question, after every key: kept in memory, saved on Ctrl-C. */
  private typing(partial: Partial): void {
    this.position.partial = partial;
  }

  /** What is typed for the current question, after every line or step: saved at once. */
  private keep(partial: Partial): void {
    this.position.partial = partial;
    this.save();
  }

  /** The opening line: which template, how many questions, how to quit and how to go back. */
  opening(): string {
    const given = this.position.given.length;
    return `Template "${this.template.name}": ${this.questions.length} questions${given ? ` (${given} answered by flags)` : ''}. Ctrl-C stops at any time and keeps your answers ("postmortem new --resume" continues); "<" alone goes back one question.`;
  }

  /** Ask what is left, then review. Ctrl-C: the draft is saved and Interrupted thrown. */
  async run(io: InterviewIO, opening = true): Promise<'write' | 'abort'> {
    try {
      if (opening) io.say(this.opening());
      for (;;) {
        const p = this.position;
        if (p.at >= this.questions.length) {
          const decision = await this.review(io);
          if (decision !== 'edit') return decision;
          continue;
        }
        const q = this.questions[p.at]!;
        if (p.given.includes(q.id) && answered(this.valueOf(q)) && !p.partial) {
          p.at++;
          continue;
        }
        const r = await this.ask(q, io);
        p.partial = undefined;
        if (p.editing) {
          p.editing = false;
          p.at = this.questions.length;
        } else if (r === BACK) {
          const previous = p.asked.pop();
          if (previous === undefined) io.say('  This is the first question.');
          else p.at = previous;
        } else {
          p.asked.push(p.at);
          p.at++;
        }
        this.save();
      }
    } catch (error) {
      if (isInterrupt(error)) {
        this.save();
        throw new Interrupted();
      }
      throw error;
    }
  }

  private ask(q: Question, io: InterviewIO): Promise<'next' | Back> {
    switch (q.kind) {
      case 'field':
        return this.askField(q, io);
      case 'prose':
        return this.askProse(q, io);
      case 'timeline':
        return this.askTimeline(q, io);
      case 'actions':
        return this.askActions(q, io);
    }
  }

  private canGoBack(): boolean {
    return this.position.asked.length > 0 || Boolean(this.position.editing);
  }

  /** A value as it would be typed, to offer it again as the default. */
  private typed(q: FieldQuestion, value: unknown): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return value.join(', ');
    if (q.field.type === 'datetime' && typeof value === 'string') {
      const dt = DateTime.fromISO(value, { setZone: true }).setZone(this.zone());
      return dt.isValid ? dt.toFormat('yyyy-MM-dd HH:mm') : value;
    }
    return String(value);
  }

  private async askField(q: FieldQuestion, io: InterviewIO): Promise<'next' | Back> {
    const f = q.field;
    const current = this.answers.fields[f.key];
    if (f.type === 'enum' || f.type === 'boolean') {
      const choices = f.type === 'enum' ? f.choices!.map((c) => ({ value: c, name: c })) : [{ value: 'yes', name: 'yes' }, { value: 'no', name: 'no' }];
      const def = current ?? f.default;
      const v = await io.choose({
        message: fieldMessage(f),
        choices,
        ...(def !== undefined ? { default: typeof def === 'boolean' ? (def ? 'yes' : 'no') : String(def) } : {}),
        back: this.canGoBack(),
      });
      if (v === BACK) return BACK;
      this.set(q, f.type === 'boolean' ? v === 'yes' : v);
      return 'next';
    }
    const fallback = this.typed(q, current) ?? (f.type === 'timezone' ? this.opts.fallbackZone : f.default !== undefined ? String(f.default) : undefined);
    const read = (v: string): string | undefined => {
      if (f.type !== 'datetime') return undefined;
      const r = parseDateTime(v, this.ctx(), f.key);
      return r.ok ? describeTime(r.value, this.zone()) : undefined;
    };
    const partial = this.position.partial?.text;
    const v = await io.line({
      message: fieldMessage(f),
      ...(fallback !== undefined ? { default: fallback } : {}),
      ...(partial ? { initial: partial } : {}),
      back: this.canGoBack(),
      validate: (v) => {
        const r = parseField(f, v, this.ctx());
        if (!r.ok) return r.error;
        return this.verdict(this.with(q, r.value), { kind: 'question', question: q });
      },
      ...(f.type === 'datetime'
        ? {
            preview: (v: string) => {
              const reading = read(v);
              return reading ? `→ ${reading}` : undefined;
            },
            shown: (v: string) => (v.trim() && read(v) ? `${v.trim()} → ${read(v)}` : v),
          }
        : {}),
      onChange: (v) => this.typing({ text: v }),
    });
    if (v === BACK) return BACK;
    const r = parseField(f, v, this.ctx());
    this.set(q, r.ok ? r.value : undefined);
    return 'next';
  }

  private verdictProse(q: SectionQuestion, text: string): Verdict {
    const r = checkProse(q.section, text);
    if (!r.ok) return r.error;
    return this.verdict(this.with(q, r.value), { kind: 'question', question: q });
  }

  private async askProse(q: SectionQuestion, io: InterviewIO): Promise<'next' | Back> {
    const s = q.section;
    const existing = this.answers.sections[s.id];
    let text = this.position.partial?.text ?? (typeof existing === 'string' ? existing : '');
    let toEditor = Boolean(this.opts.editor);
    for (;;) {
      if (toEditor) {
        text = await io.editor({ heading: s.heading, prompt: s.prompt, guidance: s.guidance, text });
        this.keep({ text });
        const v = this.verdictProse(q, text);
        if (v === true) {
          this.set(q, checkProse(s, text).ok ? text.trim() : undefined);
          io.say(`  ✔ ${s.heading}: ${text.split('\n').length} line${text.split('\n').length === 1 ? '' : 's'} from the editor`);
          return 'next';
        }
        io.say(`  ✖ ${typeof v === 'string' ? v : v.warning}`);
        toEditor = false; // shown below, to correct there or in the editor again (Ctrl-E)
      }
      const r = await io.text({
        message: `${s.heading} ›`,
        hint: s.prompt,
        ...(text ? { initial: text } : {}),
        validate: (t) => this.verdictProse(q, t),
        onLine: (t) => this.keep({ text: t }),
        onChange: (t) => this.typing({ text: t }),
        back: this.canGoBack(),
        editorKey: true,
      });
      if (r === BACK) return BACK;
      if ('editor' in r) {
        text = r.editor;
        this.keep({ text });
        toEditor = true;
        continue;
      }
      const checked = checkProse(s, r.text);
      this.set(q, checked.ok ? checked.value : undefined);
      return 'next';
    }
  }

  private async askTimeline(q: SectionQuestion, io: InterviewIO): Promise<'next' | Back> {
    const s = q.section;
    const entries = clone((this.answers.sections[s.id] as TimelineAnswer[] | undefined) ?? []);
    io.say(`\n${s.heading}: ${s.prompt}\n  Times take the incident's date and zone unless you give them; entries stay in the order you give them.`);
    for (const [i, e] of entries.entries()) io.say(`  ${i + 1}. ${describeTime(e.time, this.zone())} — ${e.text}`);
    let partial = this.position.partial;
    for (;;) {
      let time: string;
      let typed: string;
      if (partial?.step === 'event' && partial.entry?.time) {
        time = partial.entry.time;
        typed = partial.entry.typed ?? partial.entry.time;
      } else {
        const ctx = this.ctx();
        const v = await io.line({
          message: `Time of event ${entries.length + 1} (${FIELD_HINTS.datetime}; empty to finish)`,
          ...(partial?.text ? { initial: partial.text } : {}),
          back: this.canGoBack() || entries.length > 0,
          validate: (v) => {
            if (!v.trim()) return entries.length > 0 || !s.required ? true : 'The timeline needs at least one event';
            const r = parseDateTime(v, ctx);
            if (!r.ok) return r.error;
            const candidate = this.with(q, [...entries, { time: r.value, text: 'event' }]);
            return this.verdict(candidate, { kind: 'last-entry', question: q }, true);
          },
          preview: (v) => {
            const r = parseDateTime(v, ctx);
            return r.ok ? `→ ${describeTime(r.value, this.zone())}` : undefined;
          },
          shown: (v) => {
            const r = v.trim() ? parseDateTime(v, ctx) : undefined;
            return r?.ok ? `${v.trim()} → ${describeTime(r.value, this.zone())}` : v;
          },
          onChange: (v) => this.typing({ step: 'time', text: v }),
        });
        if (v === BACK) {
          if (entries.length === 0 || !this.canGoBack()) return BACK;
          // Back from a new entry: the last one is asked again.
          const last = entries.pop()!;
          this.set(q, entries.length ? clone(entries) : undefined);
          partial = { step: 'event', entry: { time: last.time, typed: describeTime(last.time, this.zone()) }, text: last.text };
          this.keep(partial);
          continue;
        }
        if (!v.trim()) break;
        const r = parseDateTime(v, ctx);
        if (!r.ok) continue;
        time = r.value;
        typed = v.trim();
        partial = { step: 'event', entry: { time, typed }, text: '' };
        this.keep(partial);
      }
      const text = await io.line({
        message: `What happened at ${typed}?`,
        ...(partial?.step === 'event' && partial.text ? { initial: partial.text } : {}),
        back: true,
        validate: (v) => {
          const r = parseTimelineEntry({ time, text: v }, this.ctx());
          if (!r.ok) return r.error;
          const baseline = this.with(q, [...entries, { time, text: 'event' }]);
          return this.verdict(this.with(q, [...entries, r.value]), { kind: 'last-entry', question: q }, true, baseline);
        },
        onChange: (v) => this.typing({ step: 'event', entry: { time, typed }, text: v }),
      });
      if (text === BACK) {
        partial = { step: 'time', text: typed };
        this.keep(partial);
        continue;
      }
      const r = parseTimelineEntry({ time, text }, this.ctx());
      if (r.ok) entries.push(r.value);
      this.set(q, clone(entries));
      partial = undefined;
      this.position.partial = undefined;
      this.save();
    }
    this.set(q, entries.length ? entries : undefined);
    return 'next';
  }

  private async askActions(q: SectionQuestion, io: InterviewIO): Promise<'next' | Back> {
    const s = q.section;
    const lint = this.template.lint.actions;
    const items = clone((this.answers.sections[s.id] as ActionAnswer[] | undefined) ?? []);
    io.say(`\n${s.heading}: ${s.prompt}`);
    for (const [i, a] of items.entries()) io.say(`  ${i + 1}. ${a.item}${a.owner ? ` (owner: ${a.owner}${a.due ? `, due: ${a.due}` : ''})` : ''}`);
    const steps = ['item', 'owner', 'due', ...(['type', 'bug'] as const).filter((c) => s.columns.includes(c))];
    let partial = this.position.partial;
    let entry: Record<string, string> = partial?.entry ? { ...partial.entry } : {};
    let step = partial?.step && steps.includes(partial.step) ? steps.indexOf(partial.step) : 0;
    for (;;) {
      const name = steps[step]!;
      const ctx = this.ctx();
      const asks: Record<string, { message: string; validate: (v: string) => Verdict }> = {
        item: {
          message: `Action item ${items.length + 1} (empty to finish)`,
          validate: (v) => (v.trim() || items.length > 0 || !s.required ? true : 'Add at least one action item'),
        },
        owner: {
          message: `Owner of "${entry.item ?? ''}"${lint.owner ? '' : ' [optional]'}`,
          validate: (v) => (!v.trim() ? (lint.owner ? 'Name an owner' : true) : checkOwner(v).ok || (checkOwner(v) as { error: string }).error),
        },
        due: {
          message: `Due date (${FIELD_HINTS.date})${lint.due ? '' : ' [optional]'}`,
          validate: (v) => {
            if (!v.trim()) return lint.due ? 'Give a due date' : true;
            const r = parseDate(v, ctx);
            return r.ok ? true : r.error;
          },
        },
        type: { message: 'Type (mitigate, prevent, process…) [optional]', validate: () => true },
        bug: { message: 'Tracking bug or ticket [optional]', validate: () => true },
      };
      const last = step === steps.length - 1;
      const a = asks[name]!;
      const v = await io.line({
        message: a.message,
        ...(partial?.text ? { initial: partial.text } : {}),
        back: step > 0 || this.canGoBack() || items.length > 0,
        validate: (v) => {
          const own = a.validate(v);
          if (own !== true || !last || (name === 'item' && !v.trim())) return own;
          const r = this.actionFrom({ ...entry, [name]: v }, ctx);
          if (!r.ok) return r.error;
          return this.verdict(this.with(q, [...items, r.value]), { kind: 'last-entry', question: q });
        },
        onChange: (v) => this.typing({ step: name, entry, text: v }),
      });
      partial = undefined;
      if (v === BACK) {
        if (step > 0) {
          step--;
          partial = { step: steps[step]!, entry, text: entry[steps[step]!] ?? '' };
          delete entry[steps[step]!];
          this.keep(partial);
          continue;
        }
        if (items.length === 0 || !this.canGoBack()) return BACK;
        const lastItem = items.pop()!;
        this.set(q, items.length ? clone(items) : undefined);
        entry = { item: lastItem.item, ...(lastItem.owner ? { owner: lastItem.owner } : {}) };
        step = steps.indexOf('due');
        partial = { step: 'due', entry, text: lastItem.due ?? '' };
        this.keep(partial);
        continue;
      }
      if (name === 'item' && !v.trim()) break;
      entry = { ...entry, [name]: v.trim() };
      if (!last) {
        step++;
        this.keep({ step: steps[step]!, entry, text: '' });
        continue;
      }
      const r = this.actionFrom(entry, ctx);
      if (r.ok) items.push(r.value);
      this.set(q, clone(items));
      entry = {};
      step = 0;
      this.position.partial = undefined;
      this.save();
    }
    this.set(q, items.length ? items : undefined);
    return 'next';
  }

  private actionFrom(entry: Record<string, string>, ctx: AnswerContext): ReturnType<typeof parseAction> {
    const raw: Record<string, string> = { item: entry.item ?? '' };
    for (const k of ['owner', 'due', 'type', 'bug']) if (entry[k]?.trim()) raw[k] = k === 'type' || k === 'bug' ? entry[k]!.replace(/[,()]/g, ' ').trim() : entry[k]!;
    return parseAction(raw, this.template, ctx);
  }

  /** A compact outline of the document: one line per answer, with the problems the rules find. */
  outline(problems: Problem[]): string {
    const out: string[] = ['', `Review — the document the "${this.template.name}" template makes of your answers:`];
    for (const q of this.questions) {
      const v = this.valueOf(q);
      let shown: string;
      if (!answered(v)) shown = '—';
      else if (q.kind === 'field') shown = q.field.type === 'datetime' ? describeTime(String(v), this.zone()) : Array.isArray(v) ? v.join(', ') : String(v);
      else if (q.kind === 'prose') {
        const lines = String(v).split('\n');
        shown = `${lines[0]!.slice(0, 70)}${lines[0]!.length > 70 ? '…' : ''}${lines.length > 1 ? ` (+${lines.length - 1} lines)` : ''}`;
      } else if (q.kind === 'timeline') {
        const list = v as TimelineAnswer[];
        shown = `${list.length} entr${list.length === 1 ? 'y' : 'ies'}: ${list.map((e) => DateTime.fromISO(e.time, { setZone: true }).setZone(this.zone()).toFormat('HH:mm')).join(', ')}`;
      } else {
        const list = v as ActionAnswer[];
        shown = `${list.length} item${list.length === 1 ? '' : 's'}: ${list.map((a) => a.item.slice(0, 30)).join('; ')}`;
      }
      const label = q.kind === 'field' ? q.field.key : q.section.heading;
      const mark = problems.some((p) => p.question === q.id && p.severity === 'error') ? '✖' : problems.some((p) => p.question === q.id) ? '⚠' : ' ';
      out.push(` ${mark} ${label.padEnd(22)} ${shown}`);
    }
    if (problems.length) {
      out.push('', `${problems.length} problem${problems.length === 1 ? '' : 's'} lint would report:`);
      for (const p of problems) out.push(`  ${p.severity === 'error' ? '✖' : '⚠'} ${p.message} [${p.ruleId}]`);
    }
    return out.join('\n');
  }

  /** The review screen: write, edit an answer, or abort. */
  private async review(io: InterviewIO): Promise<'write' | 'abort' | 'edit'> {
    const problems = this.problems();
    io.say(this.outline(problems));
    const errors = problems.filter((p) => p.severity === 'error').length;
    const choice = await io.choose({
      message: 'Write the document?',
      choices: [
        { value: 'write', name: errors ? `Write it anyway (lint will report ${errors} error${errors === 1 ? '' : 's'})` : 'Write it' },
        { value: 'edit', name: 'Edit an answer' },
        { value: 'abort', name: 'Abort (nothing is written; the draft is kept)' },
      ],
      default: errors ? 'edit' : 'write',
    });
    if (choice === 'write' || choice === 'abort') return choice;
    const which = await io.choose({
      message: 'Which answer?',
      choices: this.questions.map((q, i) => {
        const mark = problems.some((p) => p.question === q.id && p.severity === 'error') ? ' ✖' : '';
        return { value: String(i), name: `${q.kind === 'field' ? q.field.prompt : q.section.heading}${mark}` };
      }),
      ...(problems.find((p) => p.question) ? { default: String(this.questions.findIndex((q) => q.id === problems.find((p) => p.question)!.question)) } : {}),
      back: true,
    });
    if (which === BACK) return 'edit';
    const index = Number(which);
    const q = this.questions[index]!;
    if (q.kind === 'timeline' && answered(this.valueOf(q))) {
      const how = await io.choose({
        message: `${q.section.heading}: ${(this.valueOf(q) as unknown[]).length} entries`,
        choices: [
          { value: 'add', name: 'Add entries (or "<" to change the last one)' },
          { value: 'sort', name: 'Put the entries in time order' },
          { value: 'over', name: 'Start the timeline over' },
        ],
        back: true,
      });
      if (how === BACK) return 'edit';
      if (how === 'sort') {
        const sorted = [...(this.valueOf(q) as TimelineAnswer[])].sort((a, b) => DateTime.fromISO(a.time).toMillis() - DateTime.fromISO(b.time).toMillis());
        this.set(q, sorted);
        this.save();
        return 'edit';
      }
      if (how === 'over') this.set(q, undefined);
    }
    // Asked next by run(), which then comes back here ("<" too); a draft saved meanwhile resumes at it.
    this.position.at = index;
    this.position.partial = undefined;
    this.position.editing = true;
    this.save();
    return 'edit';
  }
}
