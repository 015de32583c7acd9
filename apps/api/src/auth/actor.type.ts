import type { Actor } from '@redress/domain';
import { Field, ObjectType } from 'type-graphql';
import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';

const ACTOR_KIND_DESCRIPTIONS: Readonly<Record<Actor['kind'], string>> = {
  user: 'A member of staff, signed in.',
  'api-key': "A partner's application.",
  system: 'Redress itself: the deadline watcher, automatic closing, the first start and demo data.',
};

export const ActorKindEnum = registerDomainEnum(
  valuesOf(ACTOR_KIND_DESCRIPTIONS),
  'ActorKind',
  'What kind of actor did something.',
  ACTOR_KIND_DESCRIPTIONS,
);

@ObjectType('Actor', { description: 'Who did something.' })
export class ActorType {
  @Field(() => ActorKindEnum)
  kind: Actor['kind'];

  @Field()
  id: string;

  @Field(() => String, { nullable: true })
  name: string | null;
}
