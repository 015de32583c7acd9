import {
  DEFAULT_WORDING,
  LETTER_KINDS,
  type Instant,
  type LetterKind,
  type LetterTemplate,
} from '@redress/domain';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { LetterKindEnum } from './letter-enums.type.js';

@ObjectType('LetterWording')
export class LetterWordingType {
  @Field(() => LetterKindEnum)
  kind: LetterKind;

  @Field(() => String)
  opening: string;

  @Field(() => String)
  closing: string;
}

@ObjectType('LetterTemplate', {
  description:
    "The landlord's wording, logo and signature, and the Ombudsman's details letters give.",
})
export class LetterTemplateType {
  @Field(() => String)
  landlordName: string;

  @Field(() => String, { nullable: true })
  logoDataUrl: string | null;

  @Field(() => String)
  signatureName: string;

  @Field(() => String)
  signatureRole: string;

  @Field(() => String)
  ombudsmanContact: string;

  @Field(() => String)
  lgscoContact: string;

  @Field(() => String)
  escalationHowTo: string;

  @Field(() => [LetterWordingType], {
    description: 'Every kind, with the default where none is set.',
  })
  wording: LetterWordingType[];

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Null while the defaults are in use.',
  })
  updatedAt: Instant | null;
}

@ObjectType('CorrespondenceSettings', { description: 'How letters can go out from this server.' })
export class CorrespondenceSettingsType {
  @Field(() => Boolean, {
    description: 'Letters can be emailed: an SMTP server is set (REDRESS_SMTP_URL).',
  })
  emailConfigured: boolean;
}

export function toLetterTemplateType(
  template: LetterTemplate,
  updatedAt: Date | null,
): LetterTemplateType {
  return {
    landlordName: template.landlordName,
    logoDataUrl: template.logoDataUrl,
    signatureName: template.signatureName,
    signatureRole: template.signatureRole,
    ombudsmanContact: template.ombudsmanContact,
    lgscoContact: template.lgscoContact,
    escalationHowTo: template.escalationHowTo,
    wording: LETTER_KINDS.map((kind) => ({
      kind,
      ...(template.wording?.[kind] ?? DEFAULT_WORDING[kind]),
    })),
    updatedAt: updatedAt?.toISOString() ?? null,
  };
}
