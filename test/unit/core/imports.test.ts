// No import cycles in src/: every module's relative imports (type-only imports left out: the compiler erases them)
// form a graph without a loop, so every module loads after what it uses. A cycle fails the test, printed as
// `a.ts -> b.ts -> a.ts`. And leaves stay leaves: the Azure client reaches nothing above it, the revision rules
// nothing effectful, the revision lifecycle no feature (a broken rule prints the import path).
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve('src');

type Graph = ReadonlyMap<string, readonly string[]>;

/** Every .ts file under `dir`, relative to it. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/**
 * The relative modules a source loads: `import ... from`, `import '...'`, `export ... from`; not `import type`,
 * `export type`, nor an import whose every name is `type` (all erased).
 */
function runtimeImports(source: string): string[] {
  const out: string[] = [];
  const statement =
    /^\s*(import|export)\s+([^;]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(statement)) {
    const [, , clause = '', from, bare] = m;
    const target = from ?? bare;
    if (!target.startsWith('.')) continue;
    if (/^type\s/.test(clause)) continue;
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
    if (names !== undefined) {
      const list = names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      if (list.length > 0 && list.every((n) => n.startsWith('type '))) continue;
    }
    out.push(target);
  }
  return out;
}

/** The import graph of src/: file -> the files it loads (relative to src, `.js` resolved to `.ts`). */
function srcGraph(): Graph {
  const files = new Set(sourceFiles(SRC));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = runtimeImports(readFileSync(join(SRC, file), 'utf8')).map((spec) => {
      const path = relative(SRC, resolve(SRC, dirname(file), spec)).replace(/\.js$/, '.ts');
      return files.has(path) ? path : files.has(`${path}/index.ts`) ? `${path}/index.ts` : path;
    });
    graph.set(file, [...new Set(targets.filter((t) => files.has(t)))]);
  }
  return graph;
}

/** Every cycle's path (one per strongly connected component, closed: its first module again at the end). */
function cycles(graph: Graph): string[][] {
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  // One closed path through each component: from its first module, a shortest way back to it.
  return components.map((component) => {
    const inside = new Set(component);
    const start = [...component].sort()[0];
    const from = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift()!;
      for (const w of graph.get(v) ?? []) {
        if (!inside.has(w)) continue;
        if (w === start) {
          const path = [v];
          while (path[0] !== start) path.unshift(from.get(path[0])!);
          return [...path, start];
        }
        if (!from.has(w)) {
          from.set(w, v);
          queue.push(w);
        }
      }
    }
    return [start, start];
  });
}

describe('cycles', () => {
  it.each<[string, Record<string, string[]>, string[][]]>([
    ['a chain', { a: ['b'], b: ['c'], c: [] }, []],
    ['a diamond', { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, []],
    ['two modules', { a: ['b'], b: ['a'] }, [['a', 'b', 'a']]],
    ['three modules', { a: ['b'], b: ['c'], c: ['a'], d: ['a'] }, [['a', 'b', 'c', 'a']]],
    ['a module that imports itself', { a: ['a'] }, [['a', 'a']]],
    [
      'two separate cycles',
      { a: ['b'], b: ['a'], c: ['d'], d: ['c'] },
      [
        ['a', 'b', 'a'],
        ['c', 'd', 'c'],
      ],
    ],
  ])('%s', (_what, graph, expected) => {
    const found = cycles(new Map(Object.entries(graph)));
    expect(found.sort((x, y) => x[0].localeCompare(y[0]))).toEqual(expected);
  });
});

describe('runtimeImports', () => {
  it.each<[string, string[]]>([
    ["import { a } from './a.js';", ['./a.js']],
    ["import type { A } from './a.js';", []],
    ["import { type A, type B } from './a.js';", []],
    ["import { type A, b } from './a.js';", ['./a.js']],
    ["import * as x from '../x.js';", ['../x.js']],
    ["import './side.js';", ['./side.js']],
    ["export { a } from './a.js';", ['./a.js']],
    ["export type { A } from './a.js';", []],
    ["export * from './all.js';", ['./all.js']],
    ["import { readFile } from 'node:fs/promises';", []],
    ["import {\n  a,\n  type B,\n} from './multi.js';", ['./multi.js']],
  ])('%j -> %j', (source, expected) => {
    expect(runtimeImports(source)).toEqual(expected);
  });
});

it('src/ has no import cycle', () => {
  const graph = srcGraph();
  expect(graph.size).toBeGreaterThan(50);
  const found = cycles(graph).map((c) => c.join(' -> '));
  expect(found).toEqual([]);
});

/** The path from `from` to the first module `forbidden` accepts, through runtime imports; undefined when none. */
function reach(graph: Graph, from: string, forbidden: (file: string) => boolean): string[] | undefined {
  const back = new Map<string, string>([[from, '']]);
  const queue = [from];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (back.has(w)) continue;
      back.set(w, v);
      if (forbidden(w)) {
        const path = [w];
        while (path[0] !== from) path.unshift(back.get(path[0])!);
        return path;
      }
      queue.push(w);
    }
  }
  return undefined;
}

const PURE_REVISIONS = [
  'revisions/messages.ts',
  'revisions/readiness.ts',
  'revisions/state.ts',
  'revisions/traffic.ts',
];
const FEATURES = /^(analysis|bluegreen|build|deploy|smoke)\//;

describe('leaves stay leaves', () => {
  const graph = srcGraph();
  it.each<[string, (file: string) => boolean, (file: string) => boolean]>([
    [
      'the Azure client reaches no revision module and no feature',
      (f) => f.startsWith('azure/'),
      (f) => f.startsWith('revisions/') || FEATURES.test(f),
    ],
    [
      'the revision rules (pure) reach only each other and the input and naming rules',
      (f) => PURE_REVISIONS.includes(f),
      (f) => !PURE_REVISIONS.includes(f) && f !== 'core/inputs.ts' && f !== 'core/naming.ts',
    ],
    ['the revision operations reach no feature', (f) => f.startsWith('revisions/'), (f) => FEATURES.test(f)],
  ])('%s', (_rule, from, forbidden) => {
    const broken = [...graph.keys()]
      .filter(from)
      .map((f) => reach(graph, f, forbidden))
      .filter((p) => p !== undefined)
      .map((p) => p.join(' -> '));
    expect(broken).toEqual([]);
  });
});
