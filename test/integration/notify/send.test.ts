// Notifications against real local HTTP servers: the payload each format sends, and that a webhook answering 500,
// or not at all within the bound, is a warning naming the host only (never the secret URL), not a failure.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendNotification } from '../../../src/notify/send.js';
import { parseNotify, type Notice } from '../../../src/notify/message.js';
import { reportChange, type ChangeReport } from '../../../src/core/change-control.js';

interface Received {
  path: string;
  contentType: string | undefined;
  body: unknown;
}

let server: Server;
let base: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url?.startsWith('/hang')) return; // never answers
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({
        path: req.url ?? '',
        contentType: req.headers['content-type'],
        body: JSON.parse(text),
      });
      res.statusCode = req.url?.startsWith('/broken') ? 500 : 200;
      res.end(req.url?.startsWith('/broken') ? 'internal error' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const notice: Notice = {
  kind: 'released',
  action: 'blue-green promote',
  app: 'alc-algo',
  version: 'v1-4-0',
  revision: 'alc-algo--v1-4-0',
  what: 'promote of alc-algo done',
  runUrl: 'https://github.com/firm/alc/actions/runs/42',
};

describe('sendNotification', () => {
  it("posts Slack's {text, blocks} as JSON", async () => {
    const url = `${base}/slack/services/T0/B0/SECRET-S`;
    expect(await sendNotification(parseNotify(url, 'slack')!, notice)).toBeUndefined();
    const got = received.find((r) => r.path.startsWith('/slack'))!;
    expect(got.contentType).toBe('application/json');
    const body = got.body as { text: string; blocks: Array<{ type: string }> };
    expect(body.text).toContain('alc-algo v1-4-0 released');
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
  });

  it('posts a Teams message with an Adaptive Card attachment', async () => {
    const url = `${base}/teams/workflows/SECRET-T`;
    expect(await sendNotification(parseNotify(url, 'teams')!, notice)).toBeUndefined();
    const body = received.find((r) => r.path.startsWith('/teams'))!.body as {
      type: string;
      attachments: Array<{ contentType: string; content: { type: string; body: Array<{ type: string }> } }>;
    };
    expect(body.type).toBe('message');
    expect(body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0].content.type).toBe('AdaptiveCard');
    expect(body.attachments[0].content.body.map((b) => b.type)).toEqual([
      'TextBlock',
      'FactSet',
      'TextBlock',
    ]);
  });

  it('a 500 is a warning naming the host, not the URL', async () => {
    const url = `${base}/broken/SECRET-B`;
    const warning = await sendNotification(parseNotify(url, 'slack')!, notice);
    expect(warning).toMatch(/refused \(HTTP 500\); the release is not affected/);
    expect(warning).toContain(new URL(base).host);
    expect(warning).not.toContain('SECRET');
  });

  it('no answer within the bound is a warning after that bound', async () => {
    const started = Date.now();
    const warning = await sendNotification(parseNotify(`${base}/hang/SECRET-H`, 'teams')!, notice, {
      timeoutMs: 500,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(warning).toMatch(/no answer within 0.5s/);
    expect(warning).not.toContain('SECRET');
  });

  it('a port nobody listens on is a warning without the URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const warning = await sendNotification(
      parseNotify(`http://127.0.0.1:${port}/SECRET-C`, 'slack')!,
      notice,
    );
    expect(warning).toMatch(/failed \(.*\); the release is not affected/);
    expect(warning).not.toContain('SECRET');
  });
});

describe('reportChange with a notify webhook', () => {
  const report: ChangeReport = {
    app: 'alc-algo',
    action: 'blue-green promote',
    change: 'promote',
    outcome: 'rolled-back',
    notice: 'rolled-back',
    changed: true,
    target: 'green',
    what: 'The watch failed and rolled the release back',
    reason: 'p95 above 300 ms',
    window: 'allowed',
  };
  const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'firm/alc', GITHUB_RUN_ID: '77' };

  it("sends the run's URL; the webhook's URL appears in no log line", async () => {
    const url = `${base}/slack/rb/SECRET-R`;
    const lines: string[] = [];
    const warnings = await reportChange({ notify: parseNotify(url, 'slack') }, report, {
      info: (l) => lines.push(l),
      warning: (l) => lines.push(l),
      env,
    });
    expect(warnings).toEqual([]);
    expect(lines).toEqual(['notify: slack message sent (rolled-back)']);
    const body = received.find((r) => r.path === '/slack/rb/SECRET-R')!.body as { text: string };
    expect(body.text).toContain('rolled back automatically');
    expect(JSON.stringify(body)).toContain('https://github.com/firm/alc/actions/runs/77');
  });

  it('a failing webhook is a warning; nothing throws; no log line holds the URL', async () => {
    const lines: string[] = [];
    const url = `${base}/broken/SECRET-W`;
    const warnings = await reportChange({ notify: parseNotify(url, 'teams') }, report, {
      info: (l) => lines.push(l),
      warning: (l) => lines.push(l),
      env,
      notifyTimeoutMs: 2_000,
    });
    expect(warnings).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('SECRET');
    const sent = received.filter((r) => r.path === '/broken/SECRET-W');
    expect(JSON.stringify(sent[0].body)).toContain('https://github.com/firm/alc/actions/runs/77');
  });
});
