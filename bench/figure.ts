// The one line per figure every bench prints beside its own output, for bench/run.ts's table:
//   BENCH {"operation":"...","figure":N,"unit":"s","floor":N,"ratio":N,"goal":"<= 1.3x"}
// floor: what the operation cannot go below (the wait it must do, the bare runtime's cost), when there is one;
// ratio: figure / floor. goal: "<= N x" (on the ratio) or "<= N <unit>" (on the figure), or none.

export const BENCH_PREFIX = 'BENCH ';

export interface BenchFigure {
  operation: string;
  figure: number;
  unit: string;
  floor?: number;
  ratio?: number;
  goal?: string;
}

const round = (x: number) => Number(x.toPrecision(4));

/** Prints the BENCH line of one figure (the ratio computed from the floor). */
export function benchFigure(f: Omit<BenchFigure, 'ratio'>): void {
  const line: BenchFigure = { operation: f.operation, figure: round(f.figure), unit: f.unit };
  if (f.floor !== undefined) {
    line.floor = round(f.floor);
    line.ratio = round(f.figure / f.floor);
  }
  if (f.goal) line.goal = f.goal;
  console.log(`${BENCH_PREFIX}${JSON.stringify(line)}`);
}

/** The BENCH figures in a bench's output. */
export function parseBenchLines(output: string): BenchFigure[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith(BENCH_PREFIX))
    .map((l) => JSON.parse(l.slice(BENCH_PREFIX.length)) as BenchFigure);
}

/** Whether a figure meets its goal: true, false, or undefined (no goal, or one this cannot read). */
export function meetsGoal(f: BenchFigure): boolean | undefined {
  const m = /^\s*(<=|<|>=|>)\s*([\d.]+)\s*(x|\S*)\s*$/.exec(f.goal ?? '');
  if (!m) return undefined;
  const value = m[3] === 'x' ? f.ratio : f.figure;
  if (value === undefined || !Number.isFinite(value)) return false;
  const bound = Number(m[2]);
  return m[1] === '<='
    ? value <= bound
    : m[1] === '<'
      ? value < bound
      : m[1] === '>='
        ? value >= bound
        : value > bound;
}
