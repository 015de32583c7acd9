import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { IsOptional, Max, Min } from 'class-validator';
import { registerDomainEnum } from '../scalars/graphql-enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from './security-log.repository.js';

export const SecurityEventKindEnum = registerDomainEnum(
  SECURITY_EVENT_KINDS,
  'SecurityEventKind',
  'What happened to who may do what.',
);

@ObjectType('SecurityEvent', { description: 'One entry of the append-only security log.' })
export class SecurityEventType {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeScalar)
  at: string;

  @Field(() => SecurityEventKindEnum)
  kind: SecurityEventKind;

  @Field(() => String, { nullable: true, description: 'user, api-key or system.' })
  actorKind: string | null;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'user, api-key, team, session, attachment or complaint.',
  })
  subjectKind: string | null;

  @Field(() => ID, { nullable: true })
  subjectId: string | null;

  @Field(() => String, { nullable: true, description: 'The address the request came from.' })
  address: string | null;

  @Field(() => GraphQLJSONObject)
  detail: Record<string, unknown>;
}

@InputType('AuditLogFilter')
export class AuditLogFilterInput {
  @Field(() => [SecurityEventKindEnum], { nullable: true })
  @IsOptional()
  kinds?: SecurityEventKind[] | null;

  @Field(() => ID, {
    nullable: true,
    description: "A user's or key's activity: what they did and what was done to them.",
  })
  @IsOptional()
  involving?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  from?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'Entries older than this one (the next page).' })
  @IsOptional()
  before?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'At most 200.' })
  @IsOptional()
  @Min(1)
  @Max(200)
  first?: number | null;
}
