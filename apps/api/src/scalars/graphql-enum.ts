import { registerEnumType } from 'type-graphql';

/**
 * The GraphQL name of a domain value: `partly-upheld` → `PARTLY_UPHELD`,
 * `receivedAt` → `RECEIVED_AT`, `complaints:read` → `COMPLAINTS_READ`.
 */
export function enumNameOf(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-:]/g, '_')
    .toUpperCase();
}

/**
 * Registers a GraphQL enum whose internal values are the domain's own strings, so resolvers pass
 * domain values through untouched and no second list of values has to be kept in step: the
 * GraphQL names are derived from the domain's list.
 */
export function registerDomainEnum<V extends string>(
  values: readonly V[],
  name: string,
  description: string,
  valueDescriptions?: Readonly<Record<V, string>>,
): Readonly<Record<string, V>> {
  const enumObject: Record<string, V> = {};
  for (const value of values) {
    const key = enumNameOf(value);
    if (Object.hasOwn(enumObject, key)) {
      throw new Error(`Enum ${name}: "${value}" and "${enumObject[key]}" both map to ${key}`);
    }
    enumObject[key] = value;
  }
  Object.freeze(enumObject);
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: valueDescriptions
      ? Object.fromEntries(
          values.map((value) => [enumNameOf(value), { description: valueDescriptions[value] }]),
        )
      : undefined,
  });
  return enumObject;
}

/**
 * The values of a union the domain keeps no list of, read from a total record so that a value
 * added to the union without a description fails to compile.
 */
export function valuesOf<V extends string>(
  descriptions: Readonly<Record<V, string>>,
): readonly V[] {
  // Object.keys loses the key type; the record is total over V, so the cast only restores it.
  return Object.keys(descriptions) as V[];
}
