/** Slack exports as Slack writes them: markup made readable, names found where the export has them, bad records said. */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers.js';
import { Problems, type TimelineEvent } from '../event.js';
import { readSlack, slackText } from './slack.js';

const names = new Map([['U1', 'alice']]);

async function read(files: Record<string, string>, options: { reaction?: string; channel?: string; since?: number } = {}): Promise<{ events: TimelineEvent[]; problems: string[] }> {
  const dir = tempDir(files);
  const problems = new Problems();
  const events: TimelineEvent[] = [];
  for await (const e of readSlack(dir, { cwd: dir, timeColumn: 'time', textColumn: 'text', ...options }, problems)) events.push(e);
  return { events, problems: problems.list };
}

describe('slackText', () => {
  it('turns mentions, channels, links and entities into what a reader sees', () => {
    expect(slackText('<@U1> and <@U9|carl> see <#C1|ops>', names)).toBe('@alice and @carl see #ops');
    expect(slackText('<!here> <!channel> <!subteam^S1|@sre> <!date^1714651450^{date}|May 2>', names)).toBe('@here @channel @sre May 2');
    expect(slackText('<https://a.example/x|the graph> and <https://b.example/y> <mailto:a@b.example|a@b.example>', names)).toBe(
      'the graph (https://a.example/x) and https://b.example/y a@b.example',
    );
    expect(slackText('a &lt;b&gt; &amp;amp;\n\nnext line', names)).toBe('a <b> &amp; next line');
    expect(slackText('<@U404>', names)).toBe('@U404');
  });
});

describe('readSlack', () => {
  it('names people from user_profile or the bot name without users.json, and reads attachments when there is no text', async () => {
    const { events, problems } = await read({
      'c/2024-05-02.json': JSON.stringify([
        { type: 'message', user: 'U7', user_profile: { name: 'dana' }, text: 'hi', ts: '1714651450.000100' },
        { type: 'message', subtype: 'bot_message', username: 'deploybot', bot_id: 'B1', text: '', attachments: [{ fallback: 'Deployed 2.14' }], ts: '1714651460.000100' },
        { type: 'message', subtype: 'channel_join', user: 'U7', text: 'joined', ts: '1714651470.000100' },
      ]),
    });
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.at, e.text, e.origin])).toEqual([
      [1714651450000, 'hi', 'slack: @dana'],
      [1714651460000, 'Deployed 2.14', 'slack: @deploybot'],
    ]);
  });

  it('needs --channel for an export of several channels, and takes the only one otherwise', async () => {
    const several = await read({ 'a/2024-05-02.json': '[]', 'b/2024-05-02.json': '[]', 'channels.json': '[]' });
    expect(several.problems[0]).toMatch(/several channels \(a, b\): name one with --channel NAME/);
    const picked = await read({ 'a/2024-05-02.json': JSON.stringify([{ user: 'U1', text: 'x', ts: '1714651450' }]), 'b/2024-05-02.json': '[]', 'channels.json': '[]' }, { channel: '#a' });
    expect(picked.events.map((e) => e.text)).toEqual(['x']);
    const missing = await read({ 'a/2024-05-02.json': '[]', 'channels.json': '[]' }, { channel: 'zz' });
    expect(missing.problems[0]).toMatch(/no channel "zz"/);
  });

  it('reports records it cannot read by file and message number, and keeps reading', async () => {
    const { events, problems } = await read({
      'c/2024-05-02.json': JSON.stringify([{ user: 'U1', text: 'no time' }, 'text', { user: 'U1', text: 'bad ts', ts: 'soon' }, { user: 'U1', text: 'fine', ts: '1714651450' }]),
      'c/2024-05-03.json': '{"not": "an array"}',
    });
    expect(events.map((e) => e.text)).toEqual(['fine']);
    expect(problems).toEqual([
      'c/2024-05-02.json: message 1: no "ts"',
      'c/2024-05-02.json: message 2: not a message object',
      'c/2024-05-02.json: message 3: cannot read the time "ts": "soon"',
      'c/2024-05-03.json: expected an array of messages, as in a Slack export',
    ]);
  });

  it('does not open day files outside --since (with a day of margin for zones)', async () => {
    const { events, problems } = await read(
      { 'c/2024-04-01.json': 'not even JSON', 'c/2024-05-02.json': JSON.stringify([{ user: 'U1', text: 'kept', ts: '1714651450' }]) },
      { since: Date.parse('2024-05-02T00:00:00Z') },
    );
    expect(problems).toEqual([]);
    expect(events.map((e) => e.text)).toEqual(['kept']);
  });
});
