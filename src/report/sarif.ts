/** SARIF 2.1.0, for GitHub code scanning and other viewers. */
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { DOCS_URL, ruleDocsUrl } from '../lint/docs.js';
import type { Rule } from '../lint/rule.js';
import type { FileResult } from './types.js';

export function formatSarif(results: FileResult[], rules: readonly Rule[], version: string, cwd: string): string {
  const descriptors: ReportingDescriptor[] = rules.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)(\w)/g, (_, __, ch: string) => ch.toUpperCase()),
    shortDescription: { text: r.description },
    fullDescription: { text: r.description },
    help: { text: r.docs, markdown: r.docs },
    helpUri: ruleDocsUrl(r),
    properties: { fixable: Boolean(r.fixable?.length) },
    defaultConfiguration: { level: r.defaultSeverity === 'error' ? 'error' : 'warning' },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults: Result[] = [];
  for (const file of results) {
    const uri = file.path.split('\\').join('/');
    if (file.fatal) {
      sarifResults.push({
        level: 'error',
        message: { text: file.fatal },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' } } }],
      });
      continue;
    }
    for (const m of file.messages) {
      const result: Result = {
        ruleId: m.ruleId,
        level: m.severity === 'error' ? 'error' : 'warning',
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
              region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
            },
          },
        ],
      };
      const i = index.get(m.ruleId);
      if (i !== undefined) result.ruleIndex = i;
      sarifResults.push(result);
    }
  }
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'postmortem', version, informationUri: DOCS_URL, rules: descriptors } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href}/` } },
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
