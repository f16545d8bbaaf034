/** The interview in a terminal: the prompts of prompts.ts, Inquirer's select, and Inquirer's editor prompt. */
import select from '@inquirer/select';
import { loadBundle } from '../bundles.js';
import { BACK, editorFile, stripEditorFile, type InterviewIO } from './io.js';
import { lineInput, textInput } from './prompts.js';

const BACK_CHOICE = '\u0000back';

export function terminalIO(output: NodeJS.WritableStream = process.stdout): InterviewIO {
  return {
    say(text) {
      output.write(`${text}\n`);
    },
    line: (ask) => lineInput(ask),
    text: (ask) => textInput(ask),
    async choose(ask) {
      const v = await select({
        message: ask.message,
        choices: [...ask.choices, ...(ask.back ? [{ value: BACK_CHOICE, name: '← back one question' }] : [])],
        ...(ask.default !== undefined ? { default: ask.default } : {}),
        pageSize: 20,
      });
      return v === BACK_CHOICE ? BACK : v;
    },
    async editor(ask) {
      const name = process.env.VISUAL || process.env.EDITOR || 'vim';
      const { editor } = loadBundle<typeof import('./editor-bundle.js')>('editor.cjs');
      const file = await editor({
        message: `${ask.heading}: writing in ${name} (save and quit to come back)`,
        default: editorFile(ask),
        postfix: '.md',
        waitForUserInput: false,
      });
      return stripEditorFile(file);
    },
  };
}
