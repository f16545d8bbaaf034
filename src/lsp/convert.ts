/**
 * From lint's world (1-based lines and columns, counted in the UTF-16 code units of JavaScript strings, end column
 * exclusive) to LSP's (0-based lines and UTF-16 characters). Pure functions: the server and its tests share them.
 */
import type { Diagnostic, Range } from 'vscode-languageserver';
import { DOCS_URL, ruleDocsUrl } from '../lint/docs.js';
import type { LintMessage } from '../lint/rule.js';
import { RULES } from '../lint/rules/index.js';
import type { Span } from '../document/model.js';

/** Where a rule is documented: its section of the README, as SARIF's helpUri and `rules --json` give it. */
export function ruleDocsHref(ruleId: string): string {
  const rule = RULES.find((r) => r.id === ruleId);
  return rule ? ruleDocsUrl(rule) : `${DOCS_URL}#rules`;
}

/** The document's lines, split the way the parser and LSP both split them (CRLF, LF or a lone CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** A lint span as an LSP range, clamped into the text (a span past the end of a line ends at the line's end). */
export function toRange(span: Span, lines: readonly string[]): Range {
  const last = Math.max(0, lines.length - 1);
  const line = Math.min(Math.max(0, span.line - 1), last);
  const endLine = Math.min(Math.max(line, span.endLine - 1), last);
  const character = Math.min(Math.max(0, span.column - 1), lines[line]?.length ?? 0);
  let endCharacter = Math.min(Math.max(0, span.endColumn - 1), lines[endLine]?.length ?? 0);
  if (endLine === line && endCharacter < character) endCharacter = character;
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

export const SOURCE = 'postmortem';

/** One lint message as a diagnostic: the rule id as its code, linked to the rule's docs. */
export function toDiagnostic(message: LintMessage, lines: readonly string[]): Diagnostic {
  return {
    range: toRange(message, lines),
    severity: message.severity === 'error' ? 1 : 2,
    code: message.ruleId,
    codeDescription: { href: ruleDocsHref(message.ruleId) },
    source: SOURCE,
    message: message.message,
  };
}

/** A problem that stops the document from being checked at all (broken config or template, binary text). */
export function problemDiagnostic(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: SOURCE, message };
}
