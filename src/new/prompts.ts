/**
 * The two text prompts of the interview, built on @inquirer/core: one line (with a default, a live reading of
 * what is typed, errors and warnings), and several lines for prose, where a paste of many lines — bracketed or
 * not, blank lines included — lands whole. Both report every change, so that the interview can keep what was
 * typed even when Ctrl-C comes in the middle of a line.
 */
import { createPrompt, isBackspaceKey, isEnterKey, isTabKey, makeTheme, useEffect, useKeypress, usePrefix, useRef, useState, type KeypressEvent } from '@inquirer/core';

import { BACK, type Back, type LineAsk, type TextAsk, type TextResult } from './io.js';

const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';

interface Muted {
  mute(): void;
  unmute(): void;
  write(s: string): void;
}

/** Ask the terminal to mark pastes (ESC [200~ … ESC [201~) while the prompt is open. */
function useBracketedPaste(): void {
  useEffect((rl) => {
    const out = rl.output as unknown as Muted;
    const send = (s: string): void => {
      out.unmute();
      out.write(s);
      out.mute();
    };
    send(BRACKETED_PASTE_ON);
    return () => send(BRACKETED_PASTE_OFF);
  }, []);
}

const isPasteStart = (key: KeypressEvent): boolean => (key as { name?: string }).name === 'paste-start';
const isPasteEnd = (key: KeypressEvent): boolean => (key as { name?: string }).name === 'paste-end';

/** A bracketed-paste marker: whether a paste is under way is kept in `pasting`; true when `key` was one. */
function pasteMarker(key: KeypressEvent, pasting: { current: boolean }): boolean {
  if (isPasteStart(key)) pasting.current = true;
  else if (isPasteEnd(key)) pasting.current = false;
  else return false;
  return true;
}

type LineConfig = LineAsk;

export const lineInput = createPrompt<string | Back, LineConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [warning, setWarning] = useState<{ text: string; value: string } | undefined>();
  const [defaultValue, setDefaultValue] = useState(config.default ?? '');
  const pasting = useRef(false);
  const prefix = usePrefix({ status, theme });
  useBracketedPaste();

  useEffect((rl) => {
    if (config.initial) {
      rl.write(config.initial);
      setValue(config.initial);
    }
  }, []);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (pasteMarker(key, pasting)) return;
    if (isEnterKey(key) && pasting.current) {
      // A line break inside a pasted line: keep the words, on one line.
      rl.write(`${value} `);
      setValue(`${value} `);
      return;
    }
    if (isEnterKey(key)) {
      const answer = value || defaultValue;
      // "<" goes back, also typed after the answer given before (shown again to edit): "deploy<" is no answer.
      if (config.back && (answer.trim() === '<' || (config.initial !== undefined && config.initial !== '' && answer === `${config.initial}<`))) {
        setStatus('done');
        done(BACK);
        return;
      }
      const verdict = config.validate ? config.validate(answer) : true;
      if (verdict === true || (typeof verdict === 'object' && warning?.value === answer)) {
        setValue(answer);
        setError(undefined);
        setWarning(undefined);
        setStatus('done');
        done(answer);
        return;
      }
      rl.write(value); // readline cleared the line on Enter: give it back, to correct
      if (typeof verdict === 'string') {
        setError(verdict);
        setWarning(undefined);
      } else {
        setError(undefined);
        setWarning({ text: verdict.warning, value: answer });
      }
      return;
    }
    if (isBackspaceKey(key) && !value) {
      setDefaultValue('');
    } else if (isTabKey(key) && !value && defaultValue) {
      rl.clearLine(0);
      rl.write(defaultValue);
      setValue(defaultValue);
      config.onChange?.(defaultValue);
      return;
    }
    setValue(rl.line);
    setError(undefined);
    if (warning && warning.value !== rl.line) setWarning(undefined);
    config.onChange?.(rl.line);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const shown = config.shown ? config.shown(value) : value;
    return `${prefix} ${message} ${theme.style.answer(shown)}`;
  }
  const defaultStr = defaultValue && !value ? ` ${theme.style.defaultAnswer(defaultValue)}` : '';
  const reading = value.trim() && config.preview ? config.preview(value) : undefined;
  const bottom = error
    ? theme.style.error(error)
    : warning
      ? `⚠ ${warning.text} (Enter again to keep it, or change it)`
      : reading
        ? theme.style.help(reading)
        : '';
  return [`${prefix} ${message}${defaultStr} ${value}`, bottom];
});

type TextConfig = TextAsk;

/** How long after an Enter on an empty line more input means a paste, not the end of the answer. */
const PASTE_GAP_MS = 40;
/** Lines shown above the one being typed. */
const SHOWN_LINES = 12;

/** The answer: the lines, trailing blank lines and spaces removed. */
function joinText(lines: string[], current: string): string {
  return [...lines, current].join('\n').trimEnd();
}

