// Runs every bench (each bench/*.ts but this runner and its helpers) in turn, as its own child process with this
// environment (DOCKER_HOST included), its output passed through; then prints one table of the BENCH lines they
// printed (bench/figure.ts). A bench that fails or prints no BENCH line shows as a failed row, and the run then
// exits 1 once every bench has run.
// Run: npm run bench [-- name ...]   (names without .ts: only those benches, e.g. `npm run bench -- startup`)
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type BenchFigure, meetsGoal, parseBenchLines } from './figure.js';

const HELPERS = new Set(['run', 'figure']);
const dir = import.meta.dirname;
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .filter((name) => !HELPERS.has(name))
  .sort();
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`bench: no bench named ${unknown.join(', ')} (there are: ${all.join(', ')})`);
  process.exit(2);
}
const names = asked.length ? asked : all;

function runBench(name: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(dir, `${name}.ts`)], {
      env: process.env,
      cwd: join(dir, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      process.stdout.write(d);
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

interface Row extends Partial<BenchFigure> {
  bench: string;
  failed?: string;
}

const rows: Row[] = [];
for (const name of names) {
  console.log(`\n=== bench/${name}.ts`);
  const t0 = performance.now();
  const { status, output } = await runBench(name).catch((e: unknown) => ({
    status: null,
    output: String(e),
  }));
  const figures = parseBenchLines(output);
  for (const f of figures) rows.push({ bench: name, ...f });
  if (status !== 0 || figures.length === 0)
    rows.push({
      bench: name,
      failed: status !== 0 ? `failed (exit ${status ?? 'signal'})` : 'printed no BENCH line',
    });
  console.log(`=== bench/${name}.ts: exit ${status}, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

const cell = (x: number | undefined, unit = '') => (x === undefined ? '' : `${x}${unit}`);
const met = (r: Row) => {
  if (r.failed) return 'FAILED';
  const m = meetsGoal(r as BenchFigure);
  return m === undefined ? '' : m ? 'yes' : 'NO';
};
console.log('\n| bench | operation | figure | floor | ratio | goal | met |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.bench} | ${r.failed ?? r.operation} | ${cell(r.figure, ` ${r.unit}`)} | ${cell(r.floor, ` ${r.unit}`)} | ${cell(r.ratio, 'x')} | ${r.goal ?? ''} | ${met(r)} |`,
  );
if (rows.some((r) => r.failed)) process.exitCode = 1;
