/**
 * The package as a team gets it: `npm pack` (which builds in prepack) from a copy of the sources with no dist/,
 * the tarball installed into a fresh git repository in a temp dir, and the tool used there the ways the README
 * says: the commands, the workflow `init --ci github` writes (its shell steps run as written), the pre-commit hook,
 * the GitHub Action and the remark-lint plugin. Nothing here goes to the network: the tarball has no dependencies,
 * and remark-cli comes from this repository's devDependencies.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { edit, ROOT } from './helpers.js';

const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const work = mkdtempSync(join(tmpdir(), 'postmortem-pack-'));
let tarball = '';
let packed: { files: Array<{ path: string }>; size: number; unpackedSize: number };

/** The environment of a user's shell: none of the npm_* variables that `npm test` passes to its children. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && !/^(VITEST|NODE_OPTIONS)/.test(k)) env[k] = v;
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '', CI: '', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

export function sh(command: string, args: string[], cwd: string, extra: Record<string, string> = {}, input = '') {
  const r = spawnSync(command, args, { cwd, env: userEnv(extra), encoding: 'utf8', input, timeout: 240_000 });
  return { code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) + (r.error ? String(r.error) : '') };
}

/** A fresh git repository with package.json and the tarball installed as a devDependency, from the tarball only. */
function consumerRepo(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  expect(sh('git', ['init', '-q', '-b', 'main'], dir).code).toBe(0);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, private: true }, null, 2)}\n`);
  const install = sh('npm', ['install', '--save-dev', '--prefer-offline', tarball], dir);
  expect(install.stderr).not.toMatch(/ERR!|npm error/);
  expect(install.code).toBe(0);
  return dir;
}

/** A complete incident, as a team would give it to `new --answers` (due dates in the future: nothing overdue). */
const ANSWERS = `title: Queue stalled after a broker upgrade
date: 2024-02-10
severity: SEV-3
authors: [sam]
started: "14:00"
resolved: "15:30"
timezone: Europe/Berlin
summary: The order queue stopped draining for 90 minutes; orders were delayed, none were lost.
timeline:
  - "14:00 Backlog alert fires."
  - "14:20 Consumers restarted; no change."
  - "15:30 Broker rolled back; backlog drained."
root-cause-and-resolution: The upgraded broker rejected the consumers' old protocol version. Rolling back fixed it.
action-items:
  - { item: Pin the broker protocol version, owner: "@sam", due: 2099-03-01 }
