import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { AnonymisationResult } from './anonymisation.service.js';

@ObjectType('AnonymisedComplaint')
export class AnonymisedComplaintType {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;
}

@ObjectType('Anonymisation', {
  description:
    "What anonymising a resident did. Each case keeps its dates, stages, outcomes and measures; its events' personal details are erased, its letters kept without what they said, its notes emptied and its attachments deleted.",
})
export class AnonymisationType {
  @Field(() => [AnonymisedComplaintType], { description: 'The cases anonymised now.' })
  complaints: AnonymisedComplaintType[];

  @Field(() => Int, {
    description:
      'How many of them had been anonymised before: done again, so that anything written on them since goes too.',
  })
  alreadyAnonymised: number;

  @Field(() => Int)
  letters: number;

  @Field(() => Int)
  notes: number;

  @Field(() => Int)
  attachments: number;
}

export function toAnonymisationType(result: AnonymisationResult): AnonymisationType {
  return {
    complaints: result.complaints.map((c) => ({ id: c.id, reference: c.reference })),
    alreadyAnonymised: result.alreadyAnonymised,
    letters: result.letters,
    notes: result.notes,
    attachments: result.attachments,
  };
}
