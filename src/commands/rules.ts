/** `postmortem rules [--json]`: the lint rules, their default severities and descriptions. */
import { RULES } from '../lint/rules/index.js';
import type { GlobalOptions } from '../cli.js';

export async function run(opts: GlobalOptions & { json?: boolean }): Promise<number> {
  if (opts.json) {
    const { ruleDocsUrl } = await import('../lint/docs.js');
    const list = RULES.map((r) => ({
      id: r.id,
      severity: r.defaultSeverity,
      description: r.description,
      fixable: r.fixable ?? [],
      options: r.options ?? {},
      docs: ruleDocsUrl(r),
    }));
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...RULES.map((r) => r.id.length));
  for (const r of RULES) process.stdout.write(`${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(5)}  ${r.description}\n`);
  return 0;
}
