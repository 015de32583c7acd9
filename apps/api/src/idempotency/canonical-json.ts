/**
 * One spelling of a value as JSON, whatever order its keys came in: object keys sorted, absent
 * and null fields left out (GraphQL does not tell them apart for an optional field), so two
 * requests that mean the same thing are written the same.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== null && field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, field]) => [name, canonical(field)] as const);
    return Object.fromEntries(entries);
  }
  return value;
}
