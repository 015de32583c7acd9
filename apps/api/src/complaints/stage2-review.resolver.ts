import { MAX_STAGE2_REVIEWERS, type Instant } from '@redress/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { BadUserInputError } from '../errors/app-errors.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { AT, EXPECTED_VERSION, stateOf } from './complaint-step.js';
import { toComplaintType } from './complaint.mapper.js';
import { ComplaintType } from './complaint.type.js';
import { recordStage2Reviewers } from './record-stage2-reviewers.js';
import {
  Stage2ReviewerInput,
  Stage2ReviewerType,
  toStage2ReviewerType,
} from './stage2-reviewer.type.js';

/** Stage 2's review (seed 004): who reviews it, recorded while it is open. */
@Resolver(() => ComplaintType)
export class Stage2ReviewResolver {
  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      "Records who reviews stage 2, while it is open (STAGE2_REVIEW_NOT_OPEN otherwise): staff by userId, residents of the review panel by panelMemberId; a later record replaces the earlier. Refused: staff who considered stage 1 (REVIEWER_NOT_INDEPENDENT, Code 6.13); a panel member who has not consented or withdrew (REVIEWER_WITHOUT_CONSENT), whose home or a declared home is the case's, in its building or a neighbour's (REVIEWER_CONFLICT_OF_INTEREST), or on a case holding no address to check (REVIEWER_CONFLICT_UNCHECKED); anyone listed twice (REVIEWER_LISTED_TWICE).",
  })
  async recordStage2Reviewers(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('reviewers', () => [Stage2ReviewerInput], {
      description: `One or more, at most ${MAX_STAGE2_REVIEWERS}.`,
    })
    reviewers: Stage2ReviewerInput[],
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    if (reviewers.length > MAX_STAGE2_REVIEWERS) {
      throw new BadUserInputError(`Name at most ${MAX_STAGE2_REVIEWERS} reviewers.`, 'reviewers');
    }
    const record = await recordStage2Reviewers(
      ctx.services,
      ctx.principal,
      complaintId,
      reviewers,
      {
        at: at ?? undefined,
        expectedVersion: expectedVersion ?? undefined,
      },
    );
    return toComplaintType(record);
  }

  @FieldResolver(() => [Stage2ReviewerType], {
    description: 'Who reviews stage 2, as last recorded; empty until recorded.',
  })
  stage2Reviewers(@Root() complaint: ComplaintType): Stage2ReviewerType[] {
    return (stateOf(complaint).stage2Review?.reviewers ?? []).map(toStage2ReviewerType);
  }
}