`;
const DOC = 'postmortems/2024-02-10-queue-stalled-after-a-broker-upgrade.md';

beforeAll(() => {
  // A copy of the sources without dist/: packing must build.
  const src = join(work, 'src-copy');
  mkdirSync(src);
  for (const part of ['bin', 'src', 'templates', 'scripts', 'examples', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'LICENSE']) {
    if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(src, part), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'));
  const r = sh('npm', ['pack', '--json', '--pack-destination', work], src);
  expect(r.code, r.stderr).toBe(0);
  packed = (JSON.parse(r.stdout) as Array<typeof packed & { filename: string }>)[0]!;
  tarball = join(work, (packed as unknown as { filename: string }).filename);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  it('builds in prepack and ships the built code, the templates not the sources', () => {
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'bin/postmortem.js', 'dist/cli.cjs', 'dist/remark.js', 'dist/remark.d.ts', 'dist/templates.json', 'dist/THIRD-PARTY-NOTICES.md', 'templates/default.md']));
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.cache') || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
    expect(tarball).toMatch(new RegExp(`${PKG.name}-${PKG.version.replace(/\./g, '\\.')}\\.tgz$`));
    const manifest = JSON.parse(sh('tar', ['-xOzf', tarball, 'package/package.json'], work).stdout);
    expect(manifest).toMatchObject({ name: 'postmortem-cli', bin: { postmortem: 'bin/postmortem.js' }, engines: { node: '>=20.12' } });
    expect(manifest.dependencies ?? {}).toEqual({}); // everything it runs is bundled into dist/
    for (const key of ['repository', 'homepage', 'bugs', 'keywords', 'files', 'license']) expect(manifest[key], key).toBeTruthy();
    // The license the manifest names is the one the LICENSE file grants.
    expect(manifest.license).toBe('MIT');
    const license = sh('tar', ['-xOzf', tarball, 'package/LICENSE'], work).stdout;
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 postmortem contributors\n/);
  });
});

describe('the tarball in a fresh repository', () => {
  let repo = '';
  beforeAll(() => {
    repo = consumerRepo('fresh');
  }, 240_000);

  it('installs alone: no dependencies, no build tools, no build step', () => {
    const installed = readdirSync(join(repo, 'node_modules')).filter((f) => !f.startsWith('.')).sort();
    expect(installed).toEqual(['postmortem-cli']);
    const tree = JSON.parse(sh('npm', ['ls', '--all', '--json'], repo).stdout);
    expect(Object.keys(tree.dependencies)).toEqual(['postmortem-cli']);
    expect(tree.dependencies['postmortem-cli'].dependencies ?? {}).toEqual({});
    expect(existsSync(join(repo, 'node_modules', 'esbuild'))).toBe(false);
    expect(existsSync(join(repo, 'node_modules', 'typescript'))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg.devDependencies['postmortem-cli']).toMatch(/\.tgz$/);
  });

  it('runs --version, init, new and lint', () => {
    expect(sh('npx', ['postmortem', '--version'], repo)).toMatchObject({ code: 0, stdout: `${PKG.version}\n` });
    const init = sh('npx', ['postmortem', 'init', '--ci', 'github', '--timezone', 'UTC'], repo);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('created  .github/workflows/postmortem.yml  (GitHub Actions workflow)');
    writeFileSync(join(repo, 'answers.yaml'), ANSWERS);
    const made = sh('npx', ['postmortem', 'new', '--answers', 'answers.yaml'], repo);
    expect(made).toMatchObject({ code: 0, stderr: '', stdout: `Wrote ${DOC}\nUpdated postmortems/README.md (1 postmortem)\n` });
    expect(sh('npx', ['postmortem', 'lint'], repo)).toMatchObject({ code: 0, stdout: '✔ 1 file checked, no problems\n' });
    const yes = sh('npx', ['postmortem', 'new', '--yes', '--title', 'Half written', '--date', '2024-03-01', '--dir', 'drafts'], repo);
    expect(yes.code).toBe(0);
    expect(yes.stdout).toBe('Wrote drafts/2024-03-01-half-written.md\n');
    const lint = sh('npx', ['postmortem', 'lint', 'drafts'], repo);
    expect(lint.code).toBe(1);
    // Each unanswered section is reported once, as empty (its guidance is only a comment).
    expect(lint.stdout).toMatch(/section-empty/);
    expect(lint.stdout).not.toMatch(/section-placeholder/);
  });

  /** Run one job of the workflow init wrote: every `run:` step, as written, with bash as GitHub runs it. */
  function runJob(dir: string, job: string, replace: (command: string) => string = (c) => c) {
    const workflow = parseYaml(readFileSync(join(dir, '.github', 'workflows', 'postmortem.yml'), 'utf8')) as {
      jobs: Record<string, { steps: Array<{ run?: string; uses?: string; name?: string }> }>;
    };
    const steps = workflow.jobs[job]!.steps;
    expect(steps.filter((s) => s.uses).map((s) => s.uses)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4']);
    const ran: Array<{ run: string; code: number; stdout: string; stderr: string }> = [];
    for (const step of steps.filter((s) => s.run)) {
      const script = join(work, `step-${ran.length}.sh`);
      writeFileSync(script, replace(step.run!));
      const r = sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], dir, { CI: 'true', GITHUB_ACTIONS: 'true' });
      ran.push({ run: step.run!, ...r });
      if (r.code !== 0) break; // a failing step ends the job
    }
    return ran;
  }

  it("init's workflow: the steps as written are green on a clean postmortem, and the weekly job too", () => {
    const lint = runJob(repo, 'lint');
    expect(lint.map((s) => s.run)).toEqual(['npm ci', 'npx --no-install postmortem lint --format github', 'npx --no-install postmortem index --check']);
    for (const s of lint) expect(s.code, `${s.run}\n${s.stdout}${s.stderr}`).toBe(0);
    expect(lint[1]!.stdout).toBe('');
    expect(lint[2]!.stdout).toBe('postmortems/README.md is up to date (1 postmortem)\n');
    const weekly = runJob(repo, 'overdue-actions');
    expect(weekly.map((s) => s.run)).toEqual(['npm ci', 'npx --no-install postmortem actions --overdue --fail-on-overdue']);
    for (const s of weekly) expect(s.code, `${s.run}\n${s.stdout}${s.stderr}`).toBe(0);
  });

  it("init's workflow is red, with ::error annotations, on a postmortem whose timeline was emptied; the weekly job on an overdue item", () => {
    const path = join(repo, DOC);
    const clean = readFileSync(path, 'utf8');
    writeFileSync(path, edit(clean, /(## Timeline[^\n]*\n)[\s\S]*?(?=\n## )/, '$1'));
    try {
      const lint = runJob(repo, 'lint');
      expect(lint).toHaveLength(2); // install, then lint fails and ends the job
      expect(lint[1]!.code).toBe(1);
      expect(lint[1]!.stdout).toMatch(new RegExp(`^::error file=${DOC.replace(/\./g, '\\.')},line=\\d+,col=\\d+,endLine=\\d+,endColumn=\\d+,title=section-empty::`, 'm'));
      writeFileSync(path, edit(clean, 'due: 2099-03-01', 'due: 2020-03-01'));
      const weekly = runJob(repo, 'overdue-actions');
      expect(weekly[1]!.code).toBe(1);
      expect(weekly[1]!.stdout).toMatch(/OVERDUE +\S+ +2020-03-01 +\S+ +@sam +\S+ +Pin the broker protocol version/); // STATUS PRI DUE AGE OWNER TICKET ACTION
    } finally {
      writeFileSync(path, clean);
    }
  });

  it("init's workflow without a package.json runs the package by name@version (the tarball standing in for the registry)", () => {
    const dir = join(work, 'no-package-json');
    mkdirSync(dir);
    sh('git', ['init', '-q'], dir);
    const init = sh(process.execPath, [join(repo, 'node_modules', 'postmortem-cli', 'bin', 'postmortem.js'), 'init', '--ci', 'github', '--timezone', 'UTC'], dir);
    expect(init.code, init.stderr).toBe(0);
    writeFileSync(join(dir, 'answers.yaml'), ANSWERS);
    sh(process.execPath, [join(repo, 'node_modules', 'postmortem-cli', 'bin', 'postmortem.js'), 'new', '--answers', 'answers.yaml'], dir);
    const spec = `postmortem-cli@${PKG.version}`;
    const lint = runJob(dir, 'lint', (c) => edit(c, spec, tarball));
    expect(lint.map((s) => s.run)).toEqual([`npx --yes --package ${spec} postmortem lint --format github`, `npx --yes --package ${spec} postmortem index --check`]);
    for (const s of lint) expect(s.code, `${s.run}\n${s.stdout}${s.stderr}`).toBe(0);
  });
});

describe('remark-lint: remark --use postmortem-cli/remark', () => {
  let repo = '';
  const REMARK = join(ROOT, 'node_modules', '.bin', 'remark');
  beforeAll(() => {
    repo = consumerRepo('remark');
    writeFileSync(join(repo, '.postmortemrc.yaml'), 'dir: docs\ntimezone: UTC\n');
    mkdirSync(join(repo, 'docs'));
    const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    examples.forEach((f, i) => {
      const text = readFileSync(join(ROOT, 'examples', f), 'utf8');
      writeFileSync(join(repo, 'docs', f), text);
      // Broken copies: an emptied timeline, front matter that is not YAML, blaming words (warnings only).
      writeFileSync(join(repo, 'docs', `broken-timeline-${i}.md`), edit(text, /(## Timeline[^\n]*\n)[\s\S]*?(?=\n## )/, '$1'));
      writeFileSync(join(repo, 'docs', `broken-yaml-${i}.md`), edit(text, /^severity: .*$/m, 'severity: [unclosed'));
      writeFileSync(join(repo, 'docs', `warn-words-${i}.md`), edit(text, /(\n## [^\n]*\n\n)/, '$1The root cause was human error: Dana should have checked the lock.\n\n'));
    });
    writeFileSync(join(repo, 'docs', 'README.md'), '# Not a postmortem\n\nThe index page is left alone, as by `postmortem lint docs`.\n');
  }, 240_000);

  type Found = Record<string, { code: number; messages: string[] }>;

  /** Messages of the real remark-cli's default reporter: `L:C-L:C  error|warning  message  rule  postmortem`. */
  function remark(paths: string[]): Found {
    const r = sh(REMARK, ['--no-stdout', '--no-color', '--use', 'postmortem-cli/remark', ...paths], repo);
    const found: Found = {};
    let current = '';
    for (const line of r.stderr.split('\n')) {
      const m = /^\s*(\d+):(\d+)-(\d+):(\d+)\s+(error|warning)\s+(.*?)\s+([a-z]+(?:-[a-z]+)*)\s+postmortem$/.exec(line);
      if (m) found[current]!.messages.push(`${m[1]}:${m[2]}-${m[3]}:${m[4]} ${m[5]} ${m[7]} ${m[6]}`);
      else if (/^\S.*\.md(: no issues found)?$/.test(line)) found[(current = line.replace(/: no issues found$/, ''))] = { code: r.code, messages: [] };
      else if (line.trim() && !/^(\d+ messages? \()?[✖⚠] \d+/.test(line)) throw new Error(`unexpected remark output: ${line}\n${r.stderr}`);
    }
    return found;
  }

  function postmortemLint(paths: string[]): Found {
    const r = sh('npx', ['--no-install', 'postmortem', 'lint', '--format', 'json', ...paths], repo);
    const found: Found = {};
    for (const f of JSON.parse(r.stdout).files as Array<{ path: string; messages: Array<{ line: number; column: number; endLine: number; endColumn: number; severity: string; ruleId: string; message: string }> }>) {
      found[f.path] = { code: r.code, messages: f.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId} ${m.message}`) };
    }
    return found;
  }

  it('reports the same rule ids, messages and positions as postmortem lint, on the examples and on broken copies', () => {
    const ours = postmortemLint(['docs']);
    const theirs = remark(['docs']);
    expect(Object.keys(ours)).toHaveLength(12);
    expect(Object.keys(theirs).sort()).toEqual([...Object.keys(ours), 'docs/README.md'].sort());
    // The same messages; in the order each tool sorts them (both by position; at one position, remark by text).
    for (const [path, result] of Object.entries(ours)) expect([...theirs[path]!.messages].sort(), path).toEqual([...result.messages].sort());
    expect(theirs['docs/README.md']!.messages).toEqual([]);
    // What was broken was caught, errors and warnings both: the comparison is not between two empty lists.
    const rules = (prefix: string) => new Set(Object.entries(ours).filter(([p]) => p.startsWith(`docs/${prefix}`)).flatMap(([, r]) => r.messages.map((m) => m.split(' ').slice(1, 3).join(' '))));
    expect(rules('broken-timeline')).toContain('error section-empty');
    expect(rules('broken-yaml')).toContain('error frontmatter-syntax');
    expect([...rules('warn-words')]).toEqual(['warning blameless-language']);
    expect(Object.entries(ours).filter(([p]) => !/broken|warn/.test(p)).flatMap(([, r]) => r.messages)).toEqual([]);
  });

  it('exits as postmortem lint does: 1 with errors, 0 with warnings only', () => {
    const warnOnly = ['docs/warn-words-0.md', 'docs/warn-words-1.md'];
    expect(remark(warnOnly)['docs/warn-words-0.md']!.code).toBe(0);
    expect(postmortemLint(warnOnly)['docs/warn-words-0.md']!.code).toBe(0);
    expect(remark(['docs/broken-timeline-0.md'])['docs/broken-timeline-0.md']!.code).toBe(1);
    expect(postmortemLint(['docs/broken-timeline-0.md'])['docs/broken-timeline-0.md']!.code).toBe(1);
  });

  it('follows the config: a rule turned off there is off in remark too; a bad config is one fatal message', () => {
    writeFileSync(join(repo, '.postmortemrc.yaml'), 'dir: docs\ntimezone: UTC\nrules:\n  section-empty: off\n');
    try {
      expect(remark(['docs/broken-timeline-0.md'])['docs/broken-timeline-0.md']).toEqual(postmortemLint(['docs/broken-timeline-0.md'])['docs/broken-timeline-0.md']);
      expect(remark(['docs/broken-timeline-0.md'])['docs/broken-timeline-0.md']!.messages.join('\n')).not.toContain('section-empty');
      writeFileSync(join(repo, '.postmortemrc.yaml'), 'dir: docs\nrules:\n  no-such-rule: error\n');
      const r = sh(REMARK, ['--no-stdout', '--no-color', '--use', 'postmortem-cli/remark', 'docs/broken-timeline-0.md'], repo);
      expect(r.code).toBe(1);
      // The message postmortem lint prints before exiting 2, as one fatal message.
      const lint = sh('npx', ['--no-install', 'postmortem', 'lint', 'docs/broken-timeline-0.md'], repo);
      expect(lint.code).toBe(2);
      const message = lint.stderr.replace(/^postmortem: /, '').trim();
      expect(message).toMatch(/^invalid config .*\.postmortemrc\.yaml\S*: unknown rule "no-such-rule"/);
      expect(r.stderr).toMatch(new RegExp(`error +${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +config +postmortem`));
    } finally {
      writeFileSync(join(repo, '.postmortemrc.yaml'), 'dir: docs\ntimezone: UTC\n');
    }
  });
});

