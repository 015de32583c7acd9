// What the resident was told and how, for the steps the Code says are told to them: an extension
// with its new date (6.4, 6.5; 6.15, 6.16), a refusal to accept a complaint or to take it to
// stage 2 (2.4, 5.11). Each goes with the Ombudsman's contact details.
import {
  CONTACT_METHOD_LABELS,
  type ContactMethod,
  type LocalDate,
  type ResidentNotice,
} from '@redress/domain';
import { Field, InputType, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { ContactMethodEnum } from './complaint-enums.type.js';

@InputType('ResidentNoticeInput', {
  description:
    "When and how the resident was told of the step, and that they were given the Housing Ombudsman's contact details.",
})
export class ResidentNoticeInput {
  @Field(() => LocalDateScalar, {
    description: 'The day the resident was told: not after the step, not before the stage began.',
  })
  toldOn: LocalDate;

  @Field(() => ContactMethodEnum)
  method: ContactMethod;

  @Field({
    description:
      "That the Housing Ombudsman's contact details, and the right to go to it, were given (required to be true).",
  })
  ombudsmanDetailsGiven: boolean;
}

// Plain data: no field of it has a resolver, a role or a middleware.
@ObjectType('ResidentNotice', {
  description: "When and how the resident was told of a step, with the Ombudsman's details.",
  simpleResolvers: true,
})
export class ResidentNoticeType {
  @Field(() => LocalDateScalar)
  toldOn: LocalDate;

  @Field(() => ContactMethodEnum)
  method: ContactMethod;

  @Field({ description: 'How the resident was told, in words.' })
  methodLabel: string;

  @Field()
  ombudsmanDetailsGiven: boolean;
}

export function toResidentNoticeType(notice: ResidentNotice): ResidentNoticeType {
  const type = new ResidentNoticeType();
  type.toldOn = notice.toldOn;
  type.method = notice.method;
  type.methodLabel = CONTACT_METHOD_LABELS[notice.method];
  type.ombudsmanDetailsGiven = notice.ombudsmanDetailsGiven;
  return type;
}

/** The domain's notice from the input: only its own fields. */
export function toResidentNotice(
  input: ResidentNoticeInput | null | undefined,
): ResidentNotice | null {
  if (input == null) return null;
  return {
    toldOn: input.toldOn,
    method: input.method,
    ombudsmanDetailsGiven: input.ombudsmanDetailsGiven,
  };
}
