#!/usr/bin/env node
// npm run screenshot: docs/report.png, the README's picture of `postmortem report`, made from examples/ (as of
// 2024-09-15) in headless Chromium (the system's, driven by playwright-core). Needs a build (npm run build).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'postmortem-screenshot-'));
const site = join(out, 'site');
const r = spawnSync(process.execPath, [join(root, 'bin', 'postmortem.js'), 'report', '--config', 'examples/.postmortemrc.yaml', '--out', site, '--today', '2024-09-15', '--title', 'Postmortems (examples/)'], { cwd: root, encoding: 'utf8' });
if (r.status !== 0) throw new Error(r.stderr);
const executablePath = process.env.CHROMIUM_PATH ?? execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 1500 }, deviceScaleFactor: 1 });
await page.goto(pathToFileURL(join(site, 'index.html')).href);
mkdirSync(join(root, 'docs'), { recursive: true });
await page.screenshot({ path: join(root, 'docs', 'report.png') });
await page.goto(pathToFileURL(join(site, 'p', '2023-03-01-login-service-down-after-a-migration-locked-the-users-table.html')).href);
await page.setViewportSize({ width: 1280, height: 760 });
await page.screenshot({ path: join(root, 'docs', 'report-postmortem.png') });
await browser.close();
rmSync(out, { recursive: true, force: true });
console.log('docs/report.png, docs/report-postmortem.png');
