/** stats: breakdowns by service, severity, month, quarter and author; the quarter trend; action-item rates; --status. */
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

const doc = (o: { date: string; sev: string; status: string; services: string; authors: string; resolved: string; actions: string }): string => `---
title: Incident of ${o.date}
date: ${o.date}
severity: ${o.sev}
status: ${o.status}
services: [${o.services}]
authors: [${o.authors}]
started: ${o.date}T10:00:00Z
detected: ${o.date}T10:10:00Z
mitigated: ${o.date}T10:30:00Z
resolved: ${o.resolved}
---

# Incident of ${o.date}

## Action items

${o.actions}
`;

function repo(): string {
  return tempDir({
    '.postmortemrc.yaml': 'dir: pm\ntimezone: UTC\nactions:\n  slo: { P1: 28d, default: 90d }\n',
    'pm/a.md': doc({ date: '2024-05-02', sev: 'SEV-1', status: 'final', services: 'api, db', authors: 'ana', resolved: '2024-05-02T12:00:00Z', actions: '- [x] P1 Fix it (owner: @ana)\n- [ ] P1 Test it (owner: @ana)' }),
    'pm/b.md': doc({ date: '2024-07-20', sev: 'SEV-2', status: 'final', services: 'api', authors: 'bo, ana', resolved: '2024-07-20T11:00:00Z', actions: '- [ ] P2 Watch it (owner: @bo)\n- [-] P3 Rewrite it (owner: @bo)' }),
    'pm/c.md': doc({ date: '2024-08-05', sev: 'SEV-2', status: 'draft', services: 'web', authors: 'cy', resolved: '2024-08-05T10:40:00Z', actions: '- [x] Note it (owner: @cy)' }),
  });
}

describe('postmortem stats breakdowns', () => {
  it('groups by service (an incident counts under each of its services) with medians and action rates', () => {
    const dir = repo();
    const { by, groups } = JSON.parse(runCli(['stats', '--by', 'service', '--json', '--today', '2024-09-01'], { cwd: dir }).stdout);
    expect(by).toBe('service');
    expect(groups.map((g: { key: string }) => g.key)).toEqual(['api', 'db', 'web']);
    expect(groups[0]).toMatchObject({
      key: 'api',
      incidents: 2,
      minutesTo: { detect: { median: 10 }, resolve: { count: 2, median: 60, p90: 120 } },
      // a: 1 done + 1 open (P1: due 2024-05-30, overdue); b: 1 open (P2 → default 90d: 2024-10-18), 1 won't do.
      actions: { total: 4, open: 2, done: 1, wontdo: 1, overdue: 1, completionRate: 0.333, overdueRate: 0.5 },
    });
    expect(groups[2]).toMatchObject({ key: 'web', incidents: 1, actions: { total: 1, done: 1, completionRate: 1, overdueRate: null } });
  });

  it('groups by severity, month, quarter and author, as text and CSV', () => {
    const dir = repo();
    const text = runCli(['stats', '--by', 'quarter', '--today', '2024-09-01'], { cwd: dir }).stdout.split('\n');
    expect(text[0]).toMatch(/^QUARTER +INCIDENTS +DETECT +MITIGATE +RESOLVE +ACTIONS +DONE +OVERDUE$/);
    expect(text[1]).toMatch(/^2024-Q2 +1 +10m +30m +2h +2 +50% +100%$/);
    expect(text[2]).toMatch(/^2024-Q3 +2 +10m +30m +40m +3 +50% +0%$/);
    const csv = runCli(['stats', '--by', 'author', '--format', 'csv', '--today', '2024-09-01'], { cwd: dir }).stdout.trim().split('\n');
    expect(csv[0]).toBe('author,incidents,detect_median_minutes,detect_p90_minutes,mitigate_median_minutes,mitigate_p90_minutes,resolve_median_minutes,resolve_p90_minutes,actions,open,done,wontdo,overdue,completion_rate,overdue_rate');
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['ana,2', 'bo,1', 'cy,1']);
    const months = JSON.parse(runCli(['stats', '--by', 'month', '--json'], { cwd: dir }).stdout).groups.map((g: { key: string; incidents: number }) => `${g.key}:${g.incidents}`);
    expect(months).toEqual(['2024-05:1', '2024-07:1', '2024-08:1']);
    const sev = runCli(['stats', '--by', 'severity', '--csv'], { cwd: dir }).stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2).join(','));
    expect(sev).toEqual(['SEV-1,1', 'SEV-2,2']);
  });

  it('compares this quarter with the previous one, and leaves drafts out with --status final', () => {
    const dir = repo();
    const { summary } = JSON.parse(runCli(['stats', '--json', '--today', '2024-09-01'], { cwd: dir }).stdout);
    expect(summary.trend).toMatchObject({ quarter: '2024-Q3', previous: '2024-Q2', current: { incidents: 2, minutesTo: { resolve: { median: 40 } } }, before: { incidents: 1, minutesTo: { resolve: { median: 120 } } } });
    expect(summary.actions).toMatchObject({ total: 5, done: 2, open: 2, wontdo: 1, overdue: 1, completionRate: 0.5, overdueRate: 0.5 });
    const text = runCli(['stats', '--today', '2024-09-01'], { cwd: dir }).stdout;
    expect(text).toContain('trend:       2024-Q3 against 2024-Q2: 2 incidents (+1), median time to resolve 40m (-1h 20m)\n');
    expect(text).toContain("actions:     5 (2 done, 2 open, 1 won't do); 50% done, 50% of open overdue (as of 2024-09-01)\n");
    const final = JSON.parse(runCli(['stats', '--json', '--status', 'final'], { cwd: dir }).stdout);
    expect(final.incidents.map((i: { date: string }) => i.date)).toEqual(['2024-07-20', '2024-05-02']);
  });

  it('rejects unknown groups and formats with exit 2', () => {
    const dir = repo();
    expect(runCli(['stats', '--by', 'team'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'postmortem: --by expects one of service, severity, month, quarter, author, not "team"\n' });
    expect(runCli(['stats', '--format', 'xml'], { cwd: dir }).code).toBe(2);
    expect(runCli(['stats', '--format', 'csv', '--json'], { cwd: dir }).code).toBe(2);
  });
});
