import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

// Made-up secrets, assembled at run time so that no key-shaped literal sits in the repository.
const r = (chars: string, n: number) => Array.from({ length: n }, (_, i) => chars[(i * 7 + 3) % chars.length]).join('');
const ALNUM = 'aB3dE5fG7hJ9kL2mN4pQ6rS8tU1vW0xYz';
const UPNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRETS: Array<[string, string]> = [
  ['a private key', `-----BEGIN RSA ${'PRIVATE KEY'}-----`],
  ['an AWS access key ID', `AKIA${r(UPNUM, 16)}`],
  ['an AWS secret access key', `aws_secret_access_key = ${r(ALNUM + '/+', 40)}`],
  ['a Google Cloud API key', `AIza${r(ALNUM + '_-', 35)}`],
  ['a Google Cloud service-account key', `"private_key_id": "${r('0123456789abcdef', 40)}"`],
  ['an Azure storage or service bus key', `DefaultEndpointsProtocol=https;AccountName=logs;AccountKey=${r(ALNUM + '+/', 86)}==;`],
  ['an Azure client secret', `client: ${r(ALNUM, 3)}8Q~${r(ALNUM + '_.-', 34)}`],
  ['a GitHub token', `ghp_${r(ALNUM, 36)}`],
  ['a GitLab token', `glpat-${r(ALNUM, 20)}`],
  ['a Slack token', `xoxb-${r('0123456789', 12)}-${r(ALNUM, 24)}`],
  ['a Slack webhook URL', `https://hooks.slack.com/services/T${r(UPNUM, 8)}/B${r(UPNUM, 8)}/${r(ALNUM, 24)}`],
  ['a JSON Web Token', `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${r(ALNUM + '_-', 43)}`],
  ['a password in a URL', `postgres://app:${r(ALNUM, 14)}@db.internal:5432/users`],
  ['a password in a connection string', `Server=db;Database=users;User Id=app;Password=${r(ALNUM, 12)};`],
  ['a secret assigned to a name', `api_key=${r(ALNUM, 32)}`],
];

const inSummary = (text: string) => edit(VALID, 'About 30% of', `${text}\n\nAbout 30% of`);

describe('no-secrets', () => {
  it('accepts a document without secrets', () => {
    expect(messagesOf(VALID, 'no-secrets')).toEqual([]);
  });

  for (const [kind, secret] of SECRETS) {
    it(`finds ${kind}, at its position, without printing it`, () => {
      const doc = inSummary(`We pasted this by mistake: ${secret}`);
      const ms = messagesOf(doc, 'no-secrets');
      expect(ms).toHaveLength(1);
      const line = lineOf(doc, 'We pasted this by mistake');
      expect(ms[0]).toMatchObject({ line, severity: 'error' });
      expect(ms[0]!.message).toMatch(new RegExp(`^Expected no secrets in a postmortem, found what looks like ${kind} \\(\\d+ characters\\): remove it, and rotate it if it is real$`));
      const text = doc.split('\n')[line - 1]!;
      const flagged = text.slice(ms[0]!.column - 1, ms[0]!.endColumn - 1);
      expect(secret).toContain(flagged.length > 10 ? flagged.slice(0, 10) : flagged);
      for (let i = 0; i + 12 <= flagged.length; i += 6) expect(ms[0]!.message).not.toContain(flagged.slice(i, i + 12));
    });
  }

  it('finds secrets in code blocks and front matter too', () => {
    const doc = edit(edit(VALID, 'impact: Nobody', `api_token: ghp_${r(ALNUM, 36)}\nimpact: Nobody`), 'About 30% of', `\`\`\`\nexport AWS_KEY=AKIA${r(UPNUM, 16)}\n\`\`\`\n\nAbout 30% of`);
    expect(messagesOf(doc, 'no-secrets').map((m) => m.line)).toEqual([lineOf(doc, 'api_token:'), lineOf(doc, 'export AWS_KEY')]);
  });

  it('ignores look-alikes: hashes in prose, UUIDs, placeholders, references, code', () => {
    const lookalikes = [
      'The bad commit was 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39, reverted in 91c0d2e.',
      'Image digest sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 was pulled.',
      'Request 123e4567-e89b-12d3-a456-426614174000 failed.',
      'password: xxxxxxxx and api_key: <your key here> and token=${GITHUB_TOKEN} and secret: ********',
      'Connect with postgres://app:****@db:5432/users or mysql://root:$DB_PASSWORD@localhost.',
      'Password=<password>; Pwd=%DB_PWD%;',
      'The password was changed; the token expired; secret rotation is weekly.',
      'AKIAEXAMPLE is too short to be a key, and ghp_short is not a token.',
      'token = IERC20(_token); password = getPassword(user);',
    ];
    expect(messagesOf(inSummary(lookalikes.join('\n')), 'no-secrets')).toEqual([]);
  });

  it('can be turned off in the config or for one line', () => {
    const doc = inSummary(`<!-- postmortem-disable-next-line no-secrets -->\nExample key: AKIA${r(UPNUM, 16)}`);
    expect(messagesOf(doc, 'no-secrets')).toEqual([]);
  });
});
