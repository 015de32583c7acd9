import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** What an operation asks for, counted as it would run: every fragment spread where it is used. */
export interface OperationShape {
  /** The deepest nesting of fields, the outermost field counting 1. */
  readonly depth: number;
  /** Fields given an alias. */
  readonly aliases: number;
  /** Fields in all, `__typename` and introspection included. */
  readonly fields: number;
  /** Fields at the root of a mutation: each one is a write. */
  readonly mutationFields: number;
}

interface Counts {
  depth: number;
  aliases: number;
  fields: number;
}

const NONE: Counts = { depth: 0, aliases: 0, fields: 0 };

/**
 * The shape of every operation of a document together: the deepest depth, and the sums of the
 * rest, since a document is parsed and validated whole whichever operation runs. Linear in the
 * document's size however its fragments nest: each fragment is counted once and its counts
 * multiplied by its uses (so a fragment spread a thousand times counts a thousand times).
 * Works on documents not validated yet: unknown or cyclic fragments count nothing, and
 * validation refuses them next.
 */
export function shapeOf(document: DocumentNode): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const counted = new Map<string, Counts>();
  const counting = new Set<string>();
  const rootCounted = new Map<string, number>();
  const rootCounting = new Set<string>();

  function fragmentCounts(name: string): Counts {
    const known = counted.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || counting.has(name)) return NONE;
    counting.add(name);
    const counts = selectionCounts(fragment.selectionSet);
    counting.delete(name);
    counted.set(name, counts);
    return counts;
  }

  function selectionCounts(selectionSet: SelectionSetNode): Counts {
    const total: Counts = { depth: 0, aliases: 0, fields: 0 };
    for (const selection of selectionSet.selections) {
      let counts: Counts;
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet ? selectionCounts(selection.selectionSet) : NONE;
        counts = {
          depth: inner.depth + 1,
          aliases: inner.aliases + (selection.alias ? 1 : 0),
          fields: inner.fields + 1,
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        counts = selectionCounts(selection.selectionSet);
      } else {
        counts = fragmentCounts(selection.name.value);
      }
      total.depth = Math.max(total.depth, counts.depth);
      total.aliases += counts.aliases;
      total.fields += counts.fields;
    }
    return total;
  }

  const shape = { depth: 0, aliases: 0, fields: 0, mutationFields: 0 };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const counts = selectionCounts(definition.selectionSet);
    shape.depth = Math.max(shape.depth, counts.depth);
    shape.aliases += counts.aliases;
    shape.fields += counts.fields;
    if (definition.operation === 'mutation') {
      shape.mutationFields = Math.max(shape.mutationFields, rootFields(definition.selectionSet));
    }
  }
  return shape;

  // The root fields of a mutation, through the fragments spread at its root: each fragment
  // counted once and multiplied by its uses, as above (walking every spread afresh took 2^n
  // steps for n fragments each spreading the next twice: a 2 KB request stopped the process).
  function rootFields(selectionSet: SelectionSetNode): number {
    let count = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        count += selection.name.value === '__typename' ? 0 : 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += rootFields(selection.selectionSet);
      } else {
        count += fragmentRootFields(selection.name.value);
      }
    }
    return count;
  }

  function fragmentRootFields(name: string): number {
    const known = rootCounted.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || rootCounting.has(name)) return 0;
    rootCounting.add(name);
    const count = rootFields(fragment.selectionSet);
    rootCounting.delete(name);
    rootCounted.set(name, count);
    return count;
  }
}
