import { describe, expect, it } from 'vitest';
import { HintSet } from './hints.js';

describe('HintSet', () => {
  const hints = new HintSet(['akia', 'acca', 'pass', 'password', 'key', 'hooks.slack.com']);

  it('finds literals case-insensitively, and only those present', () => {
    const present = hints.scan('The PassWord was in hooks.slack.com/x');
    expect(['pass', 'password', 'hooks.slack.com'].map(present)).toEqual([true, true, true]);
    expect(['akia', 'acca', 'key'].map(present)).toEqual([false, false, false]);
  });

  it('finds literals that overlap one another', () => {
    const present = hints.scan('xakiaccay');
    expect(present('akia')).toBe(true);
    expect(present('acca')).toBe(true);
  });

  it('treats regular-expression characters as text', () => {
    expect(hints.scan('hooksXslackYcom')('hooks.slack.com')).toBe(false);
  });
});
