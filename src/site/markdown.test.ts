import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders GFM and drops what could run or fetch', () => {
    expect(renderMarkdown('| a |\n| - |\n| b |\n\n- [x] done\n')).toContain('<table>');
    const html = renderMarkdown('<script>x()</script>\n\n[a](javascript:x()) <img src="https://h/p.png" onerror="x()"> ![i](https://h/i.png) ![j](img/j.png)\n');
    expect(html).not.toMatch(/script|javascript:|onerror|https:\/\/h/);
    expect(html).toContain('<img src="img/j.png" alt="j">');
  });
});
