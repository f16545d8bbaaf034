/** Quick fixes for a diagnostic: the fixes of its rule (as `lint --fix` makes them) and an inline disable comment. */
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Postmortem } from '../document/model.js';
import type { LintMessage } from '../lint/rule.js';
import { DEFAULT_FIX_KINDS, fixText } from '../lint/fix.js';
import { frontMatterBlock } from './features.js';
import type { Checked } from './server.js';

/** A text read and linted as the document is (same path, project and templates). */
export interface Linted {
  doc: Postmortem;
  messages: LintMessage[];
}

/** What a comment line must not change: the document's parts, as the commands read them. */
function outline(doc: Postmortem): unknown {
  return [doc.sections.map((s) => [s.heading, s.ids]), doc.timeline.map((e) => [e.text, e.time]), doc.actionItems.map((a) => [a.text, a.owner, a.due, a.done])];
}

/** The comment that turns a rule off for the next line (see "Disable comments" in the README). */
export function disableComment(ruleId: string): string {
  return `<!-- postmortem-disable-next-line ${ruleId} -->`;
}

/**
 * "Disable RULE for this line": a comment line above the message's line, with its indentation. Offered only where it
 * works: not inside the front matter (YAML has no place for it), and only when checking the document with the comment
 * in place really silences this message and changes nothing else (a comment inside a table would end the table).
 */
export function disableAction(uri: string, checked: Checked, message: LintMessage, diagnostic: Diagnostic, lint: (text: string) => Linted): CodeAction | undefined {
  const { lines } = checked;
  const line = message.line - 1;
  const fm = frontMatterBlock(lines);
  if (fm && line <= fm.close) return undefined;
  const indent = /^[ \t]*/.exec(lines[line] ?? '')![0];
  const eol = /\r\n|\r|\n/.exec(checked.doc?.source ?? '')?.[0] ?? '\n';
  const newText = `${indent}${disableComment(message.ruleId)}${eol}`;
  const after = [...lines.slice(0, line), newText.slice(0, -eol.length), ...lines.slice(line)].join(eol);
  const { doc: relintedDoc, messages: relinted } = lint(after);
  // The comment silences every message of the rule on that line, and must change nothing else: the other messages
  // are the same (one line lower below it), and so are the sections, the timeline and the action items.
  const key = (m: LintMessage, shift: number): string => `${m.ruleId}\0${m.line + (m.line >= message.line ? shift : 0)}\0${m.message}`;
  const expected = checked.messages.filter((m) => !(m.ruleId === message.ruleId && m.line === message.line)).map((m) => key(m, 1));
  if (JSON.stringify(relinted.map((m) => key(m, 0))) !== JSON.stringify(expected)) return undefined;
  if (checked.doc && JSON.stringify(outline(checked.doc)) !== JSON.stringify(outline(relintedDoc))) return undefined;
  return {
    title: `Disable ${message.ruleId} for this line`,
    kind: 'quickfix',
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText }] } },
  };
}

/** The fix `lint --fix` makes for this message (`--fix-type duration` for the opt-in kind), as a workspace edit. */
export function fixAction(uri: string, document: TextDocument, message: LintMessage, diagnostic: Diagnostic): CodeAction | undefined {
  const fix = message.fix;
  if (!fix || fix.edits.length === 0) return undefined;
  // Edit offsets count from after a byte-order mark (lint reads the text without it); the editor's text may keep it.
  const shift = document.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
  return {
    title: fix.title,
    kind: 'quickfix',
    diagnostics: [diagnostic],
    isPreferred: DEFAULT_FIX_KINDS.has(fix.kind),
    edit: { changes: { [uri]: fix.edits.map((e) => ({ range: { start: document.positionAt(e.start + shift), end: document.positionAt(e.end + shift) }, newText: e.newText })) } },
  };
}

/** The kind of the "fix all" action, which editors can run on save (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.postmortem';

/**
 * Everything `lint --fix` would change in the document, as one edit of the span that differs (so the cursor and
 * the undo history outside it are kept). Undefined when there is nothing to fix.
 */
export function fixAllAction(uri: string, document: TextDocument, lint: (text: string) => Linted, messages: LintMessage[]): CodeAction | undefined {
  if (!messages.some((m) => m.fix && DEFAULT_FIX_KINDS.has(m.fix.kind))) return undefined;
  const text = document.getText();
  const { output, fixed } = fixText(text, (t) => lint(t).messages, DEFAULT_FIX_KINDS);
  if (output === text) return undefined;
  let head = 0;
  while (head < text.length && head < output.length && text.charCodeAt(head) === output.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < text.length - head && tail < output.length - head && text.charCodeAt(text.length - 1 - tail) === output.charCodeAt(output.length - 1 - tail)) tail++;
  // Never split a surrogate pair or a CRLF.
  const splits = (i: number): boolean => i > 0 && i < text.length && ((text.charCodeAt(i) & 0xfc00) === 0xdc00 || (text[i - 1] === '\r' && text[i] === '\n'));
  if (splits(head)) head--;
  if (splits(text.length - tail)) tail--;
  return {
    title: `Fix all postmortem problems that lint --fix fixes (${fixed})`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: [{ range: { start: document.positionAt(head), end: document.positionAt(text.length - tail) }, newText: output.slice(head, output.length - tail) }] } },
  };
}
