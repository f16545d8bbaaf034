import { HintSet } from '../hints.js';
import { spanAt, type Rule } from '../rule.js';

interface Detector {
  kind: string;
  re: RegExp;
  /** The capture group holding the secret (default: the whole match). */
  group?: number;
  /** For assignments: the value must look random. */
  entropy?: boolean;
  /** Lower-case text one of which any match contains: the pattern runs only where one is present. */
  hints: string[];
}

/** What a secret's value is never: placeholders and references to somewhere else. */
const PLACEHOLDER = /^(?:x+|\*+|\.+|…|_+|-+|<[^>]*>|\[[^\]]*\]|\$\{?[\w.:-]+\}?|\{\{.*\}\}|%[\w]+%|changeme|change_me|password|passwd|secret|redacted|removed|hidden|example|sample|dummy|placeholder|none|null|true|false|todo|tbd|your[\w-]*|my[\w-]*|test[\w-]*)$/i;

const DETECTORS: Detector[] = [
  { kind: 'a private key', re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g , hints: ['private key'] },
  { kind: 'an AWS access key ID', re: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g , hints: ['akia', 'asia', 'abia', 'acca'] },
  { kind: 'an AWS secret access key', re: /\baws_?secret(?:_access)?_?key\b["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, group: 1 , hints: ['secret'] },
  { kind: 'a Google Cloud API key', re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g , hints: ['aiza'] },
  { kind: 'a Google Cloud service-account key', re: /"private_key_id"\s*:\s*"([0-9a-f]{40})"/g, group: 1 , hints: ['private_key_id'] },
  { kind: 'an Azure storage or service bus key', re: /\b(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/]{40,}={0,2})/g, group: 1 , hints: ['accountkey', 'sharedaccesskey'] },
  { kind: 'an Azure SAS signature', re: /[?&]sig=([A-Za-z0-9%+/]{40,}={0,2})/g, group: 1 , hints: ['sig='] },
  { kind: 'an Azure client secret', re: /(?<![A-Za-z0-9~._-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9~._-])/g , hints: ['q~'] },
  { kind: 'a GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{50,255})\b/g , hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'] },
  { kind: 'a GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g , hints: ['glpat-'] },
  { kind: 'a Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g , hints: ['xox'] },
  { kind: 'a Slack webhook URL', re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/g , hints: ['hooks.slack.com'] },
  { kind: 'a JSON Web Token', re: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g , hints: ['eyj'] },
  { kind: 'a password in a URL', re: /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]{3,})@[^\s/]/gi, group: 1 , hints: ['://'] },
  { kind: 'a password in a connection string', re: /(?:^|[;\s"'])(?:Password|Pwd)\s*=\s*([^;\s"'()]{3,})(?![(\w])/gi, group: 1 , hints: ['password', 'pwd'] },
  {
    kind: 'a secret assigned to a name',
    re: /\b(?:password|passwd|pwd|secret|client[_-]?secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|private[_-]?key|token)\b["']?\s*[:=]\s*["']?([^\s"',;()]{8,})(?![(\w])/gi,
    group: 1,
    entropy: true,
    hints: ['pass', 'pwd', 'secret', 'key', 'token'],
  },
];

const HINTS = new HintSet(DETECTORS.flatMap((d) => d.hints));

/** Bits per character: random keys have about 4 or more; words and repeated characters much less. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

function looksRandom(value: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  return value.length >= 8 && classes >= 2 && entropy(value) >= 3;
}

export const rule: Rule = {
  id: 'no-secrets',
  description: 'No credentials in the document: keys, tokens, passwords in URLs or connection strings.',
  defaultSeverity: 'error',
  docs: `A postmortem is where engineers paste logs, config and connection strings, and it is committed for everyone
to read. This rule finds private keys, AWS, Google Cloud and Azure keys, GitHub, GitLab and Slack tokens, Slack
webhooks, JSON Web Tokens, passwords in URLs (\`postgres://app:s3cret@db\`) and connection strings
(\`Password=…\`), and \`password=\`, \`api_key:\`, \`token=\` assignments whose value looks random. Its message names
the kind and the position and never repeats the secret. Placeholders (\`xxx\`, \`****\`, \`<password>\`,
\`\${DB_PASSWORD}\`), hashes in prose and UUIDs are not reported.

Remove the secret from the document (and from the repository's history), and rotate it if it was real.`,
  examples: [
    {
      title: "Placeholders",
      markdown: `## Resolution

We rotated the key and set \`DATABASE_URL=postgres://app:\${DB_PASSWORD}@db/app\`.
`,
      messages: [],
    },
    {
      title: "A password in a URL",
      markdown: `## Resolution

The job connected with postgres://app:Tr0ub4dor3x@db.internal/app until we rotated it.
`,
      messages: [
        "3:39: Expected no secrets in a postmortem, found what looks like a password in a URL (11 characters): remove it, and rotate it if it is real",
      ],
    },
  ],
  check({ doc, report }) {
    // Each pattern runs once over the whole text (front matter and code included: that is where secrets are).
    const text = doc.source;
    const present = HINTS.scan(text);
    const taken: Array<[number, number]> = [];
    const found: Array<[number, number, string]> = [];
    for (const d of DETECTORS) {
      if (!d.hints.some(present)) continue;
      d.re.lastIndex = 0;
      for (let m = d.re.exec(text); m; m = d.re.exec(text)) {
        const value = d.group ? m[d.group]! : m[0];
        const start = d.group ? m.index + m[0].lastIndexOf(value) : m.index;
        const end = start + value.length;
        if (/[\r\n]/.test(value)) continue;
        if (PLACEHOLDER.test(value.replace(/^["']|["']$/g, ''))) continue;
        if (d.entropy && !looksRandom(value)) continue;
        if (taken.some(([a, b]) => start < b && end > a)) continue; // one message per secret
        taken.push([start, end]);
        found.push([start, end, d.kind]);
      }
    }
    for (const [start, end, kind] of found.sort((x, y) => x[0] - y[0])) {
      report(`Expected no secrets in a postmortem, found what looks like ${kind} (${end - start} characters): remove it, and rotate it if it is real`, spanAt(doc, start, end));
    }
  },
};
