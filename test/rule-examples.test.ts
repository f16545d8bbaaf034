/** Every rule's examples are its tests: each valid one gives no message of the rule, each invalid one exactly the messages it lists. */
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/lint/rules/index.js';
import { exampleFixed, exampleMessages } from './helpers.js';

describe('rule examples', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has an id of lower-case words and hyphens (messages on one spot sort by it, by code unit)', () => {
        expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      });
      it('has a valid and an invalid example', () => {
        expect(rule.examples.some((e) => e.messages.length === 0)).toBe(true);
        expect(rule.examples.some((e) => e.messages.length > 0)).toBe(true);
      });
      it('shows a fix for each kind it declares', () => {
        for (const kind of rule.fixable ?? []) {
          expect(rule.examples.some((e) => e.fixed !== undefined && (kind !== 'duration' || e.fixTypes?.includes(kind)))).toBe(true);
        }
      });
      for (const example of rule.examples) {
        it(`${example.messages.length === 0 ? 'valid' : 'invalid'}: ${example.title}`, () => {
          expect(exampleMessages(rule, example)).toEqual(example.messages);
        });
        if (example.fixed !== undefined) {
          it(`fixes: ${example.title}`, () => {
            expect(exampleFixed(rule, example)).toBe(example.fixed);
          });
        }
      }
    });
  }
});
