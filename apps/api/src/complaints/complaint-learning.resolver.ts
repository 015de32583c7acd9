import { SATISFACTION_SCORE_MAX, SATISFACTION_SCORE_MIN, type Instant } from '@redress/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import {
  LessonType,
  SatisfactionType,
  toLessonType,
  toSatisfactionType,
} from './complaint-learning.type.js';
import { AT, bounded, EXPECTED_VERSION, optionalText, stateOf, step } from './complaint-step.js';
import { ComplaintType } from './complaint.type.js';

/** A comment or a lesson is a few sentences; this stops a pasted document, not a person. */
const MAX_TEXT = 5000;

/**
 * What a case teaches the landlord: the resident's transactional satisfaction with how it was
 * handled (a tenant portal records it with a partner key), and the lessons learnt (Code 9).
 */
@Resolver(() => ComplaintType)
export class ComplaintLearningResolver {
  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description: `Records the resident's satisfaction with how the complaint was handled, a whole number from ${SATISFACTION_SCORE_MIN} to ${SATISFACTION_SCORE_MAX}, once it has closed (COMPLAINT_NOT_CLOSED before; SATISFACTION_SCORE_INVALID off the scale). A later score replaces the earlier; the events keep both.`,
  })
  recordSatisfaction(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('score', () => Int) score: number,
    @Arg('comment', () => String, {
      nullable: true,
      description: "The resident's own words, if they gave any.",
    })
    comment: string | null | undefined,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      complaintId,
      { type: 'record-satisfaction', score, comment: optionalText('comment', comment, MAX_TEXT) },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      'Records a lesson learnt from the complaint (Code 9), a sentence, at any point in the case.',
  })
  recordLesson(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('lesson', { description: 'What the case taught, and what should change.' })
    lesson: string,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      complaintId,
      { type: 'record-lesson', lesson: bounded('lesson', lesson, MAX_TEXT) },
      at,
      expectedVersion,
    );
  }

  @FieldResolver(() => SatisfactionType, {
    nullable: true,
    description:
      "The resident's satisfaction with how the complaint was handled, the latest recorded; null until one is.",
  })
  satisfaction(@Root() complaint: ComplaintType): SatisfactionType | null {
    const { satisfaction } = stateOf(complaint);
    return satisfaction ? toSatisfactionType(satisfaction) : null;
  }

  @FieldResolver(() => [LessonType], {
    description: 'The lessons learnt from the case, oldest first.',
  })
  lessons(@Root() complaint: ComplaintType): LessonType[] {
    return stateOf(complaint).lessons.map(toLessonType);
  }
}
