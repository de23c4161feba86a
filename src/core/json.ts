// Values as JSON.parse and YAML parsers return them: the one type guard for an object with keys.

/** An object with keys (a JSON object, a YAML map): not null, not an array. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
