/**
 * The block reader builds micromark's parsers once and resets two of their fields (`defined`, `lazy`) for each
 * document. Those fields are micromark's internals: the dependency is pinned exactly, and these tests fail when
 * the installed version is not the one the reset was written for, or when state leaks from one document to the next.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, textOf } from './markdown.js';

const RESET_WRITTEN_FOR = '4.0.3';

describe('micromark parser reuse', () => {
  it('is pinned to the micromark version the reset was written for', () => {
    // A devDependency: the published package has no dependencies, esbuild bundles micromark into dist/.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies.micromark).toBe(RESET_WRITTEN_FOR);
    const installed = JSON.parse(readFileSync(new URL('../../node_modules/micromark/package.json', import.meta.url), 'utf8')) as { version: string };
    expect(installed.version).toBe(RESET_WRITTEN_FOR);
  });

  it('pins micromark-util-subtokenize, whose chunk tokens (contentType, previous, next) the plain-text path reads', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(new URL('../../node_modules/micromark-util-subtokenize/package.json', import.meta.url), 'utf8')) as { version: string };
    expect(installed.version).toBe(pkg.devDependencies['micromark-util-subtokenize']);
    expect(installed.version).toBe('2.1.0');
  });

  it('carries no link definition from one document into the next', () => {
    const first = parseMarkdown('[runbook]: https://example.com/runbook\n\nSee [runbook].\n');
    expect(first.children.map((n) => n.type)).toEqual(['definition', 'paragraph']);
    const second = parseMarkdown('See [runbook].\n');
    // Without the definition, "[runbook]" is text, brackets and all.
    expect(textOf(second.children[0]!)).toBe('See [runbook].');
  });

  it('carries no lazy continuation from one document into the next', () => {
    parseMarkdown('> quoted\nlazy line');
    const doc = parseMarkdown('plain\n> quote\n');
    expect(doc.children.map((n) => n.type)).toEqual(['paragraph', 'blockquote']);
  });
});
