/** `postmortem init`: set a repository up. Running it again changes nothing; it never overwrites a file. */
import { appendFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { fileProblem, UserError } from '../errors.js';
import { openProject } from '../project.js';
import { BUILTIN_DIR } from '../template/load.js';
import type { GlobalOptions } from '../cli.js';
import { INDEX_END, INDEX_START } from './index-page.js';
import { PACKAGE_NAME, VERSION } from '../version.js';

export interface InitOptions extends GlobalOptions {
  dir?: string;
  template?: string;
  timezone?: string;
  templateCopy?: string[];
  ci?: string;
  pages?: boolean;
}

/** How the workflow gets postmortem: the project's pinned devDependency, else the package by name and version. */
export interface WorkflowSetup {
  /** The install step's command, when the repository has a package.json. */
  install?: string;
  /** The command that runs postmortem. */
  run: string;
}

export function workflowSetup(root: string): WorkflowSetup {
  if (!existsSync(join(root, 'package.json'))) return { run: `npx --yes --package ${PACKAGE_NAME}@${VERSION} postmortem` };
  const install = existsSync(join(root, 'package-lock.json')) ? 'npm ci' : 'npm install --no-audit --no-fund';
  return { install, run: 'npx --no-install postmortem' };
}

/** The step that installs the pinned package, where the repository has a package.json (both workflows use it). */
function installStep(setup: WorkflowSetup): string {
  return setup.install
    ? `
      - name: Install ${PACKAGE_NAME} (the version pinned in package.json)
        run: ${setup.install}`
    : '';
}

export const WORKFLOW = (dir: string, setup: WorkflowSetup): string => {
  const install = installStep(setup);
  return `# Written by "postmortem init --ci github" (${PACKAGE_NAME}). Checks postmortems on pull requests and pushes to
# main, and fails a weekly run while action items are overdue.
name: postmortems
on:
  pull_request:
    paths: ['${dir}/**', '.postmortemrc*', '.postmortem/**', 'package.json', 'package-lock.json', '.github/workflows/postmortem.yml']
  push:
    branches: [main]
  schedule:
    - cron: '0 8 * * 1' # Mondays: fail when action items are overdue
jobs:
  lint:
    if: github.event_name != 'schedule'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20${install}
      - name: Lint postmortems
        run: ${setup.run} lint --format github
      - name: Check the index page
        run: ${setup.run} index --check
  overdue-actions:
    if: github.event_name == 'schedule'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20${install}
      - name: Fail on overdue action items
        run: ${setup.run} actions --overdue --fail-on-overdue
`;
};

/** The drafts of interrupted interviews are the author's, not the repository's. */
export const DRAFTS_IGNORE = '.postmortem/drafts/';

/**
 * What init keeps out of git, each with a comment and the lines that already ignore it: the drafts of interrupted
 * interviews, and node_modules/ (postmortem-cli is a devDependency; its lint cache lives in node_modules/.cache).
 */
const IGNORES = [
  { line: DRAFTS_IGNORE, comment: '# Drafts of interrupted "postmortem new" interviews', already: ['.postmortem/drafts/', '/.postmortem/drafts/', '.postmortem/drafts', '.postmortem/', '.postmortem', '/.postmortem/', '/.postmortem'] },
  { line: 'node_modules/', comment: '# Dependencies (npm install)', already: ['node_modules/', 'node_modules', '/node_modules/', '/node_modules', '**/node_modules/', '**/node_modules'] },
];

/**
 * Add the drafts folder and node_modules/ to .gitignore: create it, or append the lines it lacks, once each (a
 * second run changes nothing; the user's lines are never rewritten).
 */
function ignoreDrafts(path: string, report: string[], show: (p: string) => string): void {
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const lines = new Set((text ?? '').split(/\r?\n/).map((l) => l.trim()));
  const missing = IGNORES.filter((i) => !i.already.some((l) => lines.has(l)));
  if (missing.length === 0) {
    report.push(`skipped  ${show(path)}  (already ignores ${IGNORES.map((i) => i.line).join(' and ')})`);
    return;
  }
  const entry = missing.map((i) => `${i.comment}\n${i.line}\n`).join('');
  if (text === undefined) writeFileSync(path, entry, { flag: 'wx' });
  else appendFileSync(path, `${text.length > 0 && !text.endsWith('\n') ? '\n' : ''}${entry}`);
  report.push(`${text === undefined ? 'created ' : 'updated '} ${show(path)}  (ignores ${missing.map((i) => i.line).join(' and ')})`);
}

/**
 * `--ci github --pages`: a workflow of its own that builds `postmortem report` and publishes it with GitHub Pages'
 * official actions (configure-pages, upload-pages-artifact, deploy-pages), on pushes to main and every Monday
 * (overdue action items change with the date).
 */
export const PAGES_WORKFLOW = (dir: string, setup: WorkflowSetup): string => {
  const install = installStep(setup);
  return `# Written by "postmortem init --ci github --pages" (${PACKAGE_NAME}). Publishes "postmortem report" with GitHub Pages.
# Turn it on once: Settings → Pages → Build and deployment → Source: GitHub Actions.
name: postmortem report
on:
  push:
    branches: [main]
    paths: ['${dir}/**', '.postmortemrc*', '.postmortem/**']
  schedule:
    - cron: '0 7 * * 1' # Mondays: overdue action items change with the date
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: false
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20${install}
      - name: Build the report
        run: ${setup.run} report --out _site
      - uses: actions/configure-pages@v5
      - uses: actions/upload-pages-artifact@v3
        with:
          path: _site
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
};

export async function run(opts: InitOptions): Promise<number> {
  const cwd = process.cwd();
  if (opts.ci !== undefined && opts.ci !== 'github') throw new UserError(`--ci supports "github", not "${opts.ci}"`);
  if (opts.pages && opts.ci !== 'github') throw new UserError('--pages publishes the report from GitHub Actions: use it with --ci github');
  const { config: existing, templates } = await openProject(cwd, opts.config);
  if (opts.template) templates.get(opts.template);
  const builtIn = readdirSync(BUILTIN_DIR).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
  for (const name of opts.templateCopy ?? []) {
    if (!builtIn.includes(name)) throw new UserError(`--template-copy: no built-in template "${name}"; built-in: ${builtIn.join(', ')}`);
  }
  const root = existing.path ? existing.root : cwd;
  const dir = opts.dir ?? existing.dir;
  const report: string[] = [];
  const notes: string[] = [];
  const show = (p: string): string => relative(cwd, p) || p;

  /** Create a file only if nothing is there (atomically: a hard link cannot replace a file). */
  const create = (path: string, content: string, what: string): void => {
    mkdirSync(dirname(path), { recursive: true });
    const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.postmortem.tmp`);
    writeFileSync(temp, content, { flag: 'wx' });
    try {
      linkSync(temp, path);
      report.push(`created  ${show(path)}  (${what})`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      report.push(`skipped  ${show(path)}  (exists)`);
    } finally {
      rmSync(temp, { force: true });
    }
  };

  try {
    if (existing.path) {
      report.push(`skipped  ${show(existing.path)}  (a config is already there)`);
    } else {
      // The config's zone is assumed for every document that states none, so it must be the team's choice. A
      // machine that says UTC is usually a container or CI runner, not where the incidents happen: then the line
      // is left for the team to fill in, and documents without a zone of their own are reported until then.
      const machine = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const guessed = machine && !/^(?:Etc\/)?(?:UTC|GMT|Universal|Zulu)$/i.test(machine) ? machine : undefined;
      const timezone = opts.timezone ?? guessed;
      const config = stringify({ dir, template: opts.template ?? 'default', ...(timezone ? { timezone } : {}) });
      const zoneNote = timezone
        ? ''
        : `# timezone: America/New_York  # the zone of times in documents that state none (this machine says ${machine ?? 'nothing'}: set it yourself)\n`;
      create(join(root, '.postmortemrc.yaml'), `# postmortem configuration: every setting is in the README of ${PACKAGE_NAME} (https://www.npmjs.com/package/${PACKAGE_NAME})\n${config}${zoneNote}`, 'configuration');
    }
    const indexPath = resolve(root, dir, 'README.md');
    create(indexPath, `# Postmortems\n\nOne file per incident, written with \`postmortem new\` and checked by \`postmortem lint\`.\nThe table is kept by \`postmortem index\`.\n\n${INDEX_START}\n\n| Date | Title | Severity | Status | Duration |\n| --- | --- | --- | --- | --- |\n| | No postmortems yet. | | | |\n\n${INDEX_END}\n`, 'index page');
    for (const name of opts.templateCopy ?? []) {
      const source = readFileSync(join(BUILTIN_DIR, `${name}.md`), 'utf8');
      create(resolve(root, existing.templates ?? join('.postmortem', 'templates'), `${name}.md`), source, `copy of the built-in "${name}" template, yours to edit`);
    }
    if (opts.ci === 'github') {
      const setup = workflowSetup(root);
      create(join(root, '.github', 'workflows', 'postmortem.yml'), WORKFLOW(dir, setup), 'GitHub Actions workflow');
      if (opts.pages) create(join(root, '.github', 'workflows', 'postmortem-pages.yml'), PAGES_WORKFLOW(dir, setup), 'GitHub Pages workflow for postmortem report');
      if (setup.install && !pinned(root)) notes.push(`The workflow installs ${PACKAGE_NAME} from package.json: run "npm install --save-dev ${PACKAGE_NAME}" and commit package.json and package-lock.json.`);
    }
    ignoreDrafts(join(root, '.gitignore'), report, show);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot set up the repository: ${fileProblem(error, 'write')}`);
  }
  process.stdout.write(`${report.join('\n')}\n`);
  for (const note of notes) process.stdout.write(`${note}\n`);
  if (report.every((r) => r.startsWith('skipped'))) process.stdout.write('Nothing to do: already set up.\n');
  else process.stdout.write(`Next: postmortem new\n`);
  return 0;
}

/** Whether package.json lists the package (in any dependency list). */
function pinned(root: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    return ['devDependencies', 'dependencies', 'optionalDependencies'].some((k) => typeof pkg[k]?.[PACKAGE_NAME] === 'string');
  } catch {
    return false;
  }
}
