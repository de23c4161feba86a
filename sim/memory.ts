// Memory of the revisions' replicas over time, for the container app metrics WorkingSetBytes and
// MemoryPercentage: Docker's stats of the running containers, sampled every few seconds once a query asked for
// memory (a simulator nobody asks pays nothing), kept for the metrics' retention.
import type { MemorySample } from './metrics.js';

/** A template's `memory` (ACA: `0.5Gi`, `4Gi`, `512Mi`) in bytes; undefined when unreadable. Pure. */
export function memoryBytes(raw: unknown): number | undefined {
  const m = /^\s*([\d.]+)\s*(Ki|Mi|Gi|Ti|K|M|G|T)?\s*$/.exec(String(raw ?? ''));
  if (!m) return undefined;
  const unit = m[2] ?? '';
  const power = { '': 0, K: 1, M: 2, G: 3, T: 4 }[unit[0] ?? ''] ?? 0;
  return Number(m[1]) * (unit.endsWith('i') ? 1024 : 1000) ** power;
}

export interface MemorySamplerOptions {
  /** Memory in use of every running replica now. */
  read: () => Promise<Array<{ revision: string; replica: string; bytes: number }>>;
  /** The template memory of a revision, bytes (ACA's default 0.5Gi when unknown). */
  limit: (revision: string) => number | undefined;
  everyMs?: number;
  retentionMs?: number;
  now?: () => number;
}

export class MemorySampler {
  private readonly samples: MemorySample[] = [];
  private timer?: NodeJS.Timeout;
  private sampling?: Promise<void>;
  constructor(private readonly o: MemorySamplerOptions) {}

  /** Starts sampling (once) and takes a sample now. */
  async start(): Promise<void> {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sample(), this.o.everyMs ?? 2000);
    this.timer.unref();
    await this.sample();
  }

  /** The samples taken in [start, end). */
  between(start: number, end: number): MemorySample[] {
    return this.samples.filter((s) => s.at >= start && s.at < end);
  }

  async sample(): Promise<void> {
    if (this.sampling) return this.sampling;
    this.sampling = (async () => {
      const at = (this.o.now ?? Date.now)();
      const read = await this.o.read().catch(() => []);
      for (const r of read)
        this.samples.push({ at, ...r, limitBytes: this.o.limit(r.revision) ?? 0.5 * 1024 ** 3 });
      const oldest = at - (this.o.retentionMs ?? 2 * 3_600_000);
      const cut = this.samples.findIndex((s) => s.at >= oldest);
      if (cut > 0) this.samples.splice(0, cut);
    })().finally(() => (this.sampling = undefined));
    return this.sampling;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
