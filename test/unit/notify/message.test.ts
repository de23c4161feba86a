import { describe, expect, it } from '@jest/globals';
import {
  noticeTitle,
  notificationPayload,
  notifyFormatOf,
  parseNotify,
  runUrlOf,
  slackEscape,
  slackPayload,
  teamsPayload,
  type Notice,
} from '../../../src/notify/message.js';
import { InputError } from '../../../src/core/inputs.js';
import { errorOf } from '../../support/errors.js';

const SLACK = 'https://hooks.slack.com/services/T000/B000/XXXXSECRET';
const notice: Notice = {
  kind: 'rolled-back',
  action: 'blue-green promote',
  app: 'alc-algo',
  version: 'v1-4-0',
  revision: 'alc-algo--v1-4-0',
  what: 'The watch failed: <!channel> p95 & errors > 1%',
  runUrl: 'https://github.com/firm/alc/actions/runs/42',
};

describe('notifyFormatOf', () => {
  it.each([
    ['https://hooks.slack.com/services/a/b/c', '', 'slack'],
    ['https://hooks.slack-gov.com/services/a/b/c', '', 'slack'],
    ['https://firm.webhook.office.com/webhookb2/x/IncomingWebhook/y/z', '', 'teams'],
    [
      'https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke',
      '',
      'teams',
    ],
    ['https://default1.environment.api.powerplatform.com/powerautomate/automations/x', '', 'teams'],
    ['https://relay.firm.example/hook', '', undefined],
    ['https://relay.firm.example/hook', 'teams', 'teams'],
    ['https://hooks.slack.com/services/a/b/c', 'teams', 'teams'],
  ])('%s with notify-format %j -> %s', (url, format, expected) => {
    expect(notifyFormatOf(new URL(url), format)).toBe(expected);
  });
});

describe('parseNotify', () => {
  it('empty is no notifications; the URL is masked before anything else', () => {
    const masked: string[] = [];
    expect(parseNotify('', '', (s) => masked.push(s))).toBeUndefined();
    expect(masked).toEqual([]);
    expect(parseNotify(` ${SLACK} `, '', (s) => masked.push(s))).toEqual({ url: SLACK, format: 'slack' });
    expect(masked).toEqual([SLACK]);
  });

  it.each([
    ['not a url SECRET', '', 'notify'],
    ['ftp://hooks.slack.com/SECRET', '', 'notify'],
    ['https://relay.example/SECRET', '', 'notify-format'],
    [SLACK, 'discord', 'notify-format'],
  ])('%s (%s) is refused naming %s, never the URL', (raw, format, input) => {
    const e = errorOf(InputError, () => parseNotify(raw, format));
    expect(e.input).toBe(input);
    expect(e.message).not.toContain('SECRET');
  });
});

describe('payloads', () => {
  it("Slack: {text, blocks} with a header, the facts, the escaped text and the run's link", () => {
    const p = slackPayload(notice) as { text: string; blocks: Array<Record<string, unknown>> };
    expect(p.text).toContain('alc-algo v1-4-0 rolled back automatically');
    expect(p.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(JSON.stringify(p.blocks[1])).toContain('*Revision*\\nalc-algo--v1-4-0');
    expect((p.blocks[2].text as { text: string }).text).toBe(
      'The watch failed: &lt;!channel&gt; p95 &amp; errors &gt; 1%',
    );
    expect(JSON.stringify(p.blocks[3])).toContain('<https://github.com/firm/alc/actions/runs/42|');
  });

  it('Teams: a message with one Adaptive Card attachment (facts, text, an OpenUrl action)', () => {
    const p = teamsPayload(notice) as {
      type: string;
      attachments: Array<{ contentType: string; contentUrl: null; content: Record<string, unknown> }>;
    };
    expect(p.type).toBe('message');
    expect(p.attachments).toHaveLength(1);
    expect(p.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = p.attachments[0].content as {
      type: string;
      version: string;
      body: unknown[];
      actions: unknown[];
    };
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.4');
    expect(card.body).toContainEqual({
      type: 'FactSet',
      facts: expect.arrayContaining([{ title: 'Version', value: 'v1-4-0' }]),
    });
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'The run on GitHub', url: notice.runUrl },
    ]);
  });

  it.each([
    ['released', '✅'],
    ['failed', '❌'],
    ['aborted', '⏹️'],
  ] as const)('%s titles carry %s', (kind, emoji) => {
    expect(noticeTitle({ ...notice, kind })).toMatch(new RegExp(`^${emoji}`, 'u'));
    expect(notificationPayload('slack', { ...notice, kind })).toEqual(slackPayload({ ...notice, kind }));
  });

  it('a very long error is cut to what Slack accepts in a section', () => {
    const p = slackPayload({ ...notice, what: 'x'.repeat(10_000) }) as {
      blocks: Array<{ text?: { text: string } }>;
    };
    expect(p.blocks[2].text!.text.length).toBeLessThanOrEqual(2900);
  });

  it('slackEscape escapes &, < and >', () => {
    expect(slackEscape('<a&b>')).toBe('&lt;a&amp;b&gt;');
  });
});

describe('runUrlOf', () => {
  it.each([
    [
      { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '7' },
      'https://github.com/o/r/actions/runs/7',
    ],
    [{ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '7' }, undefined],
  ])('%j -> %s', (env, url) => expect(runUrlOf(env)).toBe(url));
});
