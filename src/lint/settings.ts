/** Rule settings (`off | warn | error | [severity, { options }]`) checked against the rules themselves. */
import { optionsProblem, type Rule } from './rule.js';
import { RULES } from './rules/index.js';

const BY_ID = new Map<string, Rule>(RULES.map((r) => [r.id, r]));

/** The closest rule id to a misspelt one (edit distance at most 3), for "did you mean". */
function nearest(id: string): string | undefined {
  let best: string | undefined;
  let bestD = 4;
  for (const known of BY_ID.keys()) {
    const d = distance(id, known);
    if (d < bestD) {
      best = known;
      bestD = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * What is wrong with the setting of rule `id` (already shaped as severity or [severity, options]), or undefined.
 * `which` says where the problem is: the rule id itself, or its options.
 */
export function ruleSettingProblem(id: string, options: Record<string, unknown> | undefined): { which: 'id' | 'options'; problem: string } | undefined {
  const rule = BY_ID.get(id);
  if (!rule) {
    const near = nearest(id);
    return { which: 'id', problem: `unknown rule "${id}"${near ? `; did you mean "${near}"?` : ''} (postmortem rules lists them)` };
  }
  if (!options) return undefined;
  const problem = optionsProblem(rule, options);
  return problem ? { which: 'options', problem } : undefined;
}
