/**
 * What the interview needs from a terminal: say a line, ask for one line, for several lines, for a choice, for an
 * editor. The terminal's implementation is terminal.ts (Inquirer); tests drive a session with scripted answers.
 */

/** What a prompt returns when the author asks to go back one question. */
export const BACK = Symbol('back');
export type Back = typeof BACK;

/** An answer's check: true, a reason to ask again, or a warning the author may accept by confirming. */
export type Verdict = true | string | { warning: string };

export interface LineAsk {
  message: string;
  default?: string;
  /** Text already typed (a resumed interview): in the line, editable. */
  initial?: string;
  validate?: (value: string) => Verdict;
  /** How the text typed so far is read, shown under the line ("→ 2023-03-01 09:00 EST (-05:00)"). */
  preview?: (value: string) => string | undefined;
  /** What is shown after the answer once given. */
  shown?: (value: string) => string;
  /** After every key, with the line so far. */
  onChange?: (value: string) => void;
  /** "<" alone goes back one question. */
  back?: boolean;
}

export interface TextAsk {
  message: string;
  /** One line under the message: what to write. */
  hint?: string;
  initial?: string;
  validate?: (text: string) => Verdict;
  /** After every line (Enter), with the text so far: for the draft. */
  onLine?: (text: string) => void;
  /** After every key, with the text so far, the line being typed included. */
  onChange?: (text: string) => void;
  back?: boolean;
  /** Ctrl-E ends the prompt asking for the editor. */
  editorKey?: boolean;
}

export type TextResult = { text: string } | { editor: string } | Back;

export interface ChooseAsk {
  message: string;
  choices: Array<{ value: string; name: string }>;
  default?: string;
  back?: boolean;
}

export interface EditorAsk {
  heading: string;
  prompt: string;
  guidance: string;
  text: string;
}

export interface InterviewIO {
  say(text: string): void;
  line(ask: LineAsk): Promise<string | Back>;
  text(ask: TextAsk): Promise<TextResult>;
  choose(ask: ChooseAsk): Promise<string | Back>;
  /** The text as the author left it in $VISUAL / $EDITOR, the guidance comment removed. */
  editor(ask: EditorAsk): Promise<string>;
}

/** Ctrl-C (or the terminal closing) during a question: the session has saved its draft. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export function isInterrupt(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'Interrupted';
}

/** The line under which the editor's file is ignored, as in `git commit --cleanup=scissors`. */
export const SCISSORS = '# ------------------------ >8 ------------------------';

/** The file the editor opens: the text so far, then the section's guidance below the scissors line. */
export function editorFile(ask: EditorAsk): string {
  const guidance = [`${ask.heading}: ${ask.prompt}`, '', ...ask.guidance.split('\n')].map((l) => (l ? `# ${l}` : '#'));
  return `${ask.text.trimEnd()}\n\n${SCISSORS}\n# Write above this line; everything below it is removed.\n#\n${guidance.join('\n')}\n`;
}

/** What the author wrote: everything above the scissors line, trailing blank lines removed. */
export function stripEditorFile(file: string): string {
  const lines = file.replace(/\r\n?/g, '\n').split('\n');
  const cut = lines.findIndex((l) => l.trim() === SCISSORS);
  return (cut >= 0 ? lines.slice(0, cut) : lines).join('\n').trimEnd().replace(/^\s*\n/, '');
}
