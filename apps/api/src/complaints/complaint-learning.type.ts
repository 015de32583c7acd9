// What a case teaches: the resident's transactional satisfaction with how it was handled, and
// the lessons the landlord learnt from it (Code 9).
import type { ComplaintState, Instant } from '@redress/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { personalData } from './complaint.type.js';

@ObjectType('Satisfaction', {
  description:
    "The resident's satisfaction with how the complaint was handled, asked once it closed; the latest recorded.",
})
export class SatisfactionType {
  @Field(() => Int, { description: 'From 0 (not at all satisfied) to 10 (entirely).' })
  score: number;

  @RequirePermission('complaints:personal')
  @Field(() => String, {
    nullable: true,
    description: personalData("The resident's comment, if they gave one."),
  })
  comment: string | null;

  @Field(() => DateTimeScalar, { description: 'When the score was given.' })
  at: Instant;
}

@ObjectType('Lesson', { description: 'A lesson learnt from the case (Code 9).' })
export class LessonType {
  @Field({ description: 'What the case taught, and what should change.' })
  lesson: string;

  @Field(() => DateTimeScalar)
  at: Instant;
}

export function toSatisfactionType(
  satisfaction: NonNullable<ComplaintState['satisfaction']>,
): SatisfactionType {
  return { score: satisfaction.score, comment: satisfaction.comment, at: satisfaction.at };
}

export function toLessonType(lesson: ComplaintState['lessons'][number]): LessonType {
  return { lesson: lesson.lesson, at: lesson.at };
}
