// Fault injection: rules matched per request (method + path RegExp), each applying to a number of
// matching requests. Latency adds up; the first status or reset rule decides the answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultRule } from '../types.js';
import { sendJson } from '../http.js';

interface ActiveRule {
  id: number;
  rule: FaultRule;
  regex: RegExp;
  remaining: number;
  hits: number;
}

const STATUS_CODES: Record<number, string> = {
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export function checkRule(rule: FaultRule): string | undefined {
  if (!['status', 'latency', 'reset', 'lro-fail'].includes(rule.kind))
    return `unknown kind '${String(rule.kind)}'`;
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
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0))
    return 'times must be a whole number > 0';
  return undefined;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  add(rule: FaultRule): number {
    const problem = checkRule(rule);
    if (problem) throw new Error(`invalid fault rule: ${problem}`);
    const id = this.nextId++;
    this.rules.push({ id, rule, regex: new RegExp(rule.path), remaining: rule.times ?? Infinity, hits: 0 });
    return id;
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): Array<FaultRule & { id: number; hits: number; remaining: number | null }> {
    return this.rules.map((r) => ({
      ...r.rule,
      id: r.id,
      hits: r.hits,
      remaining: Number.isFinite(r.remaining) ? r.remaining : null,
    }));
  }

  /** Takes (consumes) the rules of the given kinds matching this request. */
  take(method: string, path: string, kinds: FaultRule['kind'][]): FaultRule[] {
    const hits = this.rules.filter(
      (r) =>
        kinds.includes(r.rule.kind) &&
        r.remaining > 0 &&
        (r.rule.method === '*' || r.rule.method.toUpperCase() === method) &&
        r.regex.test(path),
    );
    for (const r of hits) {
      r.remaining -= 1;
      r.hits += 1;
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return hits.map((r) => r.rule);
  }

  /** Applies latency, status and reset faults to a request. Returns true when the request was answered. */
  async apply(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const method = (req.method ?? 'GET').toUpperCase();
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
