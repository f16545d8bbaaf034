#!/usr/bin/env node
// Rewrites the rules section of README.md from the rule files (npm run docs). A test fails when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES_END, RULES_START, renderRuleDocs } from '../dist/lint/docs.js';
import { RULES } from '../dist/lint/rules/index.js';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const start = readme.indexOf(RULES_START);
const end = readme.indexOf(RULES_END);
if (start < 0 || end < 0) {
  console.error('README.md has no rules markers');
  process.exit(2);
}
writeFileSync(path, readme.slice(0, start) + renderRuleDocs(RULES) + readme.slice(end + RULES_END.length));
console.log(`README.md: ${RULES.length} rules written`);
