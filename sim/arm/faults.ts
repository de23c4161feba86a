// Fault injection: rules matched per request (service + method + path RegExp), each applying to a number of
// matching requests after skipping some, or for a while. Latency adds up; the first status or reset rule decides the
// answer; a kill rule lets the request be served and holds its answer until the caller has killed its client. One
// injector serves the control plane (service 'arm', the default) and the storage proxy (service 'storage').
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultRule } from '../types.js';
import { sendJson } from '../http.js';

interface ActiveRule {
  id: number;
  rule: FaultRule;
  regex: RegExp;
  remaining: number;
  /** Matching requests still to let through before the rule applies. */
  skip: number;
  hits: number;
  /** Date.now() after which the rule is gone (durationMs), or Infinity. */
  until: number;
}

export type FaultService = NonNullable<FaultRule['service']>;

const STATUS_CODES: Record<number, string> = {
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** A rule with its defaults: 'unreachable' matches every request unless told otherwise. */
export function normalizeRule(rule: FaultRule): FaultRule {
  if (rule.kind !== 'unreachable') return rule;
  return { ...rule, method: rule.method ?? '*', path: rule.path ?? '' };
}

export function checkRule(rule: FaultRule): string | undefined {
  if (!['status', 'latency', 'reset', 'lro-fail', 'kill', 'unreachable'].includes(rule.kind))
    return `unknown kind '${String(rule.kind)}'`;
  if (rule.service !== undefined && rule.service !== 'arm' && rule.service !== 'storage')
    return `unknown service '${String(rule.service)}' (allowed: arm, storage)`;
  if (rule.kind === 'unreachable' && rule.service !== 'storage')
    return "an unreachable fault applies to service 'storage' only";
  if (rule.kind === 'lro-fail' && rule.service === 'storage') return 'lro-fail applies to ARM only';
  if (typeof rule.method !== 'string' || typeof rule.path !== 'string') return 'method and path are required';
  try {
    new RegExp(rule.path);
  } catch {
    return `path '${rule.path}' is not a valid RegExp`;
  }
  if (
    rule.kind === 'status' &&
    !(Number.isInteger(rule.status) && Number(rule.status) >= 400 && Number(rule.status) <= 599)
  ) {
    return 'a status fault needs status 400-599';
  }
  if (rule.kind === 'latency' && !(Number(rule.latencyMs) > 0)) return 'a latency fault needs latencyMs > 0';
  if (rule.kind === 'kill' && typeof rule.kill !== 'function')
    return 'a kill fault needs a kill callback (in-process rules only)';
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0))
    return 'times must be a whole number > 0';
  if (rule.skip !== undefined && !(Number.isInteger(rule.skip) && rule.skip >= 0))
    return 'skip must be a whole number >= 0';
  if (rule.durationMs !== undefined && !(Number(rule.durationMs) > 0)) return 'durationMs must be > 0';
  return undefined;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  /** Called when a rule is added (the storage proxy drops open connections for 'unreachable'). */
  onAdd?: (rule: FaultRule) => void;

  add(input: FaultRule): number {
    const rule = normalizeRule(input);
    const problem = checkRule(rule);
    if (problem) throw new Error(`invalid fault rule: ${problem}`);
    const id = this.nextId++;
    this.rules.push({
      id,
      rule,
      regex: new RegExp(rule.path),
      remaining: rule.times ?? Infinity,
      skip: rule.skip ?? 0,
      hits: 0,
      until: rule.durationMs !== undefined ? Date.now() + rule.durationMs : Infinity,
    });
    this.onAdd?.(rule);
    return id;
  }

  /** Whether a rule of this kind for this service is in force now (no request consumed). */
  active(service: FaultService, kind: FaultRule['kind']): boolean {
    this.expire();
    return this.rules.some((r) => r.rule.kind === kind && (r.rule.service ?? 'arm') === service);
  }

  private expire(): void {
    const now = Date.now();
    if (this.rules.some((r) => r.until <= now)) this.rules = this.rules.filter((r) => r.until > now);
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  /** Removes every rule, or those of one service. */
  clear(service?: FaultService): void {
    this.rules = service ? this.rules.filter((r) => (r.rule.service ?? 'arm') !== service) : [];
  }

  list(
    service?: FaultService,
  ): Array<Omit<FaultRule, 'kill'> & { id: number; hits: number; remaining: number | null }> {
    this.expire();
    const rules = service ? this.rules.filter((r) => (r.rule.service ?? 'arm') === service) : this.rules;
    return rules.map(({ rule: { kill: _kill, ...rule }, ...r }) => ({
      ...rule,
      id: r.id,
      hits: r.hits,
      remaining: Number.isFinite(r.remaining) ? r.remaining : null,
    }));
  }

  /** Takes (consumes) the rules of the given kinds matching this request, once each has skipped its `skip`. */
  take(method: string, path: string, kinds: FaultRule['kind'][], service: FaultService = 'arm'): FaultRule[] {
    this.expire();
    const matching = this.rules.filter(
      (r) =>
        kinds.includes(r.rule.kind) &&
        (r.rule.service ?? 'arm') === service &&
        r.remaining > 0 &&
        (r.rule.method === '*' || r.rule.method.toUpperCase() === method) &&
        r.regex.test(path),
    );
    const hits = matching.filter((r) => r.skip === 0);
    for (const r of matching) if (r.skip > 0) r.skip -= 1;
    for (const r of hits) {
      r.remaining -= 1;
      r.hits += 1;
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return hits.map((r) => r.rule);
  }

  /**
   * Applies latency, status and reset faults to a request. Returns true when the request was answered. A kill
   * rule holds the answer the route gives later (everything is sent at `end`) until its callback has run.
   */
  async apply(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const method = (req.method ?? 'GET').toUpperCase();
    const kills = this.take(method, path, ['kill']);
    if (kills.length > 0) holdAnswer(res, () => Promise.all(kills.map((k) => k.kill?.())));
    const latency = this.take(method, path, ['latency']).reduce((s, r) => s + (r.latencyMs ?? 0), 0);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    const [fault] = this.take(method, path, ['status', 'reset']);
    if (!fault) return false;
    if (fault.kind === 'reset') {
      // A TCP RST where the socket allows it (plain TCP), else an abrupt close without a TLS close_notify.
      try {
        req.socket.resetAndDestroy();
      } catch {
        req.socket.destroy();
      }
      return true;
    }
    const status = fault.status ?? 500;
    const headers: Record<string, string> = {};
    if (status === 429 || fault.retryAfter !== undefined)
      headers['retry-after'] = String(fault.retryAfter ?? 1);
    const code = STATUS_CODES[status] ?? 'InjectedFault';
    sendJson(
      res,
      status,
      { error: { code, message: `Injected fault: ${status} ${code} for ${method} ${path}.` } },
      headers,
    );
    return true;
  }
}

/** Defers the answer's bytes (headers go out with the first write or `end`) until `first` has settled. */
function holdAnswer(res: ServerResponse, first: () => Promise<unknown>): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    void first()
      .catch(() => undefined)
      .finally(() => end(...args));
    return res;
  }) as ServerResponse['end'];
}
