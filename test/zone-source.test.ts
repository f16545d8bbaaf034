/** Where a zone comes from: init does not take a machine's UTC for the team's zone; inspect and lint say when the config's was assumed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, runCli, tempDir, VALID } from './helpers.js';

describe('the config timezone', () => {
  it('is written by init from a machine with a real zone, and left for the team on a UTC machine', () => {
    const paris = tempDir();
    expect(runCli(['init'], { cwd: paris, env: { TZ: 'Europe/Paris' } }).code).toBe(0);
    expect(readFileSync(join(paris, '.postmortemrc.yaml'), 'utf8')).toContain('timezone: Europe/Paris\n');
    const utc = tempDir();
    expect(runCli(['init'], { cwd: utc, env: { TZ: 'UTC' } }).code).toBe(0);
    const config = readFileSync(join(utc, '.postmortemrc.yaml'), 'utf8');
    expect(config).not.toMatch(/^timezone:/m);
    expect(config).toMatch(/^# timezone: America\/New_York {2}# the zone of times in documents that state none \(this machine says UTC: set it yourself\)$/m);
    // A hand-written document that states no zone is then reported, not read in UTC.
    const doc = '# Outage\n\n## Timeline\n\n- 09:00 — Alerts fire.\n- 09:30 — Fixed.\n';
    const r = runCli(['lint', '-', '--stdin-filename', 'x.md'], { cwd: utc, input: doc });
    expect(r.stdout).toMatch(/Expected a time zone for the timeline, found none/);
  });

  it('is named by inspect and by timeline-window where it was assumed', () => {
    const doc = edit(edit(VALID, /^timezone: .*\n/m, ''), /^(started|detected|mitigated|resolved): (.*)-05:00$/gm, '$1: $2');
    const dir = tempDir({ '.postmortemrc.yaml': 'timezone: UTC\n', 'a.md': edit(doc, '- 12:00 — The revert', '- 12:00 — Revert begins.\n- 15:00 — The revert') });
    const inspect = runCli(['inspect', 'a.md'], { cwd: dir });
    expect(inspect.stdout).toMatch(/zone: UTC \(assumed: the config's timezone, .*\.postmortemrc\.yaml\)/);
    const lint = runCli(['lint', 'a.md'], { cwd: dir });
    expect(lint.stdout).toMatch(/found 2023-03-01T15:00:00Z \(read in the config's timezone: the entry states none\): check its date and time, or the end \[timeline-window\]/);
  });
});
