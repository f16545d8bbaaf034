/**
 * The lint cache: results keyed on the content hash of each file, under a key made of the tool's version, the
 * config and every template's text, so a changed rule setting, template or version starts afresh. Never mtimes:
 * it is safe to restore in CI. Stored as one JSON file, written atomically.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { writeFileAtomic } from '../atomic.js';
import { fileProblem } from '../errors.js';
import type { TemplateRegistry } from '../template/load.js';
import type { LintMessage } from './rule.js';

export const CACHE_FILE = 'lint-cache-v1.json';

interface CacheData {
  key: string;
  entries: Record<string, LintMessage[]>;
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

export class LintCache {
  private readonly old: Record<string, LintMessage[]>;
  private readonly used: Record<string, LintMessage[]> = {};
  hits = 0;

  private constructor(
    readonly path: string,
    private readonly key: string,
    old: Record<string, LintMessage[]>,
  ) {
    this.old = old;
  }

  static open(location: string, version: string, config: Config, templates: TemplateRegistry, template: string | undefined): LintCache {
    const parts = [version, JSON.stringify({ rules: config.rules, timezone: config.timezone ?? null, template: config.template, cli: template ?? null })];
    for (const t of templates.list()) {
      let text = '';
      try {
        text = readFileSync(t.path, 'utf8');
      } catch {
        text = '(unreadable)';
      }
      parts.push(`${t.name}:${hashText(text)}`);
    }
    const key = hashText(parts.join('\n'));
    const path = location.endsWith('.json') ? resolve(location) : join(resolve(location), CACHE_FILE);
    let old: Record<string, LintMessage[]> = {};
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as CacheData;
      if (data.key === key && data.entries && typeof data.entries === 'object') old = data.entries;
    } catch {
      // no cache yet, or a damaged one: start afresh
    }
    return new LintCache(path, key, old);
  }

  get(hash: string): LintMessage[] | undefined {
    const hit = this.old[hash];
    if (hit) {
      this.used[hash] = hit;
      this.hits++;
    }
    return hit;
  }

  set(hash: string, messages: LintMessage[]): void {
    this.used[hash] = messages;
  }

  /** Keep what this run saw (so the cache never grows without bound), atomically. */
  save(): void {
    try {
      writeFileAtomic(this.path, JSON.stringify({ key: this.key, entries: this.used } satisfies CacheData));
    } catch (error) {
      process.stderr.write(`postmortem: warning: could not write the cache ${this.path}: ${fileProblem(error, 'write')}\n`);
    }
  }
}
