/** init --ci github --pages: a workflow that builds the report and publishes it with GitHub Pages' official actions. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; id?: string }

describe('postmortem init --ci github --pages', () => {
  it('writes a Pages workflow whose build step works in the repository it set up', () => {
    const dir = tempDir();
    const r = runCli(['init', '--ci', 'github', '--pages', '--timezone', 'UTC'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('created  .github/workflows/postmortem-pages.yml  (GitHub Pages workflow for postmortem report)\n');
    const wf = parse(readFileSync(join(dir, '.github', 'workflows', 'postmortem-pages.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: Record<string, { needs?: string; environment?: { name: string }; steps: Step[] }>;
    };
    expect(wf.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(Object.keys(wf.on).sort()).toEqual(['push', 'schedule', 'workflow_dispatch']);
    const build = wf.jobs.build!.steps;
    const run = build.find((s) => s.run?.includes('postmortem report'))!;
    const upload = build.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!;
    expect(build.some((s) => s.uses?.startsWith('actions/configure-pages@'))).toBe(true);
    const out = /--out (\S+)/.exec(run.run!)![1]!;
    expect(upload.with).toEqual({ path: out });
    expect(wf.jobs.deploy).toMatchObject({ needs: 'build', environment: { name: 'github-pages' } });
    expect(wf.jobs.deploy!.steps[0]!.uses).toMatch(/^actions\/deploy-pages@v\d+$/);
    // The command the workflow runs, run here in the repository init wrote (with one postmortem in it).
    writeFileSync(join(dir, 'postmortems', '2023-03-01-login.md'), readFileSync(join(ROOT, 'examples', '2023-03-01-login-service-down-after-a-migration-locked-the-users-table.md'), 'utf8'));
    // Without a package.json the workflow runs "npx --yes --package postmortem-cli@VERSION postmortem report …".
    expect(run.run).toMatch(/^npx --yes --package postmortem-cli@\d+\.\d+\.\d+\S* postmortem report --out \S+$/);
    const report = runCli(run.run!.replace(/^.* postmortem (?=report )/, '').split(' '), { cwd: dir });
    expect(report.code).toBe(0);
    expect(existsSync(join(dir, out, 'index.html'))).toBe(true);
    expect(existsSync(join(dir, out, 'p', '2023-03-01-login.html'))).toBe(true);
    // Without --pages there is no Pages workflow; --pages needs --ci github.
    const plain = tempDir();
    runCli(['init', '--ci', 'github'], { cwd: plain });
    expect(existsSync(join(plain, '.github', 'workflows', 'postmortem-pages.yml'))).toBe(false);
    expect(runCli(['init', '--pages'], { cwd: tempDir() })).toMatchObject({ code: 2, stderr: 'postmortem: --pages publishes the report from GitHub Actions: use it with --ci github\n' });
  });
});
