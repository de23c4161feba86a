// Long-running operations as ARM runs them: the write answers at once with Azure-AsyncOperation (and
// Location) headers; the status resource says InProgress until the work is done and the configured
// minimum time has passed, then Succeeded or Failed with the error envelope. While about a second or more of
// that minimum time remains, the write's answer and each InProgress status carry Retry-After (the seconds left,
// rounded), the hint ARM documents for when to poll next.
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../http.js';
import { ArmError } from './errors.js';
import { type Json, type Operation, type SimState, now } from './model.js';
import type { Reply } from './protocol.js';
import { operationView } from './views.js';

const KEEP = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface OperationsOptions {
  subscriptionId: string;
  state: () => SimState;
  changed: () => void;
  /** Minimum duration of an operation. */
  delayMs: number;
  /**
   * Which headers a write answers with: 'azure-async-operation' (default: Azure-AsyncOperation, and Location for
   * PATCH and DELETE, as api-version 2025-02-02-preview recordings show) or 'location' (Location only, as the
   * 2024-03-01 recordings of azure-cli-extensions' containerapp tests show for PUT and PATCH).
   */
  style?: 'azure-async-operation' | 'location';
  /** Registers background work (so that it can be awaited). */
  track: (p: Promise<unknown>) => void;
  /** True once the simulator stops: operations end without waiting. */
  closing: () => boolean;
  /** The resource's JSON for a finished operation's result (undefined once it is gone). */
  result: (resourceId: string) => Json | undefined;
}

export class Operations {
  constructor(private readonly o: OperationsOptions) {}

  /** Starts an operation: `work` runs in the background, `done` records its outcome on the resource. */
  start(
    kind: Operation['kind'],
    resourceId: string,
    location: string,
    work: () => Promise<void>,
    done: (error: Operation['error']) => void,
  ): Operation {
    const state = this.o.state();
    const op: Operation = {
      id: randomUUID(),
      kind,
      resourceId,
      location: location.toLowerCase().replace(/\s+/g, ''),
      status: 'InProgress',
      startTime: now(),
    };
    state.operations[op.id] = op;
    const ids = Object.keys(state.operations);
    for (const old of ids.slice(0, Math.max(0, ids.length - KEEP))) delete state.operations[old];
    this.o.changed();
    const started = Date.now();
    this.o.track(
      (async () => {
        let error: Operation['error'];
        try {
          await work();
        } catch (e) {
          error =
            e instanceof ArmError
              ? { code: e.code, message: e.message }
              : { code: 'InternalServerError', message: String(e) };
        }
        const wait = started + this.o.delayMs - Date.now();
        if (wait > 0 && !this.o.closing()) await sleep(wait);
        Object.assign(op, {
          status: error ? 'Failed' : 'Succeeded',
          endTime: now(),
          ...(error ? { error } : {}),
        });
        done(error);
        this.o.changed();
      })(),
    );
    return op;
  }

  /** Operations that were in flight when the simulator stopped end Failed. */
  interrupt(): void {
    for (const op of Object.values(this.o.state().operations)) {
      if (op.status !== 'InProgress') continue;
      Object.assign(op, {
        status: 'Failed',
        endTime: now(),
        error: { code: 'OperationInterrupted', message: 'The simulator stopped during the operation.' },
      });
    }
  }

  private url(ctx: RequestContext, op: Operation, view: 'Statuses' | 'Results'): string {
    const version = ctx.url.searchParams.get('api-version') ?? '';
    return `${ctx.origin}/subscriptions/${this.o.subscriptionId}/providers/Microsoft.App/locations/${op.location}/containerappOperation${view}/${op.id}?api-version=${version}`;
  }

  /** Retry-After: the seconds of the minimum duration still ahead, rounded, when that is at least one. */
  private retryAfter(op: Operation): Record<string, string> {
    if (op.status !== 'InProgress') return {};
    const left = Math.round((Date.parse(op.startTime) + this.o.delayMs - Date.now()) / 1000);
    return left >= 1 ? { 'retry-after': String(left) } : {};
  }

  /** Azure-AsyncOperation, and Location for PATCH and DELETE; or Location only (style 'location'). */
  headers(ctx: RequestContext, op: Operation, withLocation: boolean): Record<string, string> {
    if (this.o.style === 'location')
      return { location: this.url(ctx, op, 'Results'), ...this.retryAfter(op) };
    return {
      'azure-asyncoperation': this.url(ctx, op, 'Statuses'),
      ...(withLocation ? { location: this.url(ctx, op, 'Results') } : {}),
      ...this.retryAfter(op),
    };
  }

  /** GET of an operation's status (always 200) or result (202 while running, then the resource or the error). */
  answer(ctx: RequestContext, view: 'statuses' | 'results', id: string): Reply {
    const op = this.o.state().operations[id];
    if (!op) throw new ArmError(404, 'OperationNotFound', `The operation '${id}' was not found.`);
    if (ctx.method !== 'GET') throw new ArmError(405, 'MethodNotAllowed', 'Operations are read with GET.');
    if (view === 'statuses')
      return {
        status: 200,
        headers: this.retryAfter(op),
        body: operationView(new URL(this.url(ctx, op, 'Statuses')).pathname, op),
      };
    if (op.status === 'InProgress')
      return { status: 202, headers: { location: this.url(ctx, op, 'Results') } };
    if (op.status === 'Failed') return { status: 400, body: { error: op.error } };
    const resource = op.kind === 'delete' ? undefined : this.o.result(op.resourceId);
    return resource ? { status: 200, body: resource } : { status: 204 };
  }
}
