import {
  isSupportedDate,
  isSupportedInstant,
  isLocalDate,
  unsupportedDateMessage,
} from '@redress/domain';
import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import { BadUserInputError } from '../errors/app-errors.js';

/** The largest page any list answers. */
export const MAX_PAGE_SIZE = 200;

/** The furthest `offset` a list skips to; further on, pages are read by cursor (`after`). */
export const MAX_OFFSET = 10_000;

// PostgreSQL cannot store U+0000 in text, and a lone half of a surrogate pair is not UTF-8 at
// all: what a portal sends when it cuts a string inside an emoji.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Only the calendar's own syntax is looked at here; what is not an instant the scalar refuses.
const INSTANT_TEXT = /^\d{4}-\d{2}-\d{2}T/;

type Variables = Readonly<Record<string, unknown>> | null | undefined;

/**
 * The first input of a document, with its variables, that the API would refuse whatever field it
 * is given to: text that cannot be stored, a date outside the supported dates, a page over the
 * largest. Names the field by its argument path (`input.complainant.name`, `remedies[1].kind`),
 * reached through a literal or a variable alike. Runs before validation and execution, so no
 * resolver, scalar or database meets such a value; anything else about the values is for
 * validation and the scalars to say.
 */
export function inputProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Variables,
): BadUserInputError | undefined {
  const typeInfo = new TypeInfo(schema);
  let problem: BadUserInputError | undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (problem) return false;
        const argument = typeInfo.getArgument();
        if (!argument) return false;
        const name = node.name.value;
        problem = pagingProblem(name, argument.type, node.value, variables) ?? undefined;
        problem ??= literalProblem(node.value, argument.type, name, variables);
        return false;
      },
      // Defaults of variables are input too.
      VariableDefinition(node) {
        if (problem || !node.defaultValue) return false;
        const type = typeInfo.getInputType();
        if (type) problem = literalProblem(node.defaultValue, type, node.variable.name.value, null);
        return false;
      },
    }),
  );
  return problem;
}

function literalProblem(
  node: ValueNode,
  type: GraphQLInputType,
  path: string,
  variables: Variables,
): BadUserInputError | undefined {
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  switch (node.kind) {
    case Kind.VARIABLE:
      return valueProblem(variables?.[node.name.value], unwrapped, path);
    case Kind.LIST: {
      const item = isListType(unwrapped) ? unwrapped.ofType : unwrapped;
      for (const [index, value] of node.values.entries()) {
        const found = literalProblem(value, item, `${path}[${index}]`, variables);
        if (found) return found;
      }
      return undefined;
    }
    case Kind.OBJECT: {
      if (!isInputObjectType(unwrapped)) return undefined;
      const fields = unwrapped.getFields();
      for (const field of node.fields) {
        const definition = fields[field.name.value];
        if (!definition) continue;
        const found = literalProblem(
          field.value,
          definition.type,
          `${path}.${field.name.value}`,
          variables,
        );
        if (found) return found;
      }
      return undefined;
    }
    case Kind.STRING:
      return textProblem(node.value, getNamedType(unwrapped).name, path);
    default:
      return undefined;
  }
}

function valueProblem(
  value: unknown,
  type: GraphQLInputType,
  path: string,
): BadUserInputError | undefined {
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  if (typeof value === 'string') return textProblem(value, getNamedType(unwrapped).name, path);
  if (Array.isArray(value)) {
    const item = isListType(unwrapped) ? unwrapped.ofType : unwrapped;
    for (const [index, element] of value.entries()) {
      const found = valueProblem(element, item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object' && isInputObjectType(unwrapped)) {
    const fields = unwrapped.getFields();
    for (const [name, field] of Object.entries(value)) {
      const definition = fields[name];
      if (!definition) continue;
      const found = valueProblem(field, definition.type, `${path}.${name}`);
      if (found) return found;
    }
  }
  return undefined;
}

function textProblem(text: string, typeName: string, field: string): BadUserInputError | undefined {
  if (text.includes('\u0000')) {
    return new BadUserInputError(
      `${field} contains a NUL character (U+0000), which cannot be stored: remove it.`,
      field,
    );
  }
  if (LONE_SURROGATE.test(text)) {
    return new BadUserInputError(
      `${field} contains half of a character (a lone UTF-16 surrogate, as when text is cut inside an emoji): send whole characters.`,
      field,
    );
  }
  if (typeName === 'LocalDate' && isLocalDate(text) && !isSupportedDate(text)) {
    return new BadUserInputError(unsupportedDateMessage(field, text), field);
  }
  if (
    typeName === 'DateTime' &&
    INSTANT_TEXT.test(text) &&
    !Number.isNaN(Date.parse(text)) &&
    !isSupportedInstant(text)
  ) {
    return new BadUserInputError(unsupportedDateMessage(field, text), field);
  }
  return undefined;
}

/** `first` and `offset` of any list, whatever field they page. */
function pagingProblem(
  name: string,
  type: GraphQLInputType,
  node: ValueNode,
  variables: Variables,
): BadUserInputError | null {
  if ((name !== 'first' && name !== 'offset') || getNamedType(type).name !== 'Int') return null;
  const value =
    node.kind === Kind.VARIABLE
      ? variables?.[node.name.value]
      : node.kind === Kind.INT
        ? Number(node.value)
        : undefined;
  if (typeof value !== 'number') return null;
  const maximum = name === 'first' ? MAX_PAGE_SIZE : MAX_OFFSET;
  if (value <= maximum) return null;
  return new BadUserInputError(
    name === 'first'
      ? `first must be between 0 and ${MAX_PAGE_SIZE}: a page holds at most ${MAX_PAGE_SIZE} items.`
      : `offset must be between 0 and ${MAX_OFFSET}: read further on with after (a cursor from pageInfo.endCursor).`,
    name,
  );
}
