// The parse floor: read every Markdown file under a directory and parse it with micromark, nothing else, one thread.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { micromark } from 'micromark';

const dir = process.argv[2];
let n = 0;
for (const f of readdirSync(dir).sort()) {
  if (!f.endsWith('.md')) continue;
  micromark(readFileSync(join(dir, f), 'utf8'));
  n++;
}
process.stderr.write(`parsed ${n} files\n`);
