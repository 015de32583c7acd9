const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether text can be a uuid column's value. Repositories answer "none" for anything else
 * rather than send it, which PostgreSQL would refuse as a fault of ours.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
