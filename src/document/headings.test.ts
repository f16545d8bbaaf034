import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeHeading, normalizeWith, OTHER_LANGUAGE_SYNONYMS, SectionMatcher } from './headings.js';

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

describe('SectionMatcher: a heading written as a sentence about the team, by its tense', () => {
  const m = new SectionMatcher();
  it('reads what was done as the resolution', () => {
    for (const h of ['What we did', 'What was done', 'Steps taken', 'Actions taken so far', 'How we stopped the bleeding', 'What the team did first', 'Measures taken']) {
      expect(m.match(h, 'heading'), h).toEqual(['resolution']);
    }
  });

  it('reads what will be done as the action items', () => {
    for (const h of ["What we'll change", 'What we are going to do', 'Things we will do differently', 'Going forward', 'Our plan']) {
      expect(m.match(h, 'heading'), h).toEqual(['action-items']);
    }
  });

  it('reads how it went as the lessons, not as what was done', () => {
    expect(m.match('What we did well', 'heading')).toEqual(['lessons-learned']);
    expect(m.match('Where we got it wrong', 'heading')).toEqual(['lessons-learned']);
  });

  it('leaves a heading with a time (an entry of a narrative timeline), a long sentence, or one not about the team alone', () => {
    expect(m.match('21:40 — We restored the primary', 'heading')).toEqual([]);
    expect(m.match('Why the cache nodes did not come back after the restart and what they did instead', 'heading')).toEqual(['root-cause']);
    expect(m.match('The database was restored', 'heading')).toEqual([]);
    expect(m.match('Appendix', 'heading')).toEqual([]);
  });

  it('goes by tense only in real headings: a bold line that is a sub-label needs a known phrase', () => {
    expect(m.match('How we stopped the bleeding', 'label')).toEqual([]);
    expect(m.match('What we did', 'label')).toEqual(['resolution']);
  });
});

describe('SectionMatcher: section names in other languages (a list of their own)', () => {
  const m = new SectionMatcher();
  it('reads the usual Spanish, Portuguese, French and German names', () => {
    const cases: Array<[string, string]> = [
      ['Resumen', 'summary'], ['Zusammenfassung', 'summary'], ['Auswirkungen', 'impact'], ['Cronología', 'timeline'],
      ['Zeitablauf', 'timeline'], ['Linha do tempo', 'timeline'], ['Causa raíz', 'root-cause'], ['Ursache', 'root-cause'],
      ['Cause racine', 'root-cause'], ['Lösung', 'resolution'], ['Resolución', 'resolution'], ['Maßnahmen', 'action-items'],
      ['Acciones correctivas', 'action-items'], ['Próximos pasos', 'action-items'], ['Lecciones aprendidas', 'lessons-learned'],
    ];
    for (const [h, id] of cases) expect(m.match(`## ${h}`.slice(3), 'heading'), h).toEqual([id]);
  });

  it('is written as normalizeHeading gives it (the matcher adds it without normalizing)', () => {
    for (const list of Object.values(OTHER_LANGUAGE_SYNONYMS)) for (const p of list) expect(normalizeHeading(p)).toBe(p);
  });
});
