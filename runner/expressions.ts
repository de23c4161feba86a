// Expressions as GitHub evaluates them, with its own expression library: `${{ }}` in `with:`, `env:` and `run:`
// values, typed `with:` values of reusable-workflow calls, and `if:` conditions with the status functions.
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import type { ExpressionData } from '@actions/expressions/data/expressiondata';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const CONTEXTS = [
  'github',
  'env',
  'vars',
  'secrets',
  'inputs',
  'steps',
  'needs',
  'job',
  'jobs',
  'runner',
  'matrix',
  'strategy',
];
/** Does a condition call a status function (then GitHub does not add `success() &&`)? */
export const STATUS = /\b(success|failure|always|cancelled)\s*\(/;

export interface ExpressionState {
  contexts: Record<string, Json>;
  /** Did an earlier step of the job (or a needed job) fail? */
  failed: boolean;
}

function statusFunctions(state: ExpressionState): Map<string, FunctionDefinition> {
  const fn = (name: string, value: () => boolean): [string, FunctionDefinition] => [
    name,
    { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value()) },
  ];
  return new Map([
    fn('success', () => !state.failed),
    fn('failure', () => state.failed),
    fn('always', () => true),
    fn('cancelled', () => false),
  ]);
}

/** Evaluates one expression (the text between `${{` and `}}`). */
export function evaluate(expression: string, state: ExpressionState): ExpressionData {
  const functions = statusFunctions(state);
  const tokens = new Lexer(expression).lex().tokens.map((t) =>
    // The library's lexer unescapes only the first '' of a string literal; GitHub unescapes every one.
    t.lexeme.startsWith("'") ? { ...t, value: t.lexeme.slice(1, -1).replaceAll("''", "'") } : t,
  );
  const ast = new Parser(tokens, CONTEXTS, [...functions.values()]).parse();
  const contexts = JSON.parse(JSON.stringify(state.contexts), data.reviver) as data.Dictionary;
  return new Evaluator(ast, contexts, functions).evaluate();
}

/** A value with `${{ }}` interpolated, as GitHub renders `with:`, `env:` and `run:` values. */
export function interpolate(value: unknown, state: ExpressionState): string {
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, expr: string) => evaluate(expr, state).coerceString());
}

/** A `with:` value of a reusable-workflow call: a whole `${{ }}` keeps its type (a boolean stays a boolean). */
export function withValue(value: unknown, state: ExpressionState): Json {
  if (typeof value !== 'string') return value === undefined ? null : (value as Json);
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
  if (whole && !whole[1].includes('}}')) {
    return JSON.parse(JSON.stringify(evaluate(whole[1], state), data.replacer)) as Json;
  }
  return interpolate(value, state);
}

/** An `if:` condition: `${{ }}` optional, and `success() && (...)` unless it calls a status function. */
export function condition(raw: string | undefined, state: ExpressionState): boolean {
  if (raw === undefined || raw === '') return !state.failed;
  const whole = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(raw);
  const expression = whole ? whole[1] : raw;
  const full = STATUS.test(expression) ? expression : `success() && (${expression})`;
  return truthy(evaluate(full, state));
}

/** Every value of a mapping (`with:`, `env:`, `outputs:`) interpolated. */
export function mapValues(
  values: Record<string, unknown> | undefined,
  state: ExpressionState,
): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, interpolate(v, state)]));
}
