import { Field, ID, InputType } from 'type-graphql';
import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { connectionTypes } from '../shared/connection.js';
import { IdsFilterInput, listArgsType, orderInputType } from '../shared/list-args.js';
import { SecurityEventKindEnum, SecurityEventType } from './security-event.type.js';
import type { SecurityEventKind } from './security-log.repository.js';

export type AuditLogOrderField = 'at';

const ORDER_FIELDS: Readonly<Record<AuditLogOrderField, string>> = {
  at: 'When it happened.',
};
export const AuditLogOrderFieldEnum = registerDomainEnum(
  valuesOf(ORDER_FIELDS),
  'AuditLogOrderField',
  'What to order the security log by.',
  ORDER_FIELDS,
);

@InputType('AuditLogPageFilter', { description: 'Every field given must match.' })
export class AuditLogPageFilterInput extends IdsFilterInput {
  @Field(() => [SecurityEventKindEnum], { nullable: true, description: 'Any of these kinds.' })
  kinds?: SecurityEventKind[] | null;

  @Field(() => ID, {
    nullable: true,
    description: "A user's or key's activity: what they did and what was done to them.",
  })
  involving?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'At or after this instant.' })
  from?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Before this instant.' })
  to?: string | null;
}

export const AuditLogOrderInput = orderInputType<AuditLogOrderField>(
  'AuditLog',
  AuditLogOrderFieldEnum,
);

export const AuditLogPageArgs = listArgsType(
  AuditLogPageFilterInput,
  AuditLogOrderInput,
  'newest first',
);

export const { Connection: SecurityEventConnectionType } = connectionTypes(
  'SecurityEvent',
  SecurityEventType,
  'A page of the security log.',
);
