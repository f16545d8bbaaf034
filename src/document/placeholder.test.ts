/** What stands in for content, and what only looks like it. */
import { describe, expect, it } from 'vitest';
import { findPlaceholder } from './placeholder.js';

describe('findPlaceholder', () => {
  it('finds TODO, TBD, FIXME, "todo:" and bracketed prompts', () => {
    expect(findPlaceholder('Owner: TBD')).toBe('TBD');
    expect(findPlaceholder('TODO fill in')).toBe('TODO');
    expect(findPlaceholder('todo: fill in')).toBe('todo');
    expect(findPlaceholder('At [Time of detection] we')).toBe('[Time of detection]');
  });

  it('not "todo" as a word: Spanish and Portuguese "todo", an English "todo list", even before a real one', () => {
    expect(findPlaceholder('Todo el tráfico fue a un nodo.')).toBeUndefined();
    expect(findPlaceholder('Added to the todo list.')).toBeUndefined();
    expect(findPlaceholder('Todo el tráfico; owner: TBD')).toBe('TBD');
  });
});
