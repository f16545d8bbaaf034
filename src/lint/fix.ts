/**
 * Applying fixes: each message may carry a Fix (text edits on the document's source). Fixes of the chosen kinds
 * are applied together when their edits do not overlap; the text is then read and linted again, up to ten passes,
 * so that a fix that makes another possible is applied too and the result is a fixed point (fixing twice = once).
 */
import type { Postmortem } from '../document/model.js';
import { FIX_KINDS, OPT_IN_FIX_KINDS, positionOf, type Fix, type FixKind, type LintMessage, type TextEdit } from './rule.js';

export const DEFAULT_FIX_KINDS: ReadonlySet<FixKind> = new Set(FIX_KINDS.filter((k) => !OPT_IN_FIX_KINDS.includes(k)));

/** `--fix-type a,b`: the kinds named (unknown ones are a usage error for the caller to report). */
export function parseFixTypes(value: string): { kinds: Set<FixKind>; unknown: string[] } {
  const kinds = new Set<FixKind>();
  const unknown: string[] = [];
  for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    if ((FIX_KINDS as readonly string[]).includes(part)) kinds.add(part as FixKind);
    else unknown.push(part);
  }
  return { kinds, unknown };
}

/** The text with the edits applied (edits sorted by start; one overlapping an earlier one is left out). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Fixes of `kinds` from one lint pass that can be applied together (no two touch the same text). */
export function compatibleFixes(messages: readonly LintMessage[], kinds: ReadonlySet<FixKind>): Fix[] {
  const chosen: Fix[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of messages) {
    const fix = m.fix;
    if (!fix || !kinds.has(fix.kind)) continue;
    const clash = fix.edits.some((e) => taken.some(([a, b]) => e.start < b && e.end > a || (e.start === e.end && e.start >= a && e.start <= b && a !== b)));
    if (clash) continue;
    for (const e of fix.edits) taken.push([e.start, e.end]);
    chosen.push(fix);
  }
  return chosen;
}

export interface FixResult {
  /** The fixed text (the input when nothing applied). */
  output: string;
  /** Messages fixed, over all passes. */
  fixed: number;
  /** The messages of the fixed text. */
  messages: LintMessage[];
}

/**
 * Fix `text` until nothing of `kinds` is left to fix (at most ten passes). `lint` reads and lints a text (the same
 * path, template and settings each time); a byte-order mark is kept.
 */
export function fixText(text: string, lint: (text: string) => LintMessage[], kinds: ReadonlySet<FixKind>): FixResult {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  let body = bom ? text.slice(1) : text;
  let messages = lint(text);
  let fixed = 0;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = compatibleFixes(messages, kinds);
    if (fixes.length === 0) break;
    const next = applyEdits(body, fixes.flatMap((f) => f.edits));
    if (next === body) break;
    body = next;
    fixed += fixes.length;
    messages = lint(bom + body);
  }
  return { output: bom + body, fixed, messages };
}

/** An edit as a range of lines and columns (1-based, end exclusive), for editors. */
export function editRange(doc: Postmortem, edit: TextEdit): { start: { line: number; column: number }; end: { line: number; column: number } } {
  return { start: positionOf(doc, edit.start), end: positionOf(doc, edit.end) };
}
