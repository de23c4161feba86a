// Sends one notification: a POST of the payload, bounded in time. A failed notification never fails the release:
// it resolves to a warning (naming the webhook's host only; the URL is a secret), or undefined when delivered.
import { notificationPayload, type Notice, type NotifySetting } from './message.js';

export const NOTIFY_TIMEOUT_MS = 10_000;

export async function sendNotification(
  setting: NotifySetting,
  notice: Notice,
  { timeoutMs = NOTIFY_TIMEOUT_MS, fetchImpl = fetch }: { timeoutMs?: number; fetchImpl?: typeof fetch } = {},
): Promise<string | undefined> {
  const host = hostOf(setting.url);
  const redact = (s: string) => s.split(setting.url).join('***');
  try {
    const response = await fetchImpl(setting.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(notificationPayload(setting.format, notice)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drain the body so that the connection is released.
    await response.text().catch(() => '');
    if (response.ok) return undefined;
    return `The ${setting.format} notification to ${host} was refused (HTTP ${response.status}); the release is not affected`;
  } catch (error) {
    const e = error as Error & { cause?: { message?: string; code?: string } };
    const why =
      e.name === 'TimeoutError' || e.name === 'AbortError'
        ? `no answer within ${timeoutMs / 1000}s`
        : redact([e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(': '));
    return `The ${setting.format} notification to ${host} failed (${why}); the release is not affected`;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the webhook';
  }
}
