import { ArrayMaxSize, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, type ClassType } from 'type-graphql';
import { OrderDirectionEnum, type OrderDirection } from './order-direction.js';

/** The most items one page may hold. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 25;
/** The furthest `offset` skips to; further on, pages are read by cursor (`after`). */
export const MAX_OFFSET = 10_000;
/** The most ids one filter may name (react-admin's getMany asks for a page's references). */
export const MAX_IDS = 200;

/** What every list's filter has: `ids`, for fetching known items. Each filter extends it. */
@InputType()
export abstract class IdsFilterInput {
  @Field(() => [ID], { nullable: true, description: `Only these, at most ${MAX_IDS}.` })
  @ArrayMaxSize(MAX_IDS)
  @MaxLength(100, { each: true })
  ids?: string[] | null;
}

/** The order input a list is given: one of its fields, and a direction. */
export interface OrderInput<F extends string> {
  field: F;
  direction: OrderDirection;
}

/** `<Thing>Order { field: <Thing>OrderField!, direction: OrderDirection! }`. */
export function orderInputType<F extends string>(
  name: string,
  fieldEnum: Readonly<Record<string, F>>,
): ClassType<OrderInput<F>> {
  @InputType(`${name}Order`)
  class Order implements OrderInput<F> {
    @Field(() => fieldEnum)
    field: F;

    @Field(() => OrderDirectionEnum)
    direction: OrderDirection;
  }
  return Order;
}

/** The arguments of every list: filter, orderBy, first, after, offset. */
export interface ListArgs<Filter, Order> {
  filter?: Filter | null;
  orderBy?: Order | null;
  first?: number | null;
  after?: string | null;
  offset?: number | null;
}

/** The ArgsType of a list, from its filter and order inputs; `defaultOrder` for the schema. */
export function listArgsType<Filter extends object, Order extends object>(
  filter: ClassType<Filter>,
  order: ClassType<Order>,
  defaultOrder: string,
): ClassType<ListArgs<Filter, Order>> {
  @ArgsType()
  class Args implements ListArgs<Filter, Order> {
    @Field(() => filter, { nullable: true })
    @ValidateNested()
    filter?: Filter | null;

    @Field(() => order, { nullable: true, description: `Default: ${defaultOrder}.` })
    orderBy?: Order | null;

    @Field(() => Int, {
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `At most ${MAX_PAGE_SIZE}.`,
    })
    @Min(0)
    @Max(MAX_PAGE_SIZE)
    first?: number | null;

    @Field(() => String, { nullable: true, description: 'A cursor from pageInfo or an edge.' })
    @MaxLength(500)
    after?: string | null;

    @Field(() => Int, {
      nullable: true,
      description: `Skip this many, at most ${MAX_OFFSET}; for numbered pages.`,
    })
    @Min(0)
    @Max(MAX_OFFSET)
    offset?: number | null;
  }
  return Args;
}

/** The page a list's arguments ask for, with the defaults filled in. */
export function pageRequestOf(args: ListArgs<unknown, unknown>): {
  first: number;
  after?: string;
  offset?: number;
} {
  return {
    first: args.first ?? DEFAULT_PAGE_SIZE,
    ...(args.after != null ? { after: args.after } : {}),
    ...(args.offset != null ? { offset: args.offset } : {}),
  };
}
