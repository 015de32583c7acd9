// Every place of the schema a caller can put a value, read from the schema itself: each argument
// of each root field and, inside input objects and lists, each field of them. The hostile-input
// suite fills these with what a hostile caller sends, so an argument or input field added later
// is attacked without anyone listing it.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedInputType,
  type GraphQLSchema,
} from 'graphql';

export type RootKind = 'query' | 'mutation' | 'subscription';

/** One step into a value: an input object's field, or an item of a list. */
export type PathStep = { readonly field: string } | { readonly item: true };

export interface InputSlot {
  readonly root: RootKind;
  /** The root field, e.g. `logComplaint`. */
  readonly field: string;
  /** The argument the slot is in. */
  readonly argument: string;
  /** Below the argument: `[{field: 'complainant'}, {field: 'name'}]`. */
  readonly steps: readonly PathStep[];
  /** The leaf's named type: a scalar or an enum. */
  readonly type: GraphQLNamedInputType;
  /** The leaf's own type, lists and non-null included. */
  readonly leafType: GraphQLInputType;
  /** The path as the API names it in `extensions.field`: `input.remedies[0].description`. */
  readonly path: string;
}

/** Scalars a caller writes as text: every String-like scalar but the numbers and Boolean. */
const NOT_TEXT = new Set(['Int', 'Float', 'Boolean']);

export function isTextSlot(slot: InputSlot): boolean {
  return isScalarType(slot.type) && !NOT_TEXT.has(slot.type.name);
}

/** Input objects are walked this deep, so a type that contains itself ends. */
const MAX_NESTING = 4;

export function inputSlots(schema: GraphQLSchema): InputSlot[] {
  const roots: [RootKind, ReturnType<GraphQLSchema['getQueryType']>][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  const slots: InputSlot[] = [];
  for (const [root, type] of roots) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      for (const argument of field.args) {
        walk(argument.type, [], 0, (steps, leafType, named) =>
          slots.push({
            root,
            field: field.name,
            argument: argument.name,
            steps,
            type: named,
            leafType,
            path: pathOf(argument.name, steps),
          }),
        );
      }
    }
  }
  return slots;
}

function walk(
  type: GraphQLInputType,
  steps: readonly PathStep[],
  depth: number,
  leaf: (
    steps: readonly PathStep[],
    leafType: GraphQLInputType,
    named: GraphQLNamedInputType,
  ) => void,
): void {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const named = getNamedType(nullable);
    // A list of scalars or enums is a slot itself (for huge lists) and so is its item.
    if (!isInputObjectType(named)) leaf(steps, type, named);
    walk(nullable.ofType, [...steps, { item: true }], depth, leaf);
    return;
  }
  if (isInputObjectType(nullable)) {
    if (depth >= MAX_NESTING) return;
    for (const field of Object.values(nullable.getFields())) {
      walk(field.type, [...steps, { field: field.name }], depth + 1, leaf);
    }
    return;
  }
  if (isScalarType(nullable) || isEnumType(nullable)) leaf(steps, type, nullable);
}

export function pathOf(argument: string, steps: readonly PathStep[]): string {
  return steps.reduce(
    (path, step) => ('item' in step ? `${path}[0]` : `${path}.${step.field}`),
    argument,
  );
}

/** A value the slot's type takes that says nothing: what fills every required place. */
export type Filler = (
  type: GraphQLNamedInputType,
  name: string,
  field: GraphQLField<unknown, unknown>,
) => unknown;

/**
 * The arguments of `field` with `value` at the slot, and every required argument and input field
 * on the way filled by `fill`. Optional arguments are left out, so each request attacks one place.
 */
export function argumentsWith(
  field: GraphQLField<unknown, unknown>,
  slot: Pick<InputSlot, 'argument' | 'steps'> | null,
  value: unknown,
  fill: Filler,
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const argument of field.args) {
    if (slot && argument.name === slot.argument) {
      args[argument.name] = placed(argument.type, slot.steps, value, argument.name, field, fill);
    } else if (isRequired(argument)) {
      args[argument.name] = filled(argument.type, argument.name, field, fill);
    }
  }
  return args;
}

function isRequired(input: Pick<GraphQLArgument, 'type' | 'defaultValue'>): boolean {
  return isNonNullType(input.type) && input.defaultValue === undefined;
}

function filled(
  type: GraphQLInputType,
  name: string,
  field: GraphQLField<unknown, unknown>,
  fill: Filler,
): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [filled(nullable.ofType, name, field, fill)];
  if (isInputObjectType(nullable)) {
    const object: Record<string, unknown> = {};
    for (const inner of Object.values(nullable.getFields())) {
      if (isRequired(inner)) object[inner.name] = filled(inner.type, inner.name, field, fill);
    }
    return object;
  }
  return fill(nullable as GraphQLNamedInputType, name, field);
}

function placed(
  type: GraphQLInputType,
  steps: readonly PathStep[],
  value: unknown,
  name: string,
  field: GraphQLField<unknown, unknown>,
  fill: Filler,
): unknown {
  const [step, ...rest] = steps;
  if (!step) return value;
  const nullable = getNullableType(type);
  if ('item' in step) {
    if (!isListType(nullable)) return value;
    return [placed(nullable.ofType, rest, value, name, field, fill)];
  }
  if (!isInputObjectType(nullable)) return value;
  const object = filled(nullable, name, field, fill) as Record<string, unknown>;
  const inner = nullable.getFields()[step.field];
  if (inner) object[step.field] = placed(inner.type, rest, value, step.field, field, fill);
  return object;
}
