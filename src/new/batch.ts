/** Batch mode (flags, an answers file, `--yes`): nothing can be asked, so problems are said at once, by flag. */
import { UserError } from '../errors.js';
import { flagNamer } from './inputs.js';
import type { InterviewSession } from './session.js';

/** "missing answers (…): --date, --severity…; give them as flags…" */
export function missingAnswersMessage(session: InterviewSession): string {
  const name = flagNamer(session.template);
  const list = session.missing().map((q) => name(q.id, q.kind === 'field' ? 'field' : 'section')).join(', ');
  const why = process.env.CI ? 'CI is set' : 'standard input is not a terminal';
  return `missing answers (${why}, so nothing can be asked): ${list}; give them as flags or with --answers FILE, or pass --yes to leave placeholders`;
}

/** The lint errors of the document the answers make, each named by its flag: a UserError when there are any. */
export function batchProblems(session: InterviewSession): void {
  const name = flagNamer(session.template);
  const errors = session.problems().filter((p) => p.severity === 'error');
  if (errors.length === 0) return;
  const where = (p: (typeof errors)[number]): string => {
    const q = session.questions.find((x) => x.id === p.question);
    return q ? name(q.id, q.kind === 'field' ? 'field' : 'section') : `line ${p.line}`;
  };
  if (errors.length === 1) throw new UserError(`${where(errors[0]!)}: ${errors[0]!.message} [${errors[0]!.ruleId}]`);
  throw new UserError(`the answers give a document that fails lint; nothing was written:\n${errors.map((p) => `  ${where(p)}: ${p.message} [${p.ruleId}]`).join('\n')}`);
}
