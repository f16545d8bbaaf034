/// <reference lib="dom" />
/**
 * The report in a real browser: headless Chromium (the Debian package; .ci/run installs it) driven by
 * playwright-core. No console error, no request leaving the page, every chart with its SVG and text alternative,
 * every link between pages working, a hostile document inert; a screenshot of the overview kept in test/artifacts/.
 * Without Chromium the test is skipped on a developer's machine and fails in CI (CI=true).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';
import { exampleRepo, HOSTILE } from './report-fixtures.js';

function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const executable = findChromium();
const inCi = process.env.CI === 'true' || process.env.CI === '1';
if (!executable && inCi) throw new Error('Chromium is required in CI (apt-get install chromium; .ci/run does it)');

describe.skipIf(!executable)('the report in headless Chromium', () => {
  let browser: Browser;
  let out: string;
  const problems: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    const dir = exampleRepo({ 'pm/2024-08-01-hostile.md': HOSTILE });
    const r = runCli(['report', '--out', 'site', '--today', '2024-09-15'], { cwd: dir });
    expect(r.code).toBe(0);
    out = join(dir, 'site');
    browser = await chromium.launch({ executablePath: executable!, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(url: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Every request that is not a file of the report is recorded and refused.
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(pathToFileURL(out).href)) return route.continue();
      outside.push(u);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()} (${page.url()})`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (req) => {
      if (!req.url().startsWith(pathToFileURL(out).href)) outside.push(req.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  it('shows every chart as SVG with its text alternative, and links to every postmortem page that loads', async () => {
    const page = await open(pathToFileURL(join(out, 'index.html')).href);
    const charts = await page.$$eval('figure.chart', (figs) =>
      figs.map((f) => {
        const svg = f.querySelector('svg');
        const ids = (svg?.getAttribute('aria-labelledby') ?? '').split(' ');
        const text = ids.map((id) => document.getElementById(id)?.textContent ?? '');
        const box = svg?.getBoundingClientRect();
        return { svg: Boolean(svg), role: svg?.getAttribute('role'), title: text[0], desc: text[1], width: box?.width ?? 0, height: box?.height ?? 0, marks: svg?.querySelectorAll('path, rect, line, circle').length ?? 0, rows: f.querySelectorAll('details table tbody tr').length };
      }),
    );
    expect(charts.length).toBe(6);
    for (const c of charts) {
      expect(c).toMatchObject({ svg: true, role: 'img' });
      expect(c.title!.length).toBeGreaterThan(10);
      expect(c.desc!.length).toBeGreaterThan(30);
      expect(c.width).toBeGreaterThan(200);
      expect(c.height).toBeGreaterThan(80);
      expect(c.marks).toBeGreaterThan(5);
      expect(c.rows).toBeGreaterThan(0);
    }
    const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const pages = readdirSync(join(out, 'p'));
    expect(pages.length).toBe(4);
    for (const p of pages) expect(links).toContain(pathToFileURL(join(out, 'p', p)).href);
    // A real click on the first postmortem, then back through the header link.
    await page.click('table a[href^="p/"]');
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/p\/[^/]+\.html(#[\w-]+)?$/);
    expect(await page.textContent('h1')).toBeTruthy();
    await page.click('header.site a');
    await page.waitForLoadState('load');
    expect(page.url()).toBe(pathToFileURL(join(out, 'index.html')).href);
    await page.context().close();
    // Every internal link of every page leads to a file of the report that loads.
    for (const p of ['index.html', ...pages.map((f) => `p/${f}`)]) {
      const pg = await open(pathToFileURL(join(out, p)).href);
      const hrefs = await pg.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href).filter((h) => h.startsWith('file:')));
      for (const h of hrefs) expect(existsSync(new URL(h.replace(/#.*$/, '')).pathname), `${p} links to ${h}`).toBe(true);
      if (p.startsWith('p/')) {
        const timeline = await pg.$$eval('figure.timeline svg', (svgs) => svgs.map((s) => ({ title: s.querySelector('title')?.textContent ?? '', desc: s.querySelector('desc')?.textContent ?? '', entries: s.querySelectorAll('g.entry').length, milestones: s.querySelectorAll('g.milestone').length })));
        expect(timeline.length, p).toBe(1);
        expect(timeline[0]!.entries).toBeGreaterThan(2);
        expect(timeline[0]!.milestones).toBeGreaterThanOrEqual(2);
        expect(timeline[0]!.desc).toMatch(/timeline entries from/);
      }
      await pg.context().close();
    }
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('keeps a hostile document inert: no script runs, javascript: links are gone, nothing is fetched', async () => {
    const page = await open(pathToFileURL(join(out, 'p', '2024-08-01-hostile.html')).href);
    expect(await page.title()).toBe('Hostile document: postmortem');
    expect(await page.$$eval('script, iframe, [onerror], a[href^="javascript:"]', (els) => els.length)).toBe(0);
    await page.click('text=click me');
    await page.click('text=html link');
    expect(await page.title()).toBe('Hostile document: postmortem');
    expect(await page.isVisible('h1')).toBe(true);
    await page.context().close();
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('looks like a report: a screenshot of the overview, kept as a test artifact', async () => {
    const page = await open(pathToFileURL(join(out, 'index.html')).href);
    const png = await page.screenshot({ fullPage: true });
    await page.context().close();
    const artifacts = join(ROOT, 'test', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'report-overview.png'), png);
    // Loosely: a PNG 1280 wide, taller than the window, and far from blank (a white page compresses to a few kB).
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.readUInt32BE(20)).toBeGreaterThan(1500);
    expect(png.length).toBeGreaterThan(60_000);
    expect(problems).toEqual([]);
  }, 60_000);
});
