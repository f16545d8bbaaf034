/** Quick fixes for a diagnostic: the fixes of its rule (as `lint --fix` makes them) and an inline disable comment. */
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Postmortem } from '../document/model.js';
import type { LintMessage } from '../lint/rule.js';
import { lintDocument } from '../lint/engine.js';
import { readPostmortem } from '../project.js';
import { frontMatterBlock } from './features.js';
import type { Checked } from './server.js';

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
export function disableAction(uri: string, checked: Checked, message: LintMessage, diagnostic: Diagnostic): CodeAction | undefined {
  const { lines, project, template } = checked;
  if (!project || !template) return undefined;
  const line = message.line - 1;
  const fm = frontMatterBlock(lines);
  if (fm && line <= fm.close) return undefined;
  const indent = /^[ \t]*/.exec(lines[line] ?? '')![0];
  const eol = /\r\n|\r|\n/.exec(checked.doc?.source ?? '')?.[0] ?? '\n';
  const newText = `${indent}${disableComment(message.ruleId)}${eol}`;
  const after = [...lines.slice(0, line), newText.slice(0, -eol.length), ...lines.slice(line)].join(eol);
  const fallback = project.templates.get(project.config.template);
  const read = readPostmortem(after, checked.doc?.path ?? uri, project, fallback);
  const relinted = lintDocument(read.doc, read.template, { rules: project.config.rules, ...(read.templateProblem ? { templateProblem: read.templateProblem } : {}) });
  // The comment silences every message of the rule on that line, and must change nothing else: the other messages
  // are the same (one line lower below it), and so are the sections, the timeline and the action items.
  const key = (m: LintMessage, shift: number): string => `${m.ruleId}\0${m.line + (m.line >= message.line ? shift : 0)}\0${m.message}`;
  const expected = checked.messages.filter((m) => !(m.ruleId === message.ruleId && m.line === message.line)).map((m) => key(m, 1));
  if (JSON.stringify(relinted.map((m) => key(m, 0))) !== JSON.stringify(expected)) return undefined;
  if (checked.doc && JSON.stringify(outline(checked.doc)) !== JSON.stringify(outline(read.doc))) return undefined;
  return {
    title: `Disable ${message.ruleId} for this line`,
    kind: 'quickfix',
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText }] } },
  };
}

/** A rule's fix, as lint attaches it to a message: edits of [start, end) in UTF-16 offsets of the document's text. */
interface MessageFix {
  title: string;
  edits: Array<{ start: number; end: number; newText: string }>;
}

/** The fix `lint --fix` would make for this message, as a workspace edit (offsets become LSP positions). */
export function fixAction(uri: string, document: TextDocument, message: LintMessage, diagnostic: Diagnostic): CodeAction | undefined {
  const fix = (message as LintMessage & { fix?: MessageFix }).fix;
  if (!fix || fix.edits.length === 0) return undefined;
  return {
    title: fix.title,
    kind: 'quickfix',
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [uri]: fix.edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText })) } },
  };
}
