/** postmortem index --chart: a Mermaid chart inside the index markers, kept by later runs, checked by --check. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';
import { exampleRepo } from './report-fixtures.js';

const readme = (dir: string): string => readFileSync(join(dir, 'pm', 'README.md'), 'utf8');

describe('postmortem index --chart', () => {
  it('adds incidents per quarter inside the markers, idempotently, and keeps it without the flag', () => {
    const dir = exampleRepo({ 'pm/README.md': '# Our incidents\n\nWritten by hand.\n' });
    expect(runCli(['index', '--chart', 'incidents'], { cwd: dir }).stdout).toBe('Updated pm/README.md (3 postmortems)\n');
    const text = readme(dir);
    expect(text.startsWith('# Our incidents\n\nWritten by hand.\n\n<!-- postmortem-index:start')).toBe(true);
    const block = text.slice(text.indexOf('<!-- postmortem-index:start'), text.indexOf('<!-- postmortem-index:end -->'));
    expect(block).toContain([
      '<!-- postmortem-index:chart incidents -->',
      '```mermaid',
      'xychart-beta',
      '  title "Incidents per quarter"',
      '  x-axis ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3"]',
      '  y-axis "Incidents" 0 --> 1',
      '  bar [1, 0, 0, 0, 0, 1, 1]',
      '```',
    ].join('\n'));
    // A second run changes nothing; --check agrees, with or without the flag.
    expect(runCli(['index'], { cwd: dir }).stdout).toBe('pm/README.md is up to date (3 postmortems)\n');
    expect(runCli(['index', '--check'], { cwd: dir }).code).toBe(0);
    expect(runCli(['index', '--check', '--chart', 'incidents'], { cwd: dir }).code).toBe(0);
    expect(readme(dir)).toBe(text);
    // Asking for another chart is a change --check reports.
    expect(runCli(['index', '--check', '--chart', 'resolve'], { cwd: dir })).toMatchObject({ code: 1, stdout: 'pm/README.md is out of date: run "postmortem index" and commit the result\n' });
  });

  it('draws the median hours to resolve per quarter where known, follows new documents, and can be removed', () => {
    const dir = exampleRepo();
    expect(runCli(['index', '--chart', 'resolve'], { cwd: dir }).code).toBe(0);
    expect(readme(dir)).toContain('  x-axis ["2023-Q1", "2024-Q2", "2024-Q3"]\n  y-axis "Hours" 0 --> 3\n  line [3, 1.6, 1.5]\n');
    writeFileSync(join(dir, 'pm', '2024-11-02-queue.md'), '---\ntitle: Queue stalled\ndate: 2024-11-02\nstarted: 2024-11-02T10:00:00Z\nresolved: 2024-11-02T16:00:00Z\n---\n\n# Queue stalled\n');
    expect(runCli(['index', '--check'], { cwd: dir }).code).toBe(1);
    expect(runCli(['index'], { cwd: dir }).code).toBe(0);
    expect(readme(dir)).toContain('  x-axis ["2023-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]\n  y-axis "Hours" 0 --> 6\n  line [3, 1.6, 1.5, 6]\n');
    expect(runCli(['index', '--chart', 'none'], { cwd: dir }).code).toBe(0);
    expect(readme(dir)).not.toContain('mermaid');
    expect(runCli(['index', '--check'], { cwd: dir }).code).toBe(0);
    // No data yet: a line that says so, and the marker that keeps the chart for later.
    const none = tempDir({ '.postmortemrc.yaml': 'dir: pm\n', 'pm/a.md': '---\ntitle: Undated\n---\n\n# Undated\n' });
    expect(runCli(['index', '--chart', 'resolve'], { cwd: none }).code).toBe(0);
    expect(readFileSync(join(none, 'pm', 'README.md'), 'utf8')).toContain('<!-- postmortem-index:chart resolve -->\n\n*No incident with a known time to resolve yet: the chart appears with the first.*\n\n<!-- postmortem-index:end -->');
    expect(runCli(['index', '--check'], { cwd: none }).code).toBe(0);
    expect(runCli(['index', '--chart', 'pie'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'postmortem: --chart expects incidents, resolve or none, not "pie"\n' });
  });
});
