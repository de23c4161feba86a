// A stand-in for GitHub's REST API as the project's reports use it, a real local HTTP server: issue comments (list
// with Link pagination, create, update), deployments (create, list by environment, newest first), deployment
// statuses (create, list) and GET /user. A token listed in `users` reads its login from GET /user; any other token
// is a GITHUB_TOKEN (GET /user answers 403, its comments are github-actions[bot]'s), as GitHub does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: string };
  edits: number;
}

export interface StandInDeployment {
  id: number;
  ref: string;
  environment: string;
  description: string;
  payload: Record<string, unknown>;
  transient_environment: boolean;
  production_environment: boolean;
  statuses: Array<{ id: number; state: string; environment_url?: string; log_url?: string }>;
}

export interface GitHubApiStandIn {
  url: string;
  repository: string;
  comments: StandInComment[];
  deployments: StandInDeployment[];
  /** Every request, as `METHOD /path?query`. */
  requests: string[];
  /** Answer every request with this status (an outage), when set. */
  failWith?: number;
  /** Adds a comment as `login` (a Bot when it ends in [bot]). */
  addComment(issue: number, body: string, login: string): StandInComment;
  close(): Promise<void>;
}

export const STAND_IN_BOT = 'github-actions[bot]';

export async function startGitHubApi(
  o: { repository?: string; users?: Record<string, string> } = {},
): Promise<GitHubApiStandIn> {
  const repository = o.repository ?? 'alc-algo/alc-algo';
  let next = 1;
  const state: GitHubApiStandIn = {
    url: '',
    repository,
    comments: [],
    deployments: [],
    requests: [],
    addComment(issue, body, login) {
      const c = {
        id: next++,
        issue,
        body,
        user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
        edits: 0,
      };
      state.comments.push(c);
      return c;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
  const prefix = `/repos/${repository}`;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', state.url);
    state.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (state.failWith) return send(state.failWith, { message: 'stand-in outage' });
    const token = (req.headers.authorization ?? '').replace(/^(token|bearer) /i, '');
    if (!token) return send(401, { message: 'Requires authentication' });
    const login = o.users?.[token] ?? STAND_IN_BOT;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length
      ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
      : {};
    const path = url.pathname;
    const page = <T>(items: T[]) => {
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
      const n = Number(url.searchParams.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(items.length / perPage));
      const link = (p: number, rel: string) => {
        const u = new URL(url);
        u.searchParams.set('page', String(p));
        return `<${u.href}>; rel="${rel}"`;
      };
      const links = [
        ...(n < last ? [link(n + 1, 'next'), link(last, 'last')] : []),
        ...(n > 1 ? [link(1, 'first')] : []),
      ];
      send(200, items.slice((n - 1) * perPage, n * perPage), links.length ? { link: links.join(', ') } : {});
    };

    if (req.method === 'GET' && path === '/user') {
      if (!o.users?.[token]) return send(403, { message: 'Resource not accessible by integration' });
      return send(200, { login, type: 'User' });
    }
    if (!path.startsWith(`${prefix}/`)) return send(404, { message: 'Not Found' });
    const rest = path.slice(prefix.length);
    let m: RegExpMatchArray | null;
    if ((m = rest.match(/^\/issues\/(\d+)\/comments$/))) {
      const issue = Number(m[1]);
      if (req.method === 'GET') return page(state.comments.filter((c) => c.issue === issue));
      if (req.method === 'POST') {
        if (typeof body.body !== 'string') return send(422, { message: 'body is required' });
        return send(201, state.addComment(issue, body.body, login));
      }
    }
    if ((m = rest.match(/^\/issues\/comments\/(\d+)$/)) && req.method === 'PATCH') {
      const c = state.comments.find((x) => x.id === Number(m![1]));
      if (!c) return send(404, { message: 'Not Found' });
      if (c.user.login !== login) return send(403, { message: 'Resource not accessible by integration' });
      c.body = String(body.body);
      c.edits++;
      return send(200, c);
    }
    if (rest === '/deployments') {
      if (req.method === 'GET') {
        const env = url.searchParams.get('environment');
        return page(
          state.deployments
            .filter((d) => env === null || d.environment === env)
            .slice()
            .reverse()
            .map(({ statuses: _statuses, ...d }) => d),
        );
      }
      if (req.method === 'POST') {
        if (typeof body.ref !== 'string' || !body.ref) return send(422, { message: 'ref is required' });
        const d: StandInDeployment = {
          id: next++,
          ref: body.ref,
          environment: String(body.environment ?? 'production'),
          description: String(body.description ?? ''),
          payload: (body.payload as Record<string, unknown>) ?? {},
          transient_environment: body.transient_environment === true,
          production_environment: body.production_environment === true,
          statuses: [],
        };
        state.deployments.push(d);
        const { statuses: _statuses, ...shown } = d;
        return send(201, shown);
      }
    }
    if ((m = rest.match(/^\/deployments\/(\d+)\/statuses$/))) {
      const d = state.deployments.find((x) => x.id === Number(m![1]));
      if (!d) return send(404, { message: 'Not Found' });
      if (req.method === 'GET') return page(d.statuses.slice().reverse());
      if (req.method === 'POST') {
        const states = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'];
        if (!states.includes(String(body.state)))
          return send(422, { message: `state ${String(body.state)}` });
        const s = {
          id: next++,
          state: String(body.state),
          ...(body.environment_url ? { environment_url: String(body.environment_url) } : {}),
          ...(body.log_url ? { log_url: String(body.log_url) } : {}),
        };
        d.statuses.push(s);
        return send(201, s);
      }
    }
    send(404, { message: 'Not Found' });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
