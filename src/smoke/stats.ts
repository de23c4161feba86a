// Pure numbers of a smoke run: percentiles, a latency histogram and the threshold decisions.

/** Nearest-rank percentile (p in 0..100) of values sorted ascending; NaN for no values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function summarize(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  const at = (p: number) => round2(percentile(sorted, p));
  return {
    count: sorted.length,
    min: round2(sorted[0] ?? NaN),
    mean: round2(sorted.length ? sum / sorted.length : NaN),
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: round2(sorted[sorted.length - 1] ?? NaN),
  };
}

/** The smallest 1-2-5 bucket width (…, 1, 2, 5, 10, 20, …) at least `raw`. */
export function niceWidth(raw: number): number {
  if (!(raw > 0)) return 1;
  const exp = 10 ** Math.floor(Math.log10(raw));
  const width = [1, 2, 5, 10].map((m) => m * exp).find((w) => w >= raw - 1e-9);
  return width ?? 10 * exp;
}

export interface Bucket {
  /** Inclusive lower edge, ms. */
  from: number;
  /** Exclusive upper edge, ms; Infinity for the overflow bucket. */
  to: number;
  count: number;
}

/**
 * Equal buckets with a 1-2-5 width from the smallest value up to the 99th percentile, and one overflow
 * bucket for the slow tail (timeouts would otherwise squash every other bar into one).
 */
export function histogram(latencies: readonly number[], maxBuckets = 10): Bucket[] {
  if (latencies.length === 0) return [];
  const sorted = [...latencies].sort((a, b) => a - b);
  const top = percentile(sorted, 99);
  const width = niceWidth((top - sorted[0]) / maxBuckets || 1);
  const start = Math.floor(sorted[0] / width) * width;
  const count = Math.max(1, Math.min(maxBuckets, Math.floor((top - start) / width) + 1));
  const buckets: Bucket[] = Array.from({ length: count }, (_, i) => ({
    from: start + i * width,
    to: start + (i + 1) * width,
    count: 0,
  }));
  const end = buckets[buckets.length - 1].to;
  const overflow: Bucket = { from: end, to: Infinity, count: 0 };
  for (const v of sorted) {
    if (v >= end) overflow.count += 1;
    else buckets[Math.min(count - 1, Math.floor((v - start) / width))].count += 1;
  }
  return overflow.count ? [...buckets, overflow] : buckets;
}

/** A text bar chart of the buckets, aligned for a monospace block. */
export function histogramChart(buckets: readonly Bucket[], width = 40): string {
  const most = Math.max(0, ...buckets.map((b) => b.count));
  const total = buckets.reduce((a, b) => a + b.count, 0);
  const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  const labels = buckets.map((b) =>
    b.to === Infinity ? `≥ ${fmt(b.from)} ms` : `${fmt(b.from)}–${fmt(b.to)} ms`,
  );
  const pad = Math.max(...labels.map((l) => l.length));
  return buckets
    .map((b, i) => {
      const eighths = most ? Math.round((b.count / most) * width * 8) : 0;
      const partial = eighths % 8 ? '▏▎▍▌▋▊▉'[(eighths % 8) - 1] : '';
      const bar = '█'.repeat(Math.floor(eighths / 8)) + partial;
      const share = total ? ` (${((b.count / total) * 100).toFixed(1)}%)` : '';
      return `${labels[i].padStart(pad)} │${bar} ${b.count}${share}`;
    })
    .join('\n');
}

export interface Thresholds {
  /** Highest acceptable error rate, 0..1. */
  maxErrorRate: number;
  /** Highest acceptable p95 latency, ms. */
  maxP95Ms: number;
}

export interface ThresholdResult {
  name: 'error-rate' | 'p95-ms';
  actual: number;
  limit: number;
  passed: boolean;
}

/** Error rate over the limit or p95 over the limit fails; no measured requests fails both. */
export function judgeThresholds(t: Thresholds, errorRate: number, p95: number): ThresholdResult[] {
  return [
    { name: 'error-rate', actual: errorRate, limit: t.maxErrorRate, passed: errorRate <= t.maxErrorRate },
    { name: 'p95-ms', actual: p95, limit: t.maxP95Ms, passed: p95 <= t.maxP95Ms },
  ];
}