/** What has been typed, exactly (a new empty line included), for the draft: resuming puts the cursor there. */
function typedText(lines: string[], current: string): string {
  return [...lines, current].join('\n');
}

export const textInput = createPrompt<TextResult, TextConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [, setTick] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const [warning, setWarning] = useState<{ text: string; value: string } | undefined>();
  const lines = useRef<string[]>([]);
  const current = useRef('');
  const pasting = useRef(false);
  const pendingEnd = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Keys that arrive together (a paste: thousands of them in one read) are drawn, and their lines saved, once.
  const batch = useRef<{ timer?: ReturnType<typeof setImmediate>; lineEnded: boolean }>({ lineEnded: false });
  const prefix = usePrefix({ status, theme });
  const rerender = (): void => setTick((n) => n + 1);
  const later = (): void => {
    if (batch.current.timer) return;
    batch.current.timer = setImmediate(() => {
      batch.current.timer = undefined;
      if (batch.current.lineEnded) {
        batch.current.lineEnded = false;
        config.onLine?.(typedText(lines.current, current.current));
      }
      rerender();
    });
  };
  useBracketedPaste();

  useEffect((rl) => {
    if (config.initial) {
      const parts = config.initial.split('\n');
      current.current = parts.pop() ?? '';
      lines.current = parts;
      if (current.current) rl.write(current.current);
      rerender();
    }
    return () => {
      clearTimeout(pendingEnd.current);
      if (batch.current.timer) clearImmediate(batch.current.timer);
    };
  }, []);

  const finish = (): void => {
    pendingEnd.current = undefined;
    while (lines.current.length > 0 && !lines.current[lines.current.length - 1]!.trim()) lines.current.pop();
    const text = joinText(lines.current, '');
    const verdict = config.validate ? config.validate(text) : true;
    if (verdict === true || (typeof verdict === 'object' && warning?.value === text)) {
      setStatus('done');
      done({ text });
      return;
    }
    if (typeof verdict === 'string') {
      setError(verdict);
      setWarning(undefined);
    } else {
      setError(undefined);
      setWarning({ text: verdict.warning, value: text });
    }
    rerender();
  };

  const newLine = (line: string): void => {
    lines.current.push(line);
    current.current = '';
    config.onChange?.(typedText(lines.current, ''));
    batch.current.lineEnded = true;
    later();
  };

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (pendingEnd.current !== undefined) {
      // More input right after an empty line: part of a paste, so the empty line was a blank line in it.
      clearTimeout(pendingEnd.current);
      pendingEnd.current = undefined;
      lines.current.push('');
    }
    if (pasteMarker(key, pasting)) return;
    if (key.ctrl && key.name === 'e' && config.editorKey) {
      setStatus('done');
      done({ editor: joinText(lines.current, current.current) });
      return;
    }
    if (isEnterKey(key)) {
      const line = current.current; // readline has already emptied its line
      setError(undefined);
      if (pasting.current || line.trim()) {
        if (!pasting.current && config.back && lines.current.length === 0 && line.trim() === '<') {
          setStatus('done');
          done(BACK);
          return;
        }
        newLine(line);
        return;
      }
      // An empty line typed by hand ends the answer, unless more keys follow at once (a paste without brackets).
      pendingEnd.current = setTimeout(finish, PASTE_GAP_MS);
      config.onChange?.(typedText([...lines.current, ''], ''));
      return;
    }
    if (isBackspaceKey(key) && !current.current && !rl.line && lines.current.length > 0) {
      // Backspace at the start of an empty line goes back up into the line above.
      const above = lines.current.pop()!;
      current.current = above;
      rl.write(above);
      config.onChange?.(typedText(lines.current, above));
      later();
      return;
    }
    current.current = rl.line;
    config.onChange?.(typedText(lines.current, rl.line));
    later();
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const all = joinText(lines.current, '').split('\n');
    const first = all[0] ?? '';
    const more = all.length > 1 ? theme.style.help(` (+${all.length - 1} line${all.length === 2 ? '' : 's'})`) : '';
    return `${prefix} ${message} ${theme.style.answer(first)}${more}`;
  }
  const above = lines.current.slice(-SHOWN_LINES).map((l) => `  │ ${l}`);
  const hidden = lines.current.length - above.length;
  const head = [`${prefix} ${message}`, ...(config.hint ? [theme.style.help(`  ${config.hint}`)] : []), ...(hidden > 0 ? [theme.style.help(`  │ … ${hidden} line${hidden === 1 ? '' : 's'} above`)] : [])];
  const keys = `Enter on an empty line: done${config.editorKey ? ' · Ctrl-E: open your editor' : ''}${config.back ? ' · < alone: back one question' : ''}`;
  const bottom = error ? theme.style.error(error) : warning ? `⚠ ${warning.text} (Enter on an empty line again to keep it)` : theme.style.help(keys);
  return [[...head, ...above, `  › ${current.current}`].join('\n'), bottom];
});
