// The parse floor: read every Markdown file in a directory and tokenize it with micromark, with the extensions the
// block reader uses (front matter, GFM tables, task items), down to its events: no HTML rendering, no tree, one
// thread, a parser per document (as a reader that keeps no state between documents has). What no linter built on
// micromark can go below.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

const dir = process.argv[2];
const extensions = [frontmatter(['yaml', 'toml']), gfmTable(), gfmTaskListItem()];
let n = 0;
let events = 0;
for (const f of readdirSync(dir).sort()) {
  if (!f.endsWith('.md')) continue;
  const text = readFileSync(join(dir, f), 'utf8');
  events += postprocess(parse({ extensions }).document().write(preprocess()(text, undefined, true))).length;
  n++;
}
process.stderr.write(`parsed ${n} files (${events} events)\n`);
