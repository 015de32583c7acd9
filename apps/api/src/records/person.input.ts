import { Field, InputType } from 'type-graphql';

@InputType('PersonInput', {
  description:
    'A resident, by the details their cases record: an email, a phone number, or a name with an address. Each detail given finds the cases keyed by it.',
})
export class PersonInput {
  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'In any form: +44 7700 900123, 07700 900123.',
  })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Only with the name.' })
  address?: string | null;
}
