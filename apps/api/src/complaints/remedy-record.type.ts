import {
  REMEDY_ANSWER_LABELS,
  REMEDY_ANSWERS,
  REMEDY_LABELS,
  type Instant,
  type LocalDate,
  type RemedyAnswer,
  type RemedyKind,
  type RemedyState,
} from '@redress/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { registerDomainEnum } from '../scalars/graphql-enum.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { RemedyKindEnum } from './complaint-enums.type.js';
import { personalData } from './complaint.type.js';

export const RemedyAnswerEnum = registerDomainEnum(
  REMEDY_ANSWERS,
  'RemedyAnswer',
  "The resident's answer to a remedy offered (Code 7.3).",
  REMEDY_ANSWER_LABELS,
);

@ObjectType('RemedyAnswerRecord', { description: 'The resident accepted or declined a remedy.' })
export class RemedyAnswerRecordType {
  @Field(() => RemedyAnswerEnum)
  answer: RemedyAnswer;

  @Field()
  answerLabel: string;

  @Field(() => DateTimeScalar)
  at: Instant;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData() })
  note: string | null;
}

@ObjectType('RemedyPayment', { description: 'A payment of compensation offered as a remedy.' })
export class RemedyPaymentType {
  @Field(() => Int)
  amountPence: number;

  @Field(() => LocalDateScalar, { description: 'The day it was paid.' })
  paidOn: LocalDate;

  @Field(() => DateTimeScalar, { description: 'When the payment was recorded.' })
  at: Instant;
}

@ObjectType('RemedyRecord', {
  description:
    'A remedy offered in a response, followed through to completion (Code 7.3): the answer the resident gave and, for compensation, what has been paid.',
})
export class RemedyRecordType {
  @Field(() => ID, {
    description: '`<stage>.<n>`, e.g. `1.2` for the second remedy of stage 1.',
  })
  id: string;

  @Field(() => Int)
  stage: number;

  @Field(() => RemedyKindEnum)
  kind: RemedyKind;

  @Field()
  label: string;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData() })
  description: string;

  @Field(() => Int, { nullable: true, description: 'Financial compensation offered, in pence.' })
  amountPence: number | null;

  @Field(() => DateTimeScalar, { description: 'When the response offering it was recorded.' })
  offeredAt: Instant;

  @Field(() => RemedyAnswerRecordType, {
    nullable: true,
    description: 'Null until the resident answers.',
  })
  answer: RemedyAnswerRecordType | null;

  @Field(() => [RemedyPaymentType])
  payments: RemedyPaymentType[];

  @Field(() => Int, { description: 'The payments added up, in pence.' })
  paidPence: number;
}

export function toRemedyRecordType(remedy: RemedyState): RemedyRecordType {
  return {
    id: remedy.id,
    stage: remedy.stage,
    kind: remedy.kind,
    label: REMEDY_LABELS[remedy.kind],
    description: remedy.description,
    amountPence: remedy.amountPence,
    offeredAt: remedy.offeredAt,
    answer: remedy.answer
      ? {
          answer: remedy.answer.answer,
          answerLabel: REMEDY_ANSWER_LABELS[remedy.answer.answer],
          at: remedy.answer.at,
          note: remedy.answer.note,
        }
      : null,
    payments: remedy.payments.map((payment) => ({
      amountPence: payment.amountPence,
      paidOn: payment.paidOn,
      at: payment.at,
    })),
    paidPence: remedy.payments.reduce((sum, payment) => sum + payment.amountPence, 0),
  };
}