describe('the GitHub Action (action.yml)', () => {
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: Array<{ name: string; shell: string; run: string; env?: Record<string, string> }> };
  };
  let repo = '';
  beforeAll(() => {
    repo = join(work, 'action-user');
    mkdirSync(join(repo, 'postmortems'), { recursive: true });
    sh('git', ['init', '-q'], repo);
    writeFileSync(join(repo, '.postmortemrc.yaml'), 'dir: postmortems\ntimezone: UTC\n');
    const example = readdirSync(join(ROOT, 'examples')).find((f) => f.endsWith('.md') && f !== 'README.md')!;
    const text = readFileSync(join(ROOT, 'examples', example), 'utf8');
    writeFileSync(join(repo, 'postmortems', 'clean.md'), text);
    writeFileSync(join(repo, 'postmortems', 'no-timeline.md'), edit(text, /(## Timeline[^\n]*\n)[\s\S]*?(?=\n## )/, '$1'));
  });

  /** Run the composite action's steps as the runner does: inputs and github.* into each step's env, GITHUB_PATH between steps. */
  function runAction(inputs: Record<string, string>) {
    const runnerTemp = mkdtempSync(join(work, 'runner-'));
    const githubPath = join(runnerTemp, 'github_path');
    writeFileSync(githubPath, '');
    const out: Array<{ name: string; code: number; stdout: string; stderr: string }> = [];
    for (const step of action.runs.steps) {
      expect(step.shell).toBe('bash');
      expect(step.run).not.toContain('${{'); // expressions only in env: nothing from an input is pasted into a script
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(step.env ?? {})) {
        env[k] = v.replace(/\$\{\{\s*(inputs|github)\.([\w-]+)\s*\}\}/g, (_, scope: string, key: string) =>
          scope === 'github' ? (key === 'action_path' ? ROOT : '') : (inputs[key] ?? action.inputs[key]!.default),
        );
      }
      const added = readFileSync(githubPath, 'utf8').split('\n').filter(Boolean).reverse();
      const script = join(runnerTemp, `step-${out.length}.sh`);
      writeFileSync(script, step.run);
      const r = sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], repo, {
        ...env,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        RUNNER_TEMP: runnerTemp,
        GITHUB_PATH: githubPath,
        GITHUB_WORKSPACE: repo,
        PATH: [...added, process.env.PATH].join(':'),
      });
      out.push({ name: step.name, ...r });
      if (r.code !== 0) break;
    }
    return out;
  }

  it('has the inputs paths, format and version, and runs as a composite action', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['format', 'paths', 'version']);
    expect(action.inputs.format!.default).toBe('github');
  });

  it('installs the given version (the tarball) outside the repository and lints: annotations, exit 1, on a broken postmortem', () => {
    const steps = runAction({ version: tarball });
    expect(steps.map((s) => [s.name, s.code])).toEqual([['Install postmortem-cli', 0], ['Lint postmortems', 1]]);
    expect(steps[0]!.stdout).toContain(`postmortem-cli ${PKG.version}\n`);
    expect(steps[1]!.stdout).toMatch(/^::error file=postmortems\/no-timeline\.md,line=\d+,col=1,endLine=\d+,endColumn=\d+,title=section-empty::Expected content under "Timeline"/m);
    expect(steps[1]!.stdout).not.toContain('clean.md');
    expect(existsSync(join(repo, 'node_modules'))).toBe(false);
    expect(existsSync(join(repo, 'package.json'))).toBe(false);
  });

  it('lints the paths it is given (globs expanded by postmortem, not the shell), in the format asked', () => {
    const green = runAction({ version: tarball, paths: 'postmortems/clean.md' });
    expect(green.map((s) => s.code)).toEqual([0, 0]);
    expect(green[1]!.stdout).toBe('');
    const glob = runAction({ version: tarball, paths: "postmortems/*.md\npostmortems/clean.md", format: 'stylish' });
    expect(glob[1]!.code).toBe(1);
    expect(glob[1]!.stdout).toMatch(/^postmortems\/no-timeline\.md:\d+:1: error: Expected content under "Timeline"/m);
    expect(glob[1]!.stdout).toMatch(/in 2 files/);
  });
});

