// Release notifications (DESIGN "Change control for a trading firm"): the webhook's format chosen by its URL (or
// `notify-format`), and the message of a change in Slack's and Microsoft Teams' incoming-webhook shapes. Pure.
//
// Slack (incoming webhook, hooks.slack.com): `{text, blocks}`; `text` is the notification's fallback, the blocks
// are Block Kit (a header, a mrkdwn section with fields, a context with the run link).
// Teams (Workflows "When a Teams webhook request is received", *.logic.azure.com / *.powerplatform.com, and the
// retiring Office 365 connector, *.webhook.office.com): `{type: "message", attachments: [{contentType:
// "application/vnd.microsoft.card.adaptive", contentUrl: null, content: <AdaptiveCard 1.4>}]}`, the shape both
// accept.
import { InputError } from '../core/inputs.js';

export type NotifyFormat = 'slack' | 'teams';
export const NOTIFY_FORMATS: readonly NotifyFormat[] = ['slack', 'teams'];

/** What happened, one word per kind of message. */
export type NoticeKind = 'released' | 'failed' | 'rolled-back' | 'aborted';

export interface Notice {
  kind: NoticeKind;
  /** The action and command, e.g. `blue-green promote`, `deploy-app`. */
  action: string;
  app: string;
  version?: string;
  revision?: string;
  /** What happened, one or a few sentences (the run's message or error). */
  what: string;
  runUrl?: string;
}

const SLACK_HOSTS = /^hooks\.slack(-gov)?\.com$/i;
const TEAMS_HOSTS = /(^|\.)(webhook\.office\.com|logic\.azure\.com|powerplatform\.com|powerautomate\.com)$/i;

/** The format of a webhook: the `notify-format` input when given, else by its host; undefined when unknown. */
export function notifyFormatOf(url: URL, explicit: string): NotifyFormat | undefined {
  const f = explicit.trim().toLowerCase();
  if (f !== '') return f as NotifyFormat;
  if (SLACK_HOSTS.test(url.hostname)) return 'slack';
  if (TEAMS_HOSTS.test(url.hostname) || /^outlook\.office(365)?\.com$/i.test(url.hostname)) return 'teams';
  return undefined;
}

export interface NotifySetting {
  url: string;
  format: NotifyFormat;
}

const NOTIFY_ALLOWED =
  'allowed: an https incoming-webhook URL (Slack: https://hooks.slack.com/services/..., Microsoft Teams: a ' +
  'Workflows or incoming-webhook URL), or empty for no notifications';

/**
 * The `notify` and `notify-format` inputs. The URL is a secret: `mask` hides it before any check, and errors name
 * the input, never the URL.
 */
export function parseNotify(
  raw: string,
  formatRaw: string,
  mask: (secret: string) => void = () => {},
): NotifySetting | undefined {
  const v = raw.trim();
  if (v !== '') mask(v);
  const format = formatRaw.trim().toLowerCase();
  if (format !== '' && !NOTIFY_FORMATS.includes(format as NotifyFormat))
    throw new InputError(
      'notify-format',
      formatRaw,
      `allowed: ${NOTIFY_FORMATS.join(', ')}, or empty (by the URL)`,
    );
  if (v === '') return undefined;
  const hidden = '***';
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new InputError('notify', hidden, `not a URL; ${NOTIFY_ALLOWED}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InputError('notify', hidden, `not an http(s) URL; ${NOTIFY_ALLOWED}`);
  const chosen = notifyFormatOf(url, format);
  if (!chosen)
    throw new InputError(
      'notify-format',
      formatRaw,
      `the notify URL's host ${url.hostname} is neither Slack's nor Microsoft Teams'; set notify-format: slack or teams`,
    );
  return { url: v, format: chosen };
}

const TITLES: Record<NoticeKind, string> = {
  released: 'released',
  failed: 'failed',
  'rolled-back': 'rolled back automatically',
  aborted: 'aborted',
};
const EMOJI: Record<NoticeKind, string> = {
  released: '✅',
  failed: '❌',
  'rolled-back': '↩️',
  aborted: '⏹️',
};

/** The one-line title of a notice. */
export function noticeTitle(n: Notice): string {
  return (
    `${EMOJI[n.kind]} ${n.app} ${n.version ?? n.revision ?? ''}`.trimEnd() +
    ` ${TITLES[n.kind]} (${n.action})`
  );
}

/** The facts every message shows, in order, empty ones left out. */
export function noticeFacts(n: Notice): Array<[string, string]> {
  const facts: Array<[string, string | undefined]> = [
    ['App', n.app],
    ['Version', n.version],
    ['Revision', n.revision],
    ['Action', n.action],
    ['Outcome', TITLES[n.kind]],
  ];
  return facts.filter((f): f is [string, string] => !!f[1]);
}

/** Slack treats &, < and > as markup (`<!channel>` pings a channel): the run's text is escaped. */
export const slackEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slack's limit for a section's text is 3000 characters; a long error is cut. */
const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function slackPayload(n: Notice): Record<string, unknown> {
  const title = noticeTitle(n);
  const blocks: Array<Record<string, unknown>> = [
    { type: 'header', text: { type: 'plain_text', text: cut(title, 150), emoji: true } },
    {
      type: 'section',
      fields: noticeFacts(n).map(([k, v]) => ({ type: 'mrkdwn', text: `*${k}*\n${slackEscape(v)}` })),
    },
    { type: 'section', text: { type: 'mrkdwn', text: cut(slackEscape(n.what), 2900) } },
  ];
  if (n.runUrl)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${n.runUrl}|The run on GitHub>` }] });
  return { text: `${title}: ${cut(n.what, 500)}`, blocks };
}

export function teamsPayload(n: Notice): Record<string, unknown> {
  const card: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      {
        type: 'TextBlock',
        text: noticeTitle(n),
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
        color: n.kind === 'released' ? 'Good' : 'Attention',
      },
      { type: 'FactSet', facts: noticeFacts(n).map(([title, value]) => ({ title, value })) },
      { type: 'TextBlock', text: cut(n.what, 2000), wrap: true },
    ],
    ...(n.runUrl ? { actions: [{ type: 'Action.OpenUrl', title: 'The run on GitHub', url: n.runUrl }] } : {}),
  };
  return {
    type: 'message',
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card },
    ],
  };
}

export function notificationPayload(format: NotifyFormat, n: Notice): Record<string, unknown> {
  return format === 'slack' ? slackPayload(n) : teamsPayload(n);
}

/** The run's URL from the runner's environment (GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID). */
export function runUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
  if (!server || !repo || !id) return undefined;
  return `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${id}`;
}
