import type { LetterKind, LetterPartId, LocalDate, Ombudsman } from '@redress/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { OmbudsmanEnum } from '../complaints/ombudsman.type.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { LetterKindEnum, LetterPartEnum } from './letter-enums.type.js';

@InputType('LetterDecisionInput', { description: 'The decision on one point the stage raised.' })
export class LetterDecisionInput {
  @Field(() => String, { description: "The point, as the stage's investigation recorded it." })
  point: string;

  @Field(() => String)
  decision: string;
}

@InputType('LetterEditInput', {
  description: "A part's text in the handler's words, in place of what the case supplies.",
})
export class LetterEditInput {
  @Field(() => LetterPartEnum)
  part: LetterPartId;

  @Field(() => String, { description: 'At most 10,000 characters; empty leaves the part missing.' })
  text: string;
}

@InputType('LetterInput', { description: 'Which letter, and what the handler adds to the case.' })
export class LetterInput {
  @Field(() => ID)
  complaintId: string;

  @Field(() => LetterKindEnum)
  kind: LetterKind;

  @Field(() => Int, { description: 'The stage, 1 or 2 (1 for refusals).' })
  stage: number;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The letter date; absent: the day of the step it tells of. Never before that day.',
  })
  issuedOn?: LocalDate | null;

  @Field(() => [LetterDecisionInput], {
    nullable: true,
    description: 'A response letter: the decision on each point the stage raised.',
  })
  decisions?: LetterDecisionInput[] | null;

  @Field(() => [LetterEditInput], { nullable: true })
  edits?: LetterEditInput[] | null;

  @Field(() => OmbudsmanEnum, {
    nullable: true,
    description:
      "Whose contact details the letter gives: the Housing Ombudsman's unless the landlord's procedure names the LGSCO.",
  })
  ombudsman?: Ombudsman | null;
}

@InputType('LetterWordingInput', { description: "A letter kind's opening and closing lines." })
export class LetterWordingInput {
  @Field(() => LetterKindEnum)
  kind: LetterKind;

  @Field(() => String)
  opening: string;

  @Field(() => String)
  closing: string;
}

@InputType('LetterTemplateInput', {
  description:
    "The landlord's letter template: every text required (an empty Ombudsman's details would stop every letter that must give them), at most 2,000 characters each.",
})
export class LetterTemplateInput {
  @Field(() => String)
  landlordName: string;

  @Field(() => String, {
    nullable: true,
    description: 'A PNG or JPEG logo as a base64 data URL, at most 256 KiB; null for none.',
  })
  logoDataUrl?: string | null;

  @Field(() => String)
  signatureName: string;

  @Field(() => String)
  signatureRole: string;

  @Field(() => String)
  ombudsmanContact: string;

  @Field(() => String)
  lgscoContact: string;

  @Field(() => String, { description: 'How to ask for stage 2, in the landlord’s words.' })
  escalationHowTo: string;

  @Field(() => [LetterWordingInput], {
    nullable: true,
    description: 'Openings and closings per kind; a kind left out keeps the default wording.',
  })
  wording?: LetterWordingInput[] | null;
}
