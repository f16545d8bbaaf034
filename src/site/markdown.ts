/**
 * A postmortem's Markdown as HTML: unified with remark-parse and remark-gfm (tables, task lists, autolinks),
 * remark-rehype, then rehype-sanitize (GitHub's schema: no <script>, no event handlers, no javascript: URLs) and
 * rehype-stringify. Raw HTML in the document is dropped by remark-rehype unless it is safe Markdown.
 * Images on other hosts are not fetched: their src is removed (the report makes no request), relative ones stay.
 */
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Only relative image sources: an image on another host (http:, https:, //host, data:) loses its src. */
function localImagesOnly() {
  return (tree: HastNode): void => {
    const stack = [tree];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.type === 'element' && node.tagName === 'img' && node.properties) {
        const src = String(node.properties.src ?? '');
        if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src.trim())) delete node.properties.src;
      }
      if (node.children) stack.push(...node.children);
    }
  };
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, defaultSchema).use(localImagesOnly).use(rehypeStringify).freeze();

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
