/**
 * Where an interview starts: a fresh session with the answers given by flags or an answers file, the draft of an
 * interrupted one (`--resume`, or chosen when plain `new` finds it), and what batch mode requires.
 */
import { relative } from 'node:path';
import { DateTime } from 'luxon';
import type { Project } from '../project.js';
import { UserError } from '../errors.js';
import { reason } from '../atomic.js';
import { parseAnswers, type TimelineAnswer } from './answers.js';
import { flagNamer, givenAnswers } from './inputs.js';
import type { InterviewIO } from './io.js';
import { InterviewSession, type SessionOptions } from './session.js';
import { deleteDraft, draftPath, hasDraft, loadDraft, saveDraft } from './write.js';

export interface StartOptions {
  template?: string;
  answers?: string;
  resume?: boolean;
  editor?: boolean;
  /** Sources whose events answer the timeline question (`new --timeline-from`). */
  timelineFrom?: string[];
  [flag: string]: unknown;
}

function machineZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Keeps the draft; says once, without stopping the interview, when it cannot. */
function draftKeeper(project: Project): SessionOptions['save'] {
  let warned = false;
  const root = project.config.root;
  return (draft) => {
    try {
      saveDraft(root, draft);
    } catch (error) {
      if (!warned) process.stderr.write(`postmortem: warning: cannot keep a draft in ${shownPath(project, draftPath(root))} (${reason(error)}); an interrupted interview will be lost\n`);
      warned = true;
    }
  };
}

export function shownPath(project: Project, path: string): string {
  return relative(project.cwd, path) || path;
}

/**
 * The session to run. `io` is there when a person can be asked: then a draft found by plain `new` is offered
 * (resume, discard, or quit); null means quit.
 */
export async function startSession(project: Project, opts: StartOptions, io?: InterviewIO): Promise<InterviewSession | null> {
  const { config, templates } = project;
  const root = config.root;
  const base = {
    rules: config.rules as NonNullable<SessionOptions['rules']>,
    fallbackZone: config.timezone ?? machineZone(),
    ...(opts.editor ? { editor: true } : {}),
    ...(io ? { save: draftKeeper(project) } : {}),
  };
  let resume = Boolean(opts.resume);
  if (!resume && !io && hasDraft(root)) {
    // Nothing can be asked: the draft stays for a terminal, and is said, not silently ignored.
    process.stderr.write(`postmortem: note: an interrupted interview is kept in ${shownPath(project, draftPath(root))}; "postmortem new --resume" continues it\n`);
  }
  if (!resume && io && hasDraft(root)) {
    const draft = loadDraft(root);
    const when = draft.savedAt ? DateTime.fromISO(draft.savedAt).toLocal().toFormat('yyyy-MM-dd HH:mm') : 'earlier';
    const answers = Object.keys(draft.answers.fields).length + Object.keys(draft.answers.sections).length;
    io.say(`An interrupted interview is waiting in ${shownPath(project, draftPath(root))} (saved ${when}, "${draft.template}" template, ${answers} answer${answers === 1 ? '' : 's'}).`);
    const choice = await io.choose({
      message: 'What should happen to it?',
      choices: [
        { value: 'resume', name: 'Resume it where it stopped' },
        { value: 'discard', name: 'Discard it and start a new postmortem' },
        { value: 'quit', name: 'Quit (the draft is kept)' },
      ],
    });
    if (choice === 'quit') return null;
    if (choice === 'discard') deleteDraft(root);
    resume = choice === 'resume';
  }
  if (resume) {
    const draft = loadDraft(root);
    if (opts.template && opts.template !== draft.template) throw new UserError(`the draft was started with the "${draft.template}" template, not "${opts.template}"`);
    const template = templates.get(draft.template);
    const session = InterviewSession.fromDraft({ template, ...base }, draft);
    await addGiven(session, opts, project);
    return session;
  }
  const template = templates.get(opts.template ?? config.template);
  const session = new InterviewSession({ template, ...base });
  await addGiven(session, opts, project);
  session.position.given = session.questions.filter((q) => q.id in session.answers.fields || q.id in session.answers.sections).map((q) => q.id);
  return session;
}

/**
 * Answers from flags and an answers file, over the session's, and timeline entries from --timeline-from (the
 * importers of `timeline import`, loaded only then). Throws UserError naming the flag.
 */
async function addGiven(session: InterviewSession, opts: StartOptions, project: Project): Promise<void> {
  const { template } = session;
  const raw = givenAnswers(template, opts, project.cwd);
  const zone = project.config.timezone ?? machineZone();
  const timeline = template.sections.find((s) => s.kind === 'timeline');
  if (opts.timelineFrom?.length && timeline) {
    // Entries of a resumed draft first, then those given now; the imported events join them in time order.
    const kept = (session.answers.sections[timeline.id] as TimelineAnswer[] | undefined) ?? [];
    const now = raw.sections[timeline.id];
    if (kept.length) raw.sections[timeline.id] = [...kept, ...(now === undefined ? [] : Array.isArray(now) ? now : [now])];
    await (await import('../bundles.js')).loadBundle<typeof import('../timeline/bundle.js')>('timeline.cjs').addTimelineAnswers(template, raw, opts.timelineFrom, zone);
  }
  parseAnswers(template, session.answers, raw, flagNamer(template), zone);
  for (const id of [...Object.keys(raw.fields), ...Object.keys(raw.sections)]) if (!session.position.given.includes(id)) session.position.given.push(id);
}
