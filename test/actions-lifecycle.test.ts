/** Action items: open, done, won't do; priority, ticket; due dates from the config's SLO; what `actions` shows. */
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

const DOC = `---
title: Queue stalled
date: 2024-01-10
severity: SEV-2
status: final
---

# Queue stalled

## Action items

- [ ] P1 Page on queue depth (owner: @ana, ticket: OPS-12)
- [x] P2 Add a dashboard for the consumers (owner: @bo, due: 2024-01-20, ticket: #77)
- [-] P3 Rewrite the consumer in Rust (owner: @cy)
- [ ] Move the cron to the scheduler, wontdo: the cron is going away (owner: @cy)
- [ ] priority: low Tidy the runbook (owner: @ana) https://tracker.example.com/browse/9
- [ ] Review SEV-1 handling with the team (owner: @bo)
`;

const TABLE = `---
title: Disk full
date: 2024-03-01
---

# Disk full

## Action items

| Item | Priority | Owner | Status | Ticket |
| --- | --- | --- | --- | --- |
| Alert on disk usage | P1 | @ana | done | INFRA-1 |
| Grow the volume | P2 | @bo | won't do | INFRA-2 |
| Rotate the logs | P2 | @bo | in progress | INFRA-3 |
`;

function repo(config = 'dir: pm\ntimezone: UTC\nactions:\n  slo: { P1: 28d, P2: 8w, default: 90d }\n'): string {
  return tempDir({ '.postmortemrc.yaml': config, 'pm/2024-01-10-queue.md': DOC, 'pm/2024-03-01-disk.md': TABLE });
}

interface Row { text: string; status: string; priority: string | null; ticket: string | null; due: string | null; dueSource: string | null; ageDays: number | null; overdue: boolean }

describe('action-item lifecycle', () => {
  it('reads status, priority and ticket, and dates items from the SLO by priority', () => {
    const dir = repo();
    const rows = JSON.parse(runCli(['actions', '--json', '--today', '2024-03-01'], { cwd: dir }).stdout) as Row[];
    const by = Object.fromEntries(rows.map((r) => [r.text.slice(0, 12), r]));
    expect(by['Page on queu']).toMatchObject({ status: 'open', priority: 'P1', ticket: 'OPS-12', due: '2024-02-07', dueSource: 'slo', ageDays: 51, overdue: true });
    expect(by['Add a dashbo']).toMatchObject({ status: 'done', priority: 'P2', ticket: '#77', due: '2024-01-20', dueSource: 'written', overdue: false });
    expect(by['Rewrite the ']).toMatchObject({ status: 'wontdo', priority: 'P3', overdue: false });
    expect(by['Move the cro']).toMatchObject({ status: 'wontdo', priority: null });
    expect(by['priority: lo']).toMatchObject({ status: 'open', priority: 'P4', ticket: 'https://tracker.example.com/browse/9', due: '2024-04-09', dueSource: 'slo', overdue: false });
    // A severity is not a ticket.
    expect(by['Review SEV-1']).toMatchObject({ ticket: null, priority: null });
    // Table columns: Priority, Status (done / won't do / anything else open), Ticket.
    expect(by['Alert on dis']).toMatchObject({ status: 'done', priority: 'P1', ticket: 'INFRA-1' });
    expect(by['Grow the vol']).toMatchObject({ status: 'wontdo', priority: 'P2' });
    expect(by['Rotate the l']).toMatchObject({ status: 'open', priority: 'P2', due: '2024-04-26', dueSource: 'slo', ageDays: 0 });
  });

  it('shows priority, ticket and age; --overdue uses the SLO; filters by status and priority', () => {
    const dir = repo();
    const r = runCli(['actions', '--overdue', '--today', '2024-03-01'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^STATUS +PRI +DUE +AGE +OWNER +TICKET +ACTION +WHERE$/);
    expect(lines[1]).toMatch(/^OVERDUE +P1 +2024-02-07\* +51d +@ana +OPS-12 +Page on queue depth +pm\/2024-01-10-queue\.md:12$/);
    expect(lines.length).toBe(5);
    expect(lines.at(-2)).toBe("1 action item: 1 open, 1 overdue, 0 done, 0 won't do (as of 2024-03-01)");
    expect(lines.at(-1)).toBe('* due date from the SLO for its priority (actions.slo in the config)');
    const wontdo = JSON.parse(runCli(['actions', '--json', '--status', 'wontdo'], { cwd: dir }).stdout) as Row[];
    expect(wontdo.map((w) => w.text).sort()).toEqual(['Grow the volume', 'Move the cron to the scheduler, wontdo: the cron is going away', 'Rewrite the consumer in Rust'].sort());
    expect(JSON.parse(runCli(['actions', '--json', '--priority', 'p1'], { cwd: dir }).stdout)).toHaveLength(2);
    expect(runCli(['actions', '--priority', 'urgent'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'postmortem: --priority expects P0 to P4, not "urgent"\n' });
    expect(runCli(['actions', '--status', 'closed'], { cwd: dir }).code).toBe(2);
  });

  it('without an SLO, items with no written due date are never overdue', () => {
    const dir = repo('dir: pm\n');
    const rows = JSON.parse(runCli(['actions', '--json', '--overdue', '--today', '2030-01-01'], { cwd: dir }).stdout) as Row[];
    expect(rows).toEqual([]);
  });

  it('merges the SLO of a config it extends, priority by priority', () => {
    const dir = tempDir({
      'base.yaml': 'actions:\n  slo: { P1: 7d, P2: 14d }\n',
      '.postmortemrc.yaml': 'extends: ./base.yaml\ndir: pm\nactions:\n  slo: { P2: 28d }\n',
      'pm/2024-01-10-queue.md': DOC,
    });
    const rows = JSON.parse(runCli(['actions', '--json', '--today', '2024-01-10'], { cwd: dir }).stdout) as Row[];
    expect(rows.find((r) => r.priority === 'P1' && r.status === 'open')).toMatchObject({ due: '2024-01-17', dueSource: 'slo' });
    const p2 = JSON.parse(runCli(['actions', '--json', '--priority', 'P2', '--today', '2024-01-10'], { cwd: tempDir({
      'base.yaml': 'actions:\n  slo: { P1: 7d, P2: 14d }\n',
      '.postmortemrc.yaml': 'extends: ./base.yaml\ndir: pm\nactions:\n  slo: { P2: 28d }\n',
      'pm/a.md': DOC.replace('- [x] P2 Add a dashboard for the consumers (owner: @bo, due: 2024-01-20, ticket: #77)', '- [ ] P2 Add a dashboard for the consumers (owner: @bo)'),
    }) }).stdout) as Row[];
    expect(p2).toMatchObject([{ due: '2024-02-07', dueSource: 'slo' }]);
  });

  it('rejects a bad SLO with a one-line message', () => {
    for (const [config, message] of [
      ['actions:\n  slo: { P1: soon }\n', '"actions.slo.P1" must be a duration such as 28d or 4w, not "soon"'],
      ['actions:\n  slo: { urgent: 3d }\n', '"actions.slo.urgent": expected a priority P0 to P4, or default'],
      ['actions:\n  remind: true\n', 'unknown setting "actions.remind"; expected slo'],
    ] as const) {
      const r = runCli(['actions'], { cwd: repo(`dir: pm\n${config}`) });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^postmortem: invalid config .*\\.postmortemrc\\.yaml: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n$`));
    }
  });
});
