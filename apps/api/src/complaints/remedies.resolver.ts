// Putting things right, followed through (Code 6.6, 7.1, 7.3): updates to the resident on an
// outstanding action, the resident's answer to a remedy offered, and payments of compensation.
import type { ContactMethod, Instant, LocalDate, RemedyAnswer } from '@redress/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { ContactMethodEnum } from './complaint-enums.type.js';
import { AT, bounded, EXPECTED_VERSION, optionalText, stateOf, step } from './complaint-step.js';
import { ComplaintType } from './complaint.type.js';
import { RemedyAnswerEnum, RemedyRecordType, toRemedyRecordType } from './remedy-record.type.js';

@Resolver(() => ComplaintType)
export class RemediesResolver {
  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      'Records an update given to the resident on an outstanding action, and how they were told (Code 6.6, 7.3).',
  })
  updateOnAction(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('actionId', () => ID) actionId: string,
    @Arg('update', { description: 'What the resident was told.' }) update: string,
    @Arg('method', () => ContactMethodEnum) method: ContactMethod,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      complaintId,
      {
        type: 'update-on-action',
        actionId: bounded('actionId', actionId, 200),
        update: bounded('update', update, 5000),
        method,
      },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      "Records the resident's answer to a remedy offered in a response: accepted or declined (Code 7.3).",
  })
  answerRemedy(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('remedyId', () => ID, { description: 'The remedy, e.g. `1.2` (see `remedies`).' })
    remedyId: string,
    @Arg('answer', () => RemedyAnswerEnum) answer: RemedyAnswer,
    @Arg('note', () => String, { nullable: true }) note: string | null | undefined,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      complaintId,
      {
        type: 'answer-remedy',
        remedyId: bounded('remedyId', remedyId, 20),
        answer,
        note: optionalText('note', note, 5000),
      },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      'Records a payment of compensation offered as a remedy: never more, in all, than was offered (Code 7.1).',
  })
  payRemedy(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('remedyId', () => ID) remedyId: string,
    @Arg('amountPence', () => Int) amountPence: number,
    @Arg('paidOn', () => LocalDateScalar, { description: 'The day it was paid.' })
    paidOn: LocalDate,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      complaintId,
      { type: 'pay-remedy', remedyId: bounded('remedyId', remedyId, 20), amountPence, paidOn },
      at,
      expectedVersion,
    );
  }

  @FieldResolver(() => [RemedyRecordType], {
    description:
      'Every remedy offered, at either stage, with the answer the resident gave and what has been paid.',
  })
  remedies(@Root() complaint: ComplaintType): RemedyRecordType[] {
    return stateOf(complaint).remedies.map(toRemedyRecordType);
  }
}
