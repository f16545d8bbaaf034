/**
 * `extends` and `print-config`, in real temp repositories with an organisation's config package installed in
 * node_modules (written here, as `npm install @acme/postmortem-config` would leave it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, ROOT, runCli, tempDir } from './helpers.js';

const DEFAULT = readFileSync(join(ROOT, 'templates', 'default.md'), 'utf8');
const VALID = readFileSync(join(ROOT, 'examples', '2023-03-01-login-service-down-after-a-migration-locked-the-users-table.md'), 'utf8');
/** The organisation's template: the default one renamed, asking for a "team" field. */
const ACME_TEMPLATE = edit(
  edit(DEFAULT, /^name: .*$/m, 'name: acme'),
  /^fields:\n/m,
  'fields:\n  - key: team\n    prompt: Which team owns the service?\n    type: string\n    required: true\n',
);
/** A postmortem written for the acme template (names it, has a team), with blaming words in it. */
const ACME_DOC = edit(edit(VALID, /^template: default$/m, 'template: acme\nteam: identity'), /(\n## Timeline)/, '\nThe outage was caused by human error.\n$1');

function orgRepo(local: string, extra: Record<string, string> = {}): string {
  return tempDir({
    'node_modules/@acme/postmortem-config/package.json': JSON.stringify({ name: '@acme/postmortem-config', version: '1.2.0', main: 'postmortem.yaml' }),
    'node_modules/@acme/postmortem-config/postmortem.yaml': 'template: acme\ntimezone: Europe/Berlin\ntemplates: templates\nrules:\n  blameless-language: error\n  word-count: off\n  heading-style: off\n',
    'node_modules/@acme/postmortem-config/templates/acme.md': ACME_TEMPLATE,
    '.postmortemrc.yaml': local,
    'postmortems/2023-03-01-login.md': ACME_DOC,
    ...extra,
  });
}

const lintJson = (dir: string, args: string[] = []) => {
  const r = runCli(['lint', '--format', 'json', ...args], { cwd: dir });
  return { code: r.code, stderr: r.stderr, messages: (JSON.parse(r.stdout || '{"files":[]}').files as Array<{ messages: Array<{ ruleId: string; severity: string }> }>).flatMap((f) => f.messages) };
};

describe('extends: an organisation config package', () => {
  it("brings the organisation's rule settings, default template and templates; local settings win", () => {
    const dir = orgRepo('extends: "@acme/postmortem-config"\n');
    const org = lintJson(dir);
    expect(org.stderr).toBe('');
    expect(org.messages.map((m) => `${m.severity} ${m.ruleId}`)).toEqual(['error blameless-language']); // the org's "error"
    expect(org.code).toBe(1);
    expect(runCli(['templates'], { cwd: dir }).stdout).toMatch(/^acme\* +shared +/m);
    // Without its team field, the document fails the org template's required field.
    const noTeam = orgRepo('extends: "@acme/postmortem-config"\n', { 'postmortems/2023-03-01-login.md': ACME_DOC.replace('team: identity\n', '') });
    expect(lintJson(noTeam).messages.map((m) => m.ruleId)).toContain('frontmatter-required');

    const local = orgRepo('extends: "@acme/postmortem-config"\nrules:\n  blameless-language: warn\n');
    expect(lintJson(local)).toMatchObject({ code: 0, messages: [{ ruleId: 'blameless-language', severity: 'warning' }] });
    const own = orgRepo('extends: "@acme/postmortem-config"\ntemplates: .postmortem/templates\n', {
      '.postmortem/templates/acme.md': edit(ACME_TEMPLATE, /^description: .*$/m, 'description: Our own acme.'),
    });
    expect(runCli(['templates', '--json'], { cwd: own }).stdout).toContain('"description": "Our own acme."');
  });

  it('prints the resolved config for a file with where each setting came from (print-config, text and --json)', () => {
    const dir = orgRepo('extends: "@acme/postmortem-config"\ntimezone: UTC\nrules:\n  blameless-language: warn\n');
    const r = runCli(['print-config', 'postmortems/2023-03-01-login.md'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const org = '@acme/postmortem-config (node_modules/@acme/postmortem-config/postmortem.yaml)';
    expect(r.stdout).toContain('config     .postmortemrc.yaml\nextends    @acme/postmortem-config → node_modules/@acme/postmortem-config/postmortem.yaml\nfile       postmortems/2023-03-01-login.md\n');
    expect(r.stdout).toContain("template   acme (node_modules/@acme/postmortem-config/templates/acme.md, shared), from the document's front matter\n");
    expect(r.stdout).toMatch(/^timezone +UTC +\.postmortemrc\.yaml$/m);
    expect(r.stdout).toMatch(new RegExp(`^template +acme +${org.replace(/[().]/g, '\\$&')}$`, 'm'));
    expect(r.stdout).toMatch(/^dir +postmortems +default$/m);
    expect(r.stdout).toMatch(/^blameless-language +warn +- +\.postmortemrc\.yaml$/m);
    expect(r.stdout).toMatch(new RegExp(`^word-count +off +- +${org.replace(/[().]/g, '\\$&')}$`, 'm'));
    expect(r.stdout).toMatch(/^action-due +error +- +default$/m);

    const json = JSON.parse(runCli(['print-config', 'postmortems/2023-03-01-login.md', '--json'], { cwd: dir }).stdout);
    expect(json).toMatchObject({
      file: 'postmortems/2023-03-01-login.md',
      config: '.postmortemrc.yaml',
      extends: [{ spec: '@acme/postmortem-config', path: 'node_modules/@acme/postmortem-config/postmortem.yaml' }],
      settings: {
        dir: { value: 'postmortems', from: 'default' },
        timezone: { value: 'UTC', from: '.postmortemrc.yaml' },
        template: { value: 'acme', from: org },
        templates: { value: ['.postmortem/templates', 'node_modules/@acme/postmortem-config/templates', 'built-in'] },
      },
      template: { name: 'acme', origin: 'shared', from: "the document's front matter" },
      rules: { 'heading-style': { severity: 'off', from: org }, 'timeline-window': { severity: 'warn', from: 'default' } },
    });
    // A template's own rule settings show as such; with no file, the config's template applies.
    const tpl = orgRepo('extends: "@acme/postmortem-config"\n', {
      'node_modules/@acme/postmortem-config/templates/acme.md': edit(ACME_TEMPLATE, /^lint:\n/m, 'lint:\n  rules:\n    timeline-window: [error, { leadUpMinutes: 60 }]\n'),
    });
    const noFile = JSON.parse(runCli(['print-config', '--json'], { cwd: tpl }).stdout);
    expect(noFile.file).toBeNull();
    expect(noFile.template).toMatchObject({ name: 'acme', from: `"template" of ${org}` });
    expect(noFile.rules['timeline-window']).toEqual({ severity: 'error', options: { leadUpMinutes: 60 }, from: 'template acme' });
  });

  it('resolves files, lists, nested extends, exports and a "postmortem" key; later entries win', () => {
    const dir = tempDir({
      'base.yaml': 'rules:\n  heading-style: off\n  word-count: off\ntimezone: Asia/Tokyo\n',
      'team.yaml': 'extends: ./base.yaml\nrules:\n  word-count: warn\n',
      'node_modules/esm-config/package.json': JSON.stringify({ name: 'esm-config', exports: { '.': { import: './index.mjs' } } }),
      'node_modules/esm-config/index.mjs': "export default { rules: { 'no-secrets': 'warn' } };\n",
      'node_modules/key-config/package.json': JSON.stringify({ name: 'key-config', postmortem: { rules: { 'no-secrets': 'off' }, extends: 'esm-config' } }),
      'node_modules/key-config/strict.json': JSON.stringify({ rules: { 'action-due': 'warn' } }),
      '.postmortemrc.yaml': 'extends: [./team.yaml, key-config, key-config/strict]\n',
    });
    const json = JSON.parse(runCli(['print-config', '--json'], { cwd: dir }).stdout);
    expect(json.extends.map((e: { spec: string }) => e.spec)).toEqual(['./base.yaml', './team.yaml', 'esm-config', 'key-config', 'key-config/strict']);
    expect(json.settings.timezone).toEqual({ value: 'Asia/Tokyo', from: 'base.yaml' });
    expect(json.rules['heading-style']).toMatchObject({ severity: 'off', from: 'base.yaml' });
    expect(json.rules['word-count']).toMatchObject({ severity: 'warn', from: 'team.yaml' });
    expect(json.rules['no-secrets']).toMatchObject({ severity: 'off', from: 'key-config (node_modules/key-config/package.json)' });
    expect(json.rules['action-due']).toMatchObject({ severity: 'warn', from: 'key-config/strict (node_modules/key-config/strict.json)' });
    // A config in a subdirectory finds the package in node_modules further up.
    const nested = tempDir({ ...Object.fromEntries(Object.entries({ 'node_modules/esm-config/package.json': JSON.stringify({ name: 'esm-config', main: 'c.json' }), 'node_modules/esm-config/c.json': '{"dir":"incidents"}' })), 'docs/.postmortemrc.yaml': 'extends: esm-config\n' });
    expect(JSON.parse(runCli(['print-config', '--json'], { cwd: join(nested, 'docs') }).stdout).settings.dir).toEqual({ value: 'incidents', from: `esm-config (${join(nested, 'node_modules', 'esm-config', 'c.json')})` }); // outside the working directory: in full
  });

  it('a missing package or file, a cycle, a bad value: exit 2, one line', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ '.postmortemrc.yaml': 'extends: "@acme/nope"\n' }, 'postmortem: invalid config .postmortemrc.yaml: extends "@acme/nope": package @acme/nope not found in node_modules; install it (npm install --save-dev @acme/nope)\n'],
      [{ '.postmortemrc.yaml': 'extends: ./missing.yaml\n' }, 'postmortem: invalid config .postmortemrc.yaml: extends "./missing.yaml": no such file missing.yaml\n'],
      [{ '.postmortemrc.yaml': 'extends: ./a.yaml\n', 'a.yaml': 'extends: ./b.yaml\n', 'b.yaml': 'extends: [./a.yaml]\n' }, 'postmortem: invalid config b.yaml: extends "./a.yaml" makes a cycle: a.yaml → b.yaml → a.yaml\n'],
      [{ '.postmortemrc.yaml': 'extends: ./.postmortemrc.yaml\n' }, 'postmortem: invalid config .postmortemrc.yaml: extends "./.postmortemrc.yaml" makes a cycle: .postmortemrc.yaml → .postmortemrc.yaml\n'],
      [{ '.postmortemrc.yaml': 'extends: [3]\n' }, 'postmortem: invalid config .postmortemrc.yaml: "extends" must be a file path or a package name, or a list of them\n'],
      [{ '.postmortemrc.yaml': 'extends: ./bad.yaml\n', 'bad.yaml': 'rules:\n  heading-style: loud\n' }, 'postmortem: invalid config bad.yaml:2:3: rules.heading-style must be off, warn or error (or [severity, { options }]), not "loud"\n'],
      [{ '.postmortemrc.yaml': 'extends: ./bad.yaml\n', 'bad.yaml': 'rules: [\n' }, /^postmortem: invalid config bad\.yaml:2:1: .*\n$/ as unknown as string],
    ];
    for (const [files, stderr] of cases) {
      const dir = tempDir(files);
      for (const args of [['lint'], ['print-config']]) {
        const r = runCli(args, { cwd: dir });
        expect(r.code, JSON.stringify(files)).toBe(2);
        if (typeof stderr === 'string') expect(r.stderr.replace(`${dir}/`, '')).toBe(stderr);
        else expect(r.stderr.replace(`${dir}/`, '')).toMatch(stderr);
      }
    }
  });

  it('new writes from the organisation template, asking its fields', () => {
    const dir = orgRepo('extends: "@acme/postmortem-config"\n');
    const help = runCli(['new', '--help'], { cwd: dir });
    expect(help.stdout).toContain('--team <value>');
    const r = runCli(['new', '--dry-run', '--yes', '--title', 'T', '--team', 'payments'], { cwd: dir });
    expect(r.stdout).toMatch(/^template: acme$/m);
    expect(r.stdout).toMatch(/^team: payments$/m);
  });
});
