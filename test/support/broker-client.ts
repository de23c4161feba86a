// A raw client of the broker stand-in (sim/broker.ts) for tests: newline-delimited JSON over TCP, one answer line
// per request. No jest import here (bench/ may use it too).
import * as net from 'node:net';

export type BrokerAnswer = Record<string, unknown> & { ok: boolean; code?: number; message?: string };

export class BrokerClient {
  private buffer = '';
  private readonly lines: string[] = [];
  private waiting?: { resolve: (line: string) => void; reject: (e: Error) => void };
  /** Resolves when the broker (or anyone) closed the connection. */
  readonly closed: Promise<void>;
  isClosed = false;

  private constructor(readonly socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      this.buffer += d;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, nl));
        this.buffer = this.buffer.slice(nl + 1);
      }
      this.flush();
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.isClosed = true;
        this.waiting?.reject(new Error('the broker closed the connection'));
        this.waiting = undefined;
        resolve();
      }),
    );
  }

  static connect(host: string, port: number): Promise<BrokerClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port }, () => {
        socket.off('error', reject);
        resolve(new BrokerClient(socket));
      });
      socket.once('error', reject);
    });
  }

  private flush(): void {
    if (this.waiting && this.lines.length > 0) {
      const w = this.waiting;
      this.waiting = undefined;
      w.resolve(this.lines.shift() as string);
    }
  }

  /** Writes one line: an object as JSON, a string as it is (a newline is added). */
  write(message: unknown): void {
    this.socket.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
  }

  /** The next answer line, parsed. */
  next(timeoutMs = 5000): Promise<BrokerAnswer> {
    return new Promise<string>((resolve, reject) => {
      if (this.lines.length > 0) return resolve(this.lines.shift() as string);
      if (this.isClosed) return reject(new Error('the broker closed the connection'));
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new Error(`no answer from the broker within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = {
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    }).then((line) => JSON.parse(line) as BrokerAnswer);
  }

  /** Writes a request and returns its answer. */
  async ask(message: unknown): Promise<BrokerAnswer> {
    this.write(message);
    return this.next();
  }

  hello(clientId: number, replica = 'app--a-1', epoch = 1): Promise<BrokerAnswer> {
    const revision = replica.includes('-') ? replica.slice(0, replica.lastIndexOf('-')) : replica;
    return this.ask({ op: 'hello', clientId, revision, replica, epoch });
  }

  /** Closes the connection from this side and waits until it is closed. */
  async close(): Promise<void> {
    this.socket.end();
    await this.closed;
  }
}
