/** Fixtures for the report tests: the examples in a repository of their own, and a hostile document. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './helpers.js';

export const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.md') && f !== 'README.md');

export const HOSTILE = `---
title: Hostile document
date: 2024-08-01
severity: SEV-3
status: draft
started: 2024-08-01T10:00:00Z
resolved: 2024-08-01T13:30:00Z
---

# Hostile document

## Summary

<script>document.title = 'pwned'; console.error('script ran')</script>

<img src="x" onerror="console.error('onerror ran')">

The [click me](javascript:alert(1)) link, an <a href="javascript:console.error('html link ran')">html link</a>,
a remote image ![remote](https://tracker.example.com/pixel.png) and [a fine link](https://example.com/ok).

<iframe src="https://example.com"></iframe>

<style>body { display: none }</style>

## Timeline

- 10:00 Deploy starts.
- 10:05 Alert fires.
- 13:20 Rollback finishes, errors stop.

## Action items

- [ ] P1 Add a canary (owner: @ana)
`;

export function exampleRepo(extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { '.postmortemrc.yaml': 'dir: pm\ntimezone: UTC\nactions:\n  slo: { P1: 28d, P2: 56d, default: 90d }\n', ...extra };
  for (const f of EXAMPLES) files[`pm/${f}`] = readFileSync(join(ROOT, 'examples', f), 'utf8');
  return tempDir(files);
}

