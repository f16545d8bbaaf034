import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeHeading, normalizeWith, SectionMatcher } from './headings.js';

describe('normalizeHeading', () => {
  it('reads ASCII text the same way with or without the Unicode passes', () => {
    // Headings as people write them (numbering, emphasis, HTML, shortcodes, contractions) and any ASCII at all.
    const piece = fc.constantFrom('1. ', 'Step 2: ', 'IV) ', '**', '_', '`', '<b>', '</b>', ':fire:', '&amp;', ' & ', "we're", "didn't", '(draft)', '  ', '-', 'Root', 'CAUSE', 'Timeline', '\t', '3 ', 'x');
    const ascii = fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.array(piece).map((a) => a.join('')));
    fc.assert(fc.property(ascii, (text) => normalizeWith(text, true) === normalizeWith(text, false)), { numRuns: 5000 });
  });

  it('still reads Unicode: letters of any script, no emoji, compatibility forms folded', () => {
    expect(normalizeHeading('🔥 Résumé ﬁx — Zeitleiste')).toBe('résumé fix zeitleiste');
    expect(normalizeHeading('What we’re doing about it')).toBe('what we are doing about it');
    expect(new SectionMatcher().match('⏱️ Timeline', 'heading')).toEqual(['timeline']);
  });
});

describe('SectionMatcher', () => {
  it('reads a retrospective\'s "What can be improved" as lessons, not as action items ("Improvements")', () => {
    const m = new SectionMatcher();
    expect(m.match('What can be improved', 'heading')).toEqual(['lessons-learned']);
    expect(m.match('What could have gone better?', 'heading')).toEqual(['lessons-learned']);
    expect(m.match('Improvements', 'heading')).toEqual(['action-items']);
  });
});
