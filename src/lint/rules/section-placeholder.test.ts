import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

describe('section-placeholder', () => {
  it('accepts a document in its own words', () => {
    expect(messagesOf(VALID, 'section-placeholder')).toEqual([]);
  });

  it("reports the template's guidance left under a heading", () => {
    const guidance = 'Explain the root cause in detail: the chain of events from the first change to the user-visible failure.';
    const doc = edit(VALID, 'The migration added a column', `${guidance}\n\nThe migration added a column`);
    const [m] = messagesOf(doc, 'section-placeholder');
    expect(m).toMatchObject({ line: lineOf(doc, 'Explain the root cause'), column: 1 });
    expect(m!.message).toBe(`Expected your own words under "Root cause and resolution", found the template's guidance for "Root cause and resolution": replace it with what happened`);
  });

  it('reports TODO and bracketed placeholders at their column', () => {
    const doc = edit(VALID, 'About 30% of', 'About [insert percentage] of');
    const [m] = messagesOf(doc, 'section-placeholder');
    const line = lineOf(doc, '[insert percentage]');
    expect(m).toMatchObject({ line, column: doc.split('\n')[line - 1]!.indexOf('[insert') + 1 });
    expect(m!.message).toBe('Expected real content under "Issue summary", found the placeholder "[insert percentage]"');
    const todo = messagesOf(edit(VALID, 'We resolved it by', 'TODO. We resolved it by'), 'section-placeholder');
    expect(todo.map((x) => x.message)).toEqual(['Expected real content under "Root cause and resolution", found the placeholder "TODO"']);
  });

  it('reads "todo" as a word where it is one (Spanish "todo el tráfico", an English "todo list"), "todo:" as a placeholder', () => {
    expect(messagesOf(edit(VALID, 'We resolved it by', 'Todo el tráfico volvió. We added it to the todo list. We resolved it by'), 'section-placeholder')).toEqual([]);
    const colon = messagesOf(edit(VALID, 'We resolved it by', 'todo: write this. We resolved it by'), 'section-placeholder');
    expect(colon.map((x) => x.message)).toEqual(['Expected real content under "Root cause and resolution", found the placeholder "todo"']);
  });

  it('does not mistake links for placeholders', () => {
    const doc = edit(VALID, 'About 30% of', 'About [30%](https://dash.example/login) of');
    expect(messagesOf(doc, 'section-placeholder')).toEqual([]);
  });
});