describe('pre-commit: the postmortem-lint hook of .pre-commit-hooks.yaml', () => {
  const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string; exclude: string }>;
  const hook = hooks.find((h) => h.id === 'postmortem-lint')!;
  // pre-commit (Debian's, installed by .ci/run) runs for real when it is on PATH; else its steps are emulated.
  // POSTMORTEM_TEST_EMULATE_PRE_COMMIT=1 runs the emulation even where pre-commit is installed (to test it).
  const real = !process.env.POSTMORTEM_TEST_EMULATE_PRE_COMMIT && spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
  let repo = '';
  let hookRepo = '';

  beforeAll(() => {
    // The hook's repository as pre-commit clones it: this working tree's files (tracked and new), committed.
    hookRepo = join(work, 'hook-repo');
    mkdirSync(hookRepo);
    const files = sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT).stdout.split('\0').filter((f) => f && existsSync(join(ROOT, f)));
    for (const f of files) cpSync(join(ROOT, f), join(hookRepo, f), { recursive: true });
    for (const args of [['init', '-q'], ['add', '-A'], ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'hooks']]) sh('git', args, hookRepo);
    const rev = sh('git', ['rev-parse', 'HEAD'], hookRepo).stdout.trim();

    repo = join(work, 'pre-commit-user');
    mkdirSync(join(repo, 'postmortems'), { recursive: true });
    sh('git', ['init', '-q'], repo);
    writeFileSync(join(repo, '.postmortemrc.yaml'), 'dir: postmortems\ntimezone: UTC\n');
    writeFileSync(join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: postmortem-lint\n`);
    const example = readdirSync(join(ROOT, 'examples')).find((f) => f.endsWith('.md') && f !== 'README.md')!;
    writeFileSync(join(repo, 'postmortems', 'clean.md'), readFileSync(join(ROOT, 'examples', example), 'utf8'));
    writeFileSync(join(repo, 'postmortems', 'README.md'), '# Postmortems\n\nThe index page: not a postmortem, not linted.\n');
    writeFileSync(join(repo, 'notes.md'), '# Not in postmortems/\n');
    sh('git', ['add', '-A'], repo);
  }, 60_000);

  /** Run the hook on the staged files: `pre-commit run`, or, without pre-commit, what it does. */
  function runHook() {
    const env = { PRE_COMMIT_HOME: join(work, 'pre-commit-home'), npm_config_prefer_offline: 'true' };
    if (real) return sh('pre-commit', ['run'], repo, env);
    // pre-commit's steps for a node hook: pick the staged files matching `files` and not `exclude` (re.search),
    // then run `entry FILE…` with the hook's package installed (here: the tarball, as its `npm pack` would give).
    const staged = sh('git', ['diff', '--cached', '--name-only', '--diff-filter=ACMR'], repo).stdout.split('\n').filter(Boolean);
    const chosen = staged.filter((f) => new RegExp(hook.files).test(f) && !new RegExp(hook.exclude).test(f));
    const prefix = join(work, 'emulated-node-env');
    if (!existsSync(prefix)) sh('npm', ['install', '--prefix', prefix, '--no-save', tarball], work);
    const [command, ...args] = hook.entry.split(' ');
    const r = sh(command!, [...args, ...chosen], repo, { PATH: `${join(prefix, 'node_modules', '.bin')}:${process.env.PATH}` });
    return { ...r, stdout: `${hook.entry}...${r.code === 0 ? 'Passed' : 'Failed'}\n${r.stdout}` };
  }

  it('is a node hook on postmortems/*.md that runs postmortem lint', () => {
    expect(hook).toMatchObject({ entry: 'postmortem lint', language: 'node', files: 'postmortems/.*\\.md$' });
  });

  it(`passes clean staged postmortems and fails a broken one, naming the problem (${real ? 'pre-commit run, for real' : 'pre-commit emulated'})`, () => {
    const clean = runHook();
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/postmortem lint\.+Passed/);

    const text = readFileSync(join(repo, 'postmortems', 'clean.md'), 'utf8');
    writeFileSync(join(repo, 'postmortems', 'broken.md'), edit(text, /(## Timeline[^\n]*\n)[\s\S]*?(?=\n## )/, '$1'));
    sh('git', ['add', 'postmortems/broken.md'], repo);
    const broken = runHook();
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/postmortem lint\.+Failed/);
    expect(broken.stdout).toMatch(/^postmortems\/broken\.md:\d+:1: error: Expected content under "Timeline", found none: .* \[section-empty\]$/m);
    expect(broken.stdout).toContain('in 2 files'); // broken.md and clean.md; not README.md, not notes.md
    if (real) {
      // Installed as a git hook, it stops the commit.
      expect(sh('pre-commit', ['install'], repo, { PRE_COMMIT_HOME: join(work, 'pre-commit-home') }).code).toBe(0);
      const commit = sh('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'add postmortems'], repo, { PRE_COMMIT_HOME: join(work, 'pre-commit-home') });
      expect(commit.code).toBe(1);
      expect(sh('git', ['rev-parse', '--verify', '-q', 'HEAD'], repo).code).not.toBe(0); // no commit was made
    }
  }, 300_000);
});
