import { Field, InputType, Int } from 'type-graphql';

// Checked by the improvement service, which names the field at fault.
@InputType('ImprovementInput', {
  description:
    '"You said, we did": what residents told us in a reporting year, and what we changed.',
})
export class ImprovementInput {
  @Field(() => Int, { description: 'The reporting year it is reported in (2026 is 2026/27).' })
  year: number;

  @Field(() => String, {
    description: 'What residents told us, in their words: at most 2,000 characters.',
  })
  youSaid: string;

  @Field(() => String, { description: 'What we changed because of it: at most 2,000 characters.' })
  weDid: string;

  @Field(() => String, { nullable: true, description: 'The complaint category it is about.' })
  category?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The complaints it was learnt from, by reference (CMP-2026-000123), at most 50.',
  })
  complaintReferences?: string[] | null;
}
