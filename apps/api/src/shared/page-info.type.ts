// Its fields' types are read from the decorators' metadata, which must be loaded before this
// module runs: connection.ts brings it in early (the services import its COUNT_BOUND), before
// anything else has imported the polyfill.
import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', {
  description: 'Where a page sits in a list (Relay connection style).',
  simpleResolvers: true,
})
export class PageInfoType {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` to read on from the first item.',
  })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page.' })
  endCursor: string | null;
}
